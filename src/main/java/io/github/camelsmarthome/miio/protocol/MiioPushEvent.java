package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.event.DeviceEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One event a gateway pushed about one of its Zigbee sub-devices, or about itself (brief 6.7).
 *
 * <p>JSON form (stable; field names pinned by a test):
 * <pre>{@code
 * {"system":"miio","deviceId":"lumi.158d0001a2b3c4","type":"click_ch0","time":"2023-11-14T22:13:20Z",
 *  "id":"<32 hex>","gateway":"192.168.1.20","model":"lumi.sensor_switch.aq2","params":[],
 *  "messageId":619969154,"method":"click_ch0:lumi_158d0001a2b3c4","receivedAt":"2023-11-14T22:13:20Z"}
 * }</pre>
 * {@code type} is the action label of the subscription; {@code model} is omitted when the
 * device was not subscribed by this configuration (e.g. a scene left from an earlier one);
 * {@code params} is what the gateway sent, {@code []} when it sent nothing or {@code null};
 * {@code time} equals {@code receivedAt} because the gateway says nothing about when it happened.
 * Times are ISO-8601 UTC strings whatever the writer's date settings. When reading, unknown
 * fields are ignored.
 *
 * <p>Immutable and thread-safe; {@link #params()} is copied in and out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"system", "deviceId", "type", "time", "id", "gateway", "model", "params", "messageId", "method",
    "receivedAt"})
public final class MiioPushEvent implements DeviceEvent {

    /** The value of {@link #system()}. */
    public static final String SYSTEM = "miio";

    private final String gateway;
    private final String sid;
    private final String model;
    private final String action;
    private final JsonNode params;
    private final long messageId;
    private final String method;
    private final Instant receivedAt;
    private final String id;

    private MiioPushEvent(String gateway, String sid, String model, String action, JsonNode params, long messageId,
            String method, Instant receivedAt, String id) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.sid = Objects.requireNonNull(sid, "sid");
        this.model = model;
        this.action = Objects.requireNonNull(action, "action");
        this.params = params == null || params.isNull() || params.isMissingNode()
                ? JsonNodeFactory.instance.arrayNode() : params.deepCopy();
        this.messageId = messageId;
        this.method = Objects.requireNonNull(method, "method");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.id = id != null ? id : idOf(gateway, messageId, method);
    }

    /**
     * The event of a recognised method.
     *
     * @param gateway the gateway's host or IP, as the registration names it
     * @param messageId the request's {@code id}
     * @param method the parsed {@code method}
     * @param params the request's {@code params}; {@code null} or missing become {@code []}
     * @param model the sub-device model from the subscription ({@link SubscriptionPlan#modelOf}), or {@code null}
     * @param receivedAt when the datagram arrived
     */
    public static MiioPushEvent of(String gateway, long messageId, MiioEventMethod method, JsonNode params, String model,
            Instant receivedAt) {
        return new MiioPushEvent(gateway, method.sourceSid(), model, method.action(), params, messageId, method.raw(),
                receivedAt, null);
    }

    /** Reads the JSON form; {@code id} is taken as written, not recomputed. */
    @JsonCreator
    static MiioPushEvent fromJson(@JsonProperty("deviceId") String deviceId,
            @JsonProperty("type") String type,
            @JsonProperty("id") String id,
            @JsonProperty("gateway") String gateway,
            @JsonProperty("model") String model,
            @JsonProperty("params") JsonNode params,
            @JsonProperty("messageId") long messageId,
            @JsonProperty("method") String method,
            @JsonProperty("receivedAt") String receivedAt) {
        if (deviceId == null || type == null || gateway == null || method == null || receivedAt == null) {
            throw new IllegalArgumentException("a miio event needs deviceId, type, gateway, method and receivedAt");
        }
        return new MiioPushEvent(gateway, deviceId, model, type, params, messageId, method, Instant.parse(receivedAt), id);
    }

    /** Always {@value #SYSTEM}. */
    @Override
    @JsonProperty("system")
    public String system() {
        return SYSTEM;
    }

    /** The sub-device sid ({@code lumi.158d0001a2b3c4}), or the gateway did for the gateway's own events. */
    @Override
    @JsonProperty("deviceId")
    public String deviceId() {
        return sid;
    }

    /** The action label, e.g. {@code click_ch0} or {@code alarm_triggering}. */
    @Override
    @JsonProperty("type")
    public String type() {
        return action;
    }

    /** The action label; the same as {@link #type()}. */
    public String action() {
        return action;
    }

    /** The receipt time: the gateway does not say when the event happened. */
    @Override
    public Instant time() {
        return receivedAt;
    }

    /**
     * The de-duplication id: the first 128 bits, in hex, of a SHA-256 over the length-prefixed
     * UTF-8 parts {@code miio}, gateway, message id (decimal) and method. A gateway re-sends an
     * unacknowledged event with the same id and method, so copies share it. A gateway reusing a
     * message id for a different event (e.g. after a reboot) gives a repeated id too: de-duplicate
     * within a short window only.
     */
    @Override
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** The gateway's host or IP. */
    @JsonProperty("gateway")
    public String gateway() {
        return gateway;
    }

    /** The sub-device model, or {@code null} when the device is not in this configuration. */
    @JsonProperty("model")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String model() {
        return model;
    }

    /** The request's params: usually {@code []}; an object or array when the gateway passes values. */
    @JsonProperty("params")
    public JsonNode params() {
        return params.deepCopy();
    }

    /** The request's {@code id}, chosen by the gateway. */
    @JsonProperty("messageId")
    public long messageId() {
        return messageId;
    }

    /** The request's {@code method} exactly as received. */
    @JsonProperty("method")
    public String method() {
        return method;
    }

    /** When the datagram arrived. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Whether this is the gateway's own event (its source is the gateway did), like the alarm. */
    public boolean isFromGateway(String gatewayDid) {
        return sid.equals(gatewayDid);
    }

    @JsonProperty("time")
    private String timeText() {
        return receivedAt.toString();
    }

    @JsonProperty("receivedAt")
    private String receivedAtText() {
        return receivedAt.toString();
    }

    static String idOf(String gateway, long messageId, String method) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : new String[] {SYSTEM, gateway, Long.toString(messageId), method}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        byte[] digest = sha256.digest();
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MiioPushEvent event
                && id.equals(event.id)
                && gateway.equals(event.gateway)
                && sid.equals(event.sid)
                && Objects.equals(model, event.model)
                && action.equals(event.action)
                && params.equals(event.params)
                && messageId == event.messageId
                && method.equals(event.method)
                && receivedAt.equals(event.receivedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Short on purpose: names the event without its params. */
    @Override
    public String toString() {
        return "MiioPushEvent[" + action + " " + sid + " via " + gateway + ", message " + messageId + ", id " + id + "]";
    }
}
