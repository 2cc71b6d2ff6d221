package io.github.camelsmarthome.simplisafe;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code simplisafe:} component. */
public final class SimplisafeConstants {

    @Metadata(description = "The system id (sid). Set by the consumer on every event; read by the producer to address a"
                            + " system other than the endpoint's systemId.",
              javaType = "Long")
    public static final String SYSTEM_ID = "CamelSimplisafeSystemId";

    @Metadata(label = "consumer", description = "The device the event is about: the system id, or a sensor's or lock's"
                                                + " serial.",
              javaType = "String")
    public static final String DEVICE_ID = "CamelSimplisafeDeviceId";

    @Metadata(label = "consumer", description = "The event type (alarm_triggered, armed_away, sensor_triggered, lock_locked,"
                                                + " unknown, connection_mode_changed ...; docs/simplisafe.md lists them).",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelSimplisafeEventType";

    @Metadata(label = "consumer", description = "The stable id of the event (id:<eventId> for SimpliSafe's own events), the"
                                                + " same whichever path brought it.",
              javaType = "String")
    public static final String EVENT_ID = "CamelSimplisafeEventId";

    @Metadata(label = "consumer", description = "How the bridge learned of the event: realtime (websocket), history (REST"
                                                + " event history), poll (a change between two polls) or bridge (about the"
                                                + " bridge itself).",
              javaType = "String")
    public static final String ORIGIN = "CamelSimplisafeEventOrigin";

    @Metadata(label = "consumer", description = "The connection mode when the event was emitted: REALTIME, REST_ONLY or"
                                                + " AUTH_REQUIRED.",
              javaType = "String")
    public static final String CONNECTION_MODE = "CamelSimplisafeConnectionMode";

    @Metadata(description = "The account the exchange belongs to (the name of its token store): the origin of the"
                            + " CloudEvents source; a producer with accountsDir calls as it.",
              javaType = "String")
    public static final String ACCOUNT = "CamelSimplisafeAccount";

    @Metadata(label = "producer", description = "The operation to run instead of the endpoint's.", javaType = "String")
    public static final String OPERATION = "CamelSimplisafeOperation";

    @Metadata(label = "producer", description = "setState: the state to set, off, home or away (Home Assistant's DISARM,"
                                                + " ARM_HOME and ARM_AWAY are understood too); when absent the body is used.",
              javaType = "String")
    public static final String TARGET_STATE = "CamelSimplisafeTargetState";

    @Metadata(label = "producer", description = "The code that must match the endpoint's armCode for setState and unlock"
                                                + " (when armCode is set). Never logged.",
              javaType = "String", secret = true)
    public static final String CODE = "CamelSimplisafeCode";

    @Metadata(label = "producer", description = "lock and unlock: the serial of the lock, instead of the endpoint's"
                                                + " lockSerial.",
              javaType = "String")
    public static final String LOCK_SERIAL = "CamelSimplisafeLockSerial";

    @Metadata(label = "producer", description = "The HTTP status of a failed call, when SimpliSafe answered.",
              javaType = "Integer")
    public static final String HTTP_STATUS = "CamelSimplisafeHttpStatus";

    private SimplisafeConstants() {
    }
}
