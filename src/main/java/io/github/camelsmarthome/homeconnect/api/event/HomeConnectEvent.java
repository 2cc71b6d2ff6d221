package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelsmarthome.event.DeviceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One event of the Home Connect event stream about one appliance: STATUS, EVENT, NOTIFY or a
 * connection event (CONNECTED, DISCONNECTED, PAIRED, DEPAIRED). KEEP-ALIVE is not an event of an
 * appliance and never becomes one.
 *
 * <p>JSON form (stable; field names pinned by a test):
 * <pre>{@code
 * {"system":"homeconnect","deviceId":"SIEMENS-WT8HXM90NL-AB1234567890","type":"NOTIFY",
 *  "time":"2023-02-20T12:57:48Z","id":"<32 hex>","items":[...],
 *  "raw":"<the data text as received>","receivedAt":"2023-02-20T12:57:48.120Z"}
 * }</pre>
 * {@code time} and {@code receivedAt} are ISO-8601 UTC strings, so the form does not depend on
 * how the writing {@code ObjectMapper} is configured for dates. {@code raw} is {@code null} when
 * the event had no {@code data:} line at all. Items are described on {@link HomeConnectEventItem}.
 * Events the bridge made rather than received (resync, restored state, gap markers) add
 * {@code "origin"} after {@code receivedAt} (see {@link EventOrigin}); events received on the
 * stream omit it, so their form is unchanged.
 *
 * When reading, {@code system} and fields added by later versions are ignored.
 *
 * <p>Immutable and thread-safe.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"system", "deviceId", "type", "time", "id", "items", "raw", "receivedAt", "origin"})
public final class HomeConnectEvent implements DeviceEvent {

    /** The value of {@link #system()}. */
    public static final String SYSTEM = "homeconnect";

    private final String deviceId;
    private final HomeConnectEventType eventType;
    private final Instant time;
    private final String id;
    private final List<HomeConnectEventItem> items;
    private final String raw;
    private final Instant receivedAt;
    private final EventOrigin origin;

