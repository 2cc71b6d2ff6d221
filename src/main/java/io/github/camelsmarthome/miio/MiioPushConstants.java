package io.github.camelsmarthome.miio;

import io.github.camelsmarthome.miio.protocol.GatewayStatusEvents;
import org.apache.camel.spi.Metadata;

/** The headers of the {@code miio-push:} component. */
public final class MiioPushConstants {

    /** The type of the event emitted when the gateway went silent. */
    public static final String GATEWAY_OFFLINE = GatewayStatusEvents.OFFLINE;

    /** The type of the event emitted when a silent gateway is heard again. */
    public static final String GATEWAY_ONLINE = GatewayStatusEvents.ONLINE;

    /** The type of the event emitted when the gateway is found sending from a new address. */
    public static final String GATEWAY_MOVED = GatewayStatusEvents.MOVED;

    @Metadata(label = "consumer", description = "The gateway the event came from, as the endpoint names it (host or IP).",
              javaType = "String")
    public static final String GATEWAY = "CamelMiioPushGateway";

    @Metadata(description = "The sub-device sid (lumi.158d0001a2b3c4), or the gateway did for the gateway's own events."
                            + " Producer: the device to subscribe or unsubscribe.",
              javaType = "String")
    public static final String DEVICE_ID = "CamelMiioPushDeviceId";

    @Metadata(description = "The event's action (click_ch0, open, alarm_triggering, gateway_offline ...). Producer: the"
                            + " action to subscribe or unsubscribe.",
              javaType = "String")
    public static final String ACTION = "CamelMiioPushAction";

    @Metadata(description = "The sub-device model (lumi.sensor_switch.aq2); absent on events of devices the endpoint did"
                            + " not subscribe. Producer: the model of the device to subscribe.",
              javaType = "String")
    public static final String MODEL = "CamelMiioPushModel";

    @Metadata(label = "consumer", description = "The stable id of the event, the same across re-sends by the gateway.",
              javaType = "String")
    public static final String EVENT_ID = "CamelMiioPushEventId";

    @Metadata(description = "Consumer: the method of the event request exactly as received. Producer: the miIO method to"
                            + " send instead of the endpoint's method.",
              javaType = "String")
    public static final String METHOD = "CamelMiioPushMethod";

    @Metadata(label = "producer", description = "The params of the miIO request (a JSON array or object, as JsonNode,"
                                                + " String, List or Map); when absent the body is the params.",
              javaType = "Object")
    public static final String PARAMS = "CamelMiioPushParams";

    @Metadata(label = "producer", description = "The operation to run instead of the endpoint's: send, subscribe or"
                                                + " unsubscribe.",
              javaType = "String")
    public static final String OPERATION = "CamelMiioPushOperation";

    @Metadata(label = "producer", description = "After subscribe or unsubscribe: the scene id on the gateway.",
              javaType = "String")
    public static final String SCENE_ID = "CamelMiioPushSceneId";

    private MiioPushConstants() {
    }
}
