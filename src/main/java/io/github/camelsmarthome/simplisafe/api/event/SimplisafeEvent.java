package io.github.camelsmarthome.simplisafe.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.time.Instant;
import java.util.Objects;

/**
 * One SimpliSafe event about one system or one of its devices: pushed on the websocket, read from
 * the REST event history, or derived by the bridge from two REST polls ({@link #origin()}). The
 * fields are those of simplipy's normalised event (brief 6.5) plus what simplipy throws away: the
 * raw {@code eventCid} and the raw upstream object.
 *
 * <p>JSON form (stable; field names pinned by a test, documented in {@code docs/events.md}):
 * <pre>{@code
 * {"system":"simplisafe","deviceId":"12345","type":"disarmed_by_keypad","time":"2021-09-29T23:14:46Z",
 *  "id":"id:16803409109","systemId":12345,"eventId":16803409109,"eventCid":1400,"category":"activity",
 *  "info":"System Disarmed by Master PIN","sensorType":"keypad","sensorTypeCode":1,"sensorSerial":"abcdef12",
 *  "changedBy":"Master PIN","origin":"realtime","raw":{...},"receivedAt":"2021-09-29T23:14:47.120Z"}
 * }</pre>
 * Fields without a value ({@code eventId}, {@code eventCid}, {@code category}, {@code info},
 * {@code sensorType}, {@code sensorTypeCode}, {@code sensorSerial}, {@code sensorName},
 * {@code changedBy}, {@code mediaUrls}) are omitted; {@code raw} is always written. Times are ISO-8601
 * UTC strings whatever the writer's date settings. When reading, unknown fields are ignored.
 *
 * <p>Immutable and thread-safe. {@link #raw()} is shared, not copied: treat it as read-only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"system", "deviceId", "type", "time", "id", "systemId", "eventId", "eventCid", "category", "info",
    "sensorType", "sensorTypeCode", "sensorSerial", "sensorName", "changedBy", "mediaUrls", "origin", "raw", "receivedAt"})
public final class SimplisafeEvent implements DeviceEvent {

    /** The value of {@link #system()}. */
    public static final String SYSTEM = "simplisafe";

    /** Prefix of ids taken from an upstream {@code eventId}; the websocket envelope writes its {@code id} the same way. */
    public static final String EVENT_ID_PREFIX = "id:";

    private final long systemId;
    private final String deviceId;
    private final String type;
    private final Instant time;
    private final String id;
    private final Long eventId;
    private final Integer eventCid;
    private final String category;
    private final String info;
    private final SensorType sensorType;
    private final String sensorSerial;
    private final String sensorName;
    private final String changedBy;
    private final MediaUrls mediaUrls;
    private final SimplisafeEventOrigin origin;
    private final JsonNode raw;
    private final Instant receivedAt;

    SimplisafeEvent(SimplisafeEventBuilder b) {
        this.systemId = b.systemId;
        this.origin = Objects.requireNonNull(b.origin, "origin");
        this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt");
        this.eventCid = b.eventCid;
        this.type = b.type != null ? b.type : SimplisafeEventCodes.eventTypeOf(b.eventCid);
        this.eventId = b.eventId != null && b.eventId > 0 ? b.eventId : null;
        this.category = b.category;
        this.info = b.info;
        this.sensorType = b.sensorType;
        this.sensorSerial = blankToNull(b.sensorSerial);
        this.sensorName = blankToNull(b.sensorName);
        this.changedBy = blankToNull(b.changedBy);
        this.mediaUrls = b.mediaUrls;
        this.raw = b.raw;
        this.deviceId = b.deviceId != null ? b.deviceId : deviceIdOf(systemId, eventCid, sensorSerial);
        this.time = b.time != null ? b.time : receivedAt;
        this.id = b.id != null ? b.id : idOf(b.time != null);
    }

    /** A builder; {@link SimplisafeEventBuilder#build()} fills in what is derived (type, deviceId, time, id). */
    public static SimplisafeEventBuilder builder() {
        return new SimplisafeEventBuilder();
    }

    /** Reads the JSON form; {@code id}, {@code deviceId} and {@code time} are taken as written, not recomputed. */
    @JsonCreator
    static SimplisafeEvent fromJson(@JsonProperty("deviceId") String deviceId,
            @JsonProperty("type") String type,
            @JsonProperty("time") String time,
            @JsonProperty("id") String id,
            @JsonProperty("systemId") Long systemId,
            @JsonProperty("eventId") Long eventId,
            @JsonProperty("eventCid") Integer eventCid,
            @JsonProperty("category") String category,
            @JsonProperty("info") String info,
            @JsonProperty("sensorTypeCode") Integer sensorTypeCode,
            @JsonProperty("sensorSerial") String sensorSerial,
            @JsonProperty("sensorName") String sensorName,
            @JsonProperty("changedBy") String changedBy,
            @JsonProperty("mediaUrls") MediaUrls mediaUrls,
            @JsonProperty("origin") String origin,
            @JsonProperty("raw") JsonNode raw,
            @JsonProperty("receivedAt") String receivedAt) {
        if (systemId == null || origin == null || receivedAt == null) {
            throw new IllegalArgumentException("a SimpliSafe event needs systemId, origin and receivedAt");
        }
        return builder().systemId(systemId).deviceId(deviceId).type(type).time(time == null ? null : Instant.parse(time))
                .id(id).eventId(eventId).eventCid(eventCid).category(category).info(info)
                .sensorType(SensorType.ofNullable(sensorTypeCode)).sensorSerial(sensorSerial).sensorName(sensorName)
                .changedBy(changedBy).mediaUrls(mediaUrls).origin(SimplisafeEventOrigin.of(origin))
                .raw(raw == null || raw.isNull() ? null : raw).receivedAt(Instant.parse(receivedAt)).build();
    }

    /** Always {@value #SYSTEM}. */
    @Override
    @JsonProperty("system")
    public String system() {
        return SYSTEM;
    }

    /**
     * The system id (sid) for events about the system, the device serial for events about one
     * device (see {@link EventSubject}): a lock, camera or sensor event names the device in
     * {@code sensorSerial} (the lock serial for 9700/9701/9703, the camera's short serial for 1170);
     * an arming, alarm or power event names the system even when upstream reports the keypad or
     * sensor that caused it. Codes not in the table, and device events without a serial, name the
     * system. {@link #systemId()} always holds the sid.
     */
    @Override
    @JsonProperty("deviceId")
    public String deviceId() {
        return deviceId;
    }

    /**
     * The normalised event type: from {@link SimplisafeEventCodes} for upstream events
     * ({@value SimplisafeEventCodes#UNKNOWN_TYPE} for codes not in the table), from
     * {@code SimplisafeChangeDetector} for poll events.
     */
    @Override
    @JsonProperty("type")
    public String type() {
        return type;
    }

    /** {@code eventTimestamp} (else the websocket envelope's {@code time}); the receipt time when upstream gives none. */
    @Override
    public Instant time() {
        return time;
    }

    /**
     * The de-duplication id. With an upstream {@code eventId}: {@code id:<eventId>}, the same for
     * the websocket and the REST history, so an event seen on both is emitted once. Without one: the
     * first 128 bits, in hex, of a SHA-256 over the length-prefixed parts {@code simplisafe}, system
     * id, type, eventCid, sensor serial, info and time ({@code t<epoch seconds>.<nanos>} when
     * upstream or the poll gave a time, else {@code r<receipt millis>}), so the same content read
     * twice has the same id.
     */
    @Override
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** The subscription id ({@code sid}) of the system. */
    @JsonProperty("systemId")
    public long systemId() {
        return systemId;
    }

    /** Upstream {@code eventId}, {@code null} for poll events and payloads without one. */
    @JsonProperty("eventId")
    public Long eventId() {
        return eventId;
    }

    /** Upstream {@code eventCid} as sent, {@code null} for poll events and payloads without one. */
    @JsonProperty("eventCid")
    public Integer eventCid() {
        return eventCid;
    }

    /** Upstream {@code eventType}, the category of brief 5.5: {@code activity}, {@code alarm}, {@code activityCam} ... */
    @JsonProperty("category")
    public String category() {
        return category;
    }

    /** Human text: upstream {@code info}, or what a poll event saw change. */
    @JsonProperty("info")
    public String info() {
        return info;
    }

    /** The device type, unknown codes kept; {@code null} when upstream names none. */
    @JsonIgnore
    public SensorType sensorType() {
        return sensorType;
    }

    /** The serial of the device upstream names, {@code null} for none ({@code ""} upstream). */
    @JsonProperty("sensorSerial")
    public String sensorSerial() {
        return sensorSerial;
    }

    /** The name of the device upstream names, {@code null} for none. */
    @JsonProperty("sensorName")
    public String sensorName() {
        return sensorName;
    }

    /** Who did it: upstream {@code pinName} ({@code Master PIN}, a user's PIN label), {@code null} for none. */
    @JsonProperty("changedBy")
    public String changedBy() {
        return changedBy;
    }

    /** The links of a camera event's recording, {@code null} for other events. */
    @JsonProperty("mediaUrls")
    public MediaUrls mediaUrls() {
        return mediaUrls;
    }

    /** How the bridge learned this. */
    @JsonProperty("origin")
    public SimplisafeEventOrigin origin() {
        return origin;
    }

    /**
     * The upstream object as received: the websocket message's {@code data}, the history item, or
     * for poll events the sensor, lock or system object whose change was seen.
     */
    @JsonProperty("raw")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public JsonNode raw() {
        return raw;
    }

    /** When this client received the event, or made it for a poll event. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The event-code table's row for this event's code, {@code null} for codes not in it and poll events. */
    @JsonIgnore
    public EventCode eventCode() {
        return SimplisafeEventCodes.lookup(eventCid).orElse(null);
    }

    @JsonProperty("time")
    private String timeText() {
        return time.toString();
    }

    @JsonProperty("receivedAt")
    private String receivedAtText() {
        return receivedAt.toString();
    }

    @JsonProperty("sensorType")
    private String sensorTypeLabel() {
        return sensorType == null ? null : sensorType.label();
    }

    @JsonProperty("sensorTypeCode")
    private Integer sensorTypeCode() {
        return sensorType == null ? null : sensorType.code();
    }

    private static String deviceIdOf(long systemId, Integer eventCid, String sensorSerial) {
        boolean aboutDevice = SimplisafeEventCodes.lookup(eventCid)
                .map(code -> code.subject() == EventSubject.DEVICE)
                .orElse(false);
        return aboutDevice && sensorSerial != null ? sensorSerial : Long.toString(systemId);
    }

    private String idOf(boolean timeGiven) {
        if (eventId != null) {
            return EVENT_ID_PREFIX + eventId;
        }
        String timeToken = timeGiven ? "t" + time.getEpochSecond() + "." + time.getNano() : "r" + receivedAt.toEpochMilli();
        return EventFingerprint.of(SYSTEM, Long.toString(systemId), type,
                eventCid == null ? null : eventCid.toString(), sensorSerial, info, timeToken);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SimplisafeEvent event
                && id.equals(event.id)
                && systemId == event.systemId
                && deviceId.equals(event.deviceId)
                && type.equals(event.type)
                && time.equals(event.time)
                && Objects.equals(eventId, event.eventId)
                && Objects.equals(eventCid, event.eventCid)
                && Objects.equals(category, event.category)
                && Objects.equals(info, event.info)
                && Objects.equals(sensorType, event.sensorType)
                && Objects.equals(sensorSerial, event.sensorSerial)
                && Objects.equals(sensorName, event.sensorName)
                && Objects.equals(changedBy, event.changedBy)
                && Objects.equals(mediaUrls, event.mediaUrls)
                && origin.equals(event.origin)
                && Objects.equals(raw, event.raw)
                && receivedAt.equals(event.receivedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Short on purpose: names the event without dumping its payload (addresses, names) into logs. */
    @Override
    public String toString() {
        return "SimplisafeEvent[" + type + (eventCid == null ? "" : " (" + eventCid + ")") + " system " + systemId
                + (deviceId.equals(Long.toString(systemId)) ? "" : " device " + deviceId) + ", " + origin + ", id " + id + "]";
    }
}