    private HomeConnectEvent(String deviceId, HomeConnectEventType eventType, Instant time, String id,
            List<HomeConnectEventItem> items, String raw, Instant receivedAt, EventOrigin origin) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.origin = origin == null ? EventOrigin.STREAM : origin;
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.items = items == null ? List.of() : List.copyOf(items);
        this.time = time != null ? time : timeOf(this.items, receivedAt);
        this.id = id != null ? id : EventFingerprint.of(deviceId, eventType.wireName(), this.items, receivedAt);
        this.raw = raw;
    }

    /**
     * Creates an event, deriving {@link #time()} and {@link #id()} from the content.
     *
     * @param haId the appliance the event is about
     * @param eventType the SSE event type
     * @param items the changed keys, possibly empty (connection events often have none)
     * @param raw the event's data text as received, {@code null} when it had no data line
     * @param receivedAt when this client received the event
     */
    public static HomeConnectEvent of(String haId, HomeConnectEventType eventType, List<HomeConnectEventItem> items,
            String raw, Instant receivedAt) {
        return new HomeConnectEvent(haId, eventType, null, null, items, raw, receivedAt, EventOrigin.STREAM);
    }

    /**
     * Creates an event the bridge made rather than received: state read over REST, state restored
     * after a restart, a gap marker. {@link #time()} and {@link #id()} are derived from the content
     * as for received events, so items with timestamps give a stable id; {@link #raw()} is
     * {@code null}.
     *
     * @param deviceId the appliance, or the account for events about the stream itself
     * @param eventType the type, e.g. {@link HomeConnectEventType#STATUS} or {@link HomeConnectEventType#STREAM_RECONNECTED}
     * @param items what the event says
     * @param receivedAt when the bridge made it
     * @param origin how the bridge learned it; not {@link EventOrigin#STREAM}
     */
    public static HomeConnectEvent synthetic(String deviceId, HomeConnectEventType eventType,
            List<HomeConnectEventItem> items, Instant receivedAt, EventOrigin origin) {
        if (Objects.requireNonNull(origin, "origin").isUpstream()) {
            throw new IllegalArgumentException("a synthetic event needs an origin other than " + EventOrigin.STREAM);
        }
        return new HomeConnectEvent(deviceId, eventType, null, null, items, null, receivedAt, origin);
    }

    /** Reads the JSON form; {@code id} and {@code time} are taken as written, not recomputed. */
    @JsonCreator
    static HomeConnectEvent fromJson(@JsonProperty("deviceId") String deviceId,
            @JsonProperty("type") String type,
            @JsonProperty("time") String time,
            @JsonProperty("id") String id,
            @JsonProperty("items") List<HomeConnectEventItem> items,
            @JsonProperty("raw") String raw,
            @JsonProperty("receivedAt") String receivedAt,
            @JsonProperty("origin") String origin) {
        if (type == null || receivedAt == null) {
            throw new IllegalArgumentException("a Home Connect event needs a type and receivedAt");
        }
        return new HomeConnectEvent(deviceId, HomeConnectEventType.of(type), time == null ? null : Instant.parse(time),
                id, items, raw, Instant.parse(receivedAt), EventOrigin.of(origin));
    }

    /** Always {@value #SYSTEM}. */
    @Override
    @JsonProperty("system")
    public String system() {
        return SYSTEM;
    }

    /** The appliance's haId, from the event's own {@code id:} line or else its {@code data.haId}. */
    @Override
    @JsonProperty("deviceId")
    public String deviceId() {
        return deviceId;
    }

    /** The SSE event type as Home Connect names it: {@code NOTIFY}, {@code STATUS}, {@code CONNECTED} ... */
    @Override
    @JsonProperty("type")
    public String type() {
        return eventType.wireName();
    }

    /** The event type as a value for comparisons, e.g. {@code eventType().equals(HomeConnectEventType.NOTIFY)}. */
    public HomeConnectEventType eventType() {
        return eventType;
    }

    /**
     * The latest item timestamp; the receipt time when no item carries one (connection events
     * without data, null timestamps).
     */
    @Override
    public Instant time() {
        return time;
    }

    /**
     * The de-duplication id: the first 128 bits, in hex, of a SHA-256 over the length-prefixed
     * parts {@code homeconnect}, haId, event type, and for each item in order its key, its value
     * as JSON text and its timestamp. Where upstream gives no time (an item without timestamp, or
     * an event without items) the receipt time in milliseconds stands in, because otherwise every
     * CONNECTED of an appliance without data would share one id and all but the first would be
     * dropped as duplicates. The id is computed once and travels with the event, so re-delivering
     * the same event (or its JSON) keeps it; the raw text and the receipt time of timestamped
     * items are not part of it, so the same upstream change received twice gets the same id.
     */
    @Override
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** The changed keys in upstream order; empty for connection events without data. */
    @JsonProperty("items")
    public List<HomeConnectEventItem> items() {
        return items;
    }

    /** The event's data text exactly as received, or {@code null} when it had no data line. */
    @JsonProperty("raw")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String raw() {
        return raw;
    }

    /** When this client received the event, or made it for an event it made. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** How the bridge learned this: {@link EventOrigin#STREAM} for everything the cloud pushed. */
    public EventOrigin origin() {
        return origin;
    }

    /**
     * One event per item, each with its own time and id (computed as for an event holding just
     * that item), the same appliance, type, raw text and receipt time. An event with at most one
     * item is returned as it is, so splitting a single-item event never changes its id.
     */
    public List<HomeConnectEvent> splitItems() {
        if (items.size() <= 1) {
            return List.of(this);
        }
        List<HomeConnectEvent> split = new ArrayList<>(items.size());
        for (HomeConnectEventItem item : items) {
            split.add(new HomeConnectEvent(deviceId, eventType, null, null, List.of(item), raw, receivedAt, origin));
        }
        return List.copyOf(split);
    }

    @JsonProperty("time")
    private String timeText() {
        return time.toString();
    }

    @JsonProperty("receivedAt")
    private String receivedAtText() {
        return receivedAt.toString();
    }

    /** Absent for stream events, so their published form stays as it was. */
    @JsonProperty("origin")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private EventOrigin originOrNull() {
        return origin.isUpstream() ? null : origin;
    }

    private static Instant timeOf(List<HomeConnectEventItem> items, Instant receivedAt) {
        Instant latest = null;
        for (HomeConnectEventItem item : items) {
            if (item.timestamp() != null && (latest == null || item.timestamp().isAfter(latest))) {
                latest = item.timestamp();
            }
        }
        return latest != null ? latest : receivedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HomeConnectEvent event
                && id.equals(event.id)
                && deviceId.equals(event.deviceId)
                && eventType.equals(event.eventType)
                && time.equals(event.time)
                && items.equals(event.items)
                && Objects.equals(raw, event.raw)
                && receivedAt.equals(event.receivedAt)
                && origin.equals(event.origin);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Short on purpose: names the event without dumping its payload into logs. */
    @Override
    public String toString() {
        return "HomeConnectEvent[" + eventType + " " + deviceId + ", " + items.size() + " item(s), id " + id
                + (origin.isUpstream() ? "" : ", " + origin) + "]";
    }
}
