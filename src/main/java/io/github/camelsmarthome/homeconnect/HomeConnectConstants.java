package io.github.camelsmarthome.homeconnect;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code homeconnect:} component. */
public final class HomeConnectConstants {

    @Metadata(description = "The appliance id (haId). Set by the consumer on every event; read by the producer to address"
                            + " an appliance other than the endpoint's haId.",
              javaType = "String")
    public static final String HA_ID = "CamelHomeConnectHaId";

    @Metadata(description = "Consumer: the account the event came through (homeconnect- and a hash of the client id, or"
                            + " with accountsDir the name of its token store), the origin of the CloudEvents source."
                            + " Producer with accountsDir: the account to call as.",
              javaType = "String")
    public static final String ACCOUNT = "CamelHomeConnectAccount";

    @Metadata(label = "consumer", description = "The event type as Home Connect names it (STATUS, EVENT, NOTIFY, CONNECTED,"
                                                + " DISCONNECTED, PAIRED, DEPAIRED) or one the bridge made (stream_reconnected, auth_required).",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelHomeConnectEventType";

    @Metadata(label = "consumer", description = "The stable id of the event, the same across re-deliveries.", javaType = "String")
    public static final String EVENT_ID = "CamelHomeConnectEventId";

    @Metadata(description = "Consumer with splitItems: the key of the item. Producer: the status, setting, option, command or"
                            + " program key to use instead of the endpoint's key.",
              javaType = "String")
    public static final String KEY = "CamelHomeConnectKey";

    @Metadata(label = "producer", description = "The value to write (setSetting, setActiveProgramOption,"
                                                + " setSelectedProgramOption); when absent the body is the value.",
              javaType = "Object")
    public static final String VALUE = "CamelHomeConnectValue";

    @Metadata(label = "producer", description = "The operation to run instead of the endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelHomeConnectOperation";

    @Metadata(label = "producer", description = "The HTTP status Home Connect answered with.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelHomeConnectHttpStatus";

    @Metadata(description = "Requests left in the rolling day of the account's request budget (1000 a day).",
              javaType = "Integer")
    public static final String BUDGET_REMAINING_DAY = "CamelHomeConnectBudgetRemainingDay";

    @Metadata(description = "Requests left in the rolling minute of the account's request budget (50 a minute).",
              javaType = "Integer")
    public static final String BUDGET_REMAINING_MINUTE = "CamelHomeConnectBudgetRemainingMinute";

    @Metadata(label = "consumer", description = "The appliance type from the appliance list (Washer, Oven, FridgeFreezer ...);"
                                                + " absent while the bridge has not read it.",
              javaType = "String")
    public static final String APPLIANCE_TYPE = "CamelHomeConnectApplianceType";

    private HomeConnectConstants() {
    }
}
