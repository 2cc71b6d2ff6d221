package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * The events the bridge itself emits about a gateway's liveness, in the shape of every other
 * {@link MiioPushEvent}, so routes, Kafka and MQTT treat them alike:
 * <ul>
 *   <li>{@value #OFFLINE}: nothing was heard from the gateway for the silence timeout;
 *       {@code params} = {@code {"silentForSeconds": n}};</li>
 *   <li>{@value #ONLINE}: it is heard again; {@code params} = {@code []};</li>
 *   <li>{@value #MOVED}: it sends from a new address now (and commands go there);
 *       {@code params} = {@code {"from": "192.168.1.20", "to": "192.168.1.31"}}.</li>
 * </ul>
 * {@code deviceId} is the gateway's device id (or its host while the id is not known),
 * {@code model} is absent, {@code messageId} is the time in epoch milliseconds and {@code method}
 * is {@code <type>:<deviceId with '_' for '.'>}; the gateway sent no such request.
 */
public final class GatewayStatusEvents {

    /** The type of the event of a gateway that went silent. */
    public static final String OFFLINE = "gateway_offline";

    /** The type of the event of a silent gateway heard again. */
    public static final String ONLINE = "gateway_online";

    /** The type of the event of a gateway found at a new address. */
    public static final String MOVED = "gateway_moved";

    private GatewayStatusEvents() {
    }

    /**
     * @param gatewayHost the gateway's host as the endpoint names it
     * @param gatewaySid the gateway's device id in decimal, or its host when unknown
     * @param silentFor how long nothing was heard
     * @param now when the silence was noticed
     */
    public static MiioPushEvent offline(String gatewayHost, String gatewaySid, Duration silentFor, Instant now) {
        return event(OFFLINE, gatewayHost, gatewaySid, now, silentFor);
    }

    /** The gateway is heard again; see {@link #offline}. */
    public static MiioPushEvent online(String gatewayHost, String gatewaySid, Instant now) {
        return event(ONLINE, gatewayHost, gatewaySid, now, (JsonNode) null);
    }

    /**
     * The gateway sends from a new address; see {@link #offline}.
     *
     * @param from the address it was known at
     * @param to the address it sends from now
     */
    public static MiioPushEvent moved(String gatewayHost, String gatewaySid, InetAddress from, InetAddress to,
            Instant now) {
        return event(MOVED, gatewayHost, gatewaySid, now, JsonNodeFactory.instance.objectNode()
                .put("from", from.getHostAddress()).put("to", to.getHostAddress()));
    }

    private static MiioPushEvent event(String type, String gatewayHost, String sid, Instant now, Duration silentFor) {
        return event(type, gatewayHost, sid, now, silentFor == null ? null
                : JsonNodeFactory.instance.objectNode().put("silentForSeconds", silentFor.toSeconds()));
    }

    private static MiioPushEvent event(String type, String gatewayHost, String sid, Instant now, JsonNode params) {
        MiioEventMethod method = new MiioEventMethod(type, sid, null, type + ":" + sid.replace('.', '_'));
        return MiioPushEvent.of(gatewayHost, now.toEpochMilli(), method, params, null, now);
    }
}
