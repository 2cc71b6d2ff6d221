package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An event to emit with {@link SimulatedSystem#emitEvent(EventDraft)}: any {@code eventCid},
 * known or not, with the fields a mapping test cares about; the rest (ids, timestamps, account,
 * category and texts of {@link EventCode}) is filled in.
 *
 * <pre>{@code
 * system.emitEvent(EventDraft.of(1400).sensor("972").pinName("Master PIN").zoneCid("1"));
 * system.emitEvent(EventDraft.of(1461).info("Alarm: PINpad Kitchen LockOut!"));
 * }</pre>
 */
public final class EventDraft {

    final int cid;
    String sensorSerial;
    Integer sensorType;
    String sensorName;
    String pinName;
    String zoneCid;
    String info;
    String eventType;
    String messageSubject;
    String messageBody;
    Long timestamp;
    final ObjectNode extra = SimpliSafeJson.object();
    /** A camera recording: {@code videoStartedBy} and the {@code video} entry, completed with the event's id. */
    String videoStartedBy;
    ObjectNode recording;

    private EventDraft(int cid) {
        this.cid = cid;
    }

    /** An event with this code. */
    public static EventDraft of(int cid) {
        return new EventDraft(cid);
    }

    /** An event with this code. */
    public static EventDraft of(EventCode code) {
        return new EventDraft(code.cid());
    }

    /** The device it is about; its name and type come from the system when the serial is known. */
    public EventDraft sensor(String serial) { this.sensorSerial = Objects.requireNonNull(serial); return this; }

    /** {@code sensorType}, overriding the device's. */
    public EventDraft sensorType(int type) { this.sensorType = type; return this; }

    /** {@code sensorName}, overriding the device's. */
    public EventDraft sensorName(String name) { this.sensorName = Objects.requireNonNull(name); return this; }

    /** {@code pinName}: who did it ({@code "Master PIN"}, a user PIN's label). */
    public EventDraft pinName(String name) { this.pinName = Objects.requireNonNull(name); return this; }

    /** {@code zoneCid}: zone or PIN slot, as a string. */
    public EventDraft zoneCid(String zone) { this.zoneCid = Objects.requireNonNull(zone); return this; }

    /** {@code info}, the human text. */
    public EventDraft info(String text) { this.info = Objects.requireNonNull(text); return this; }

    /** {@code eventType}, the category ({@code activity}, {@code alarm} …). */
    public EventDraft eventType(String type) { this.eventType = Objects.requireNonNull(type); return this; }

    /** {@code messageSubject}. */
    public EventDraft messageSubject(String subject) { this.messageSubject = Objects.requireNonNull(subject); return this; }

    /** {@code messageBody}. */
    public EventDraft messageBody(String body) { this.messageBody = Objects.requireNonNull(body); return this; }

    /** {@code eventTimestamp} in Unix seconds instead of now (e.g. an event that happened during a gap). */
    public EventDraft timestamp(long epochSeconds) { this.timestamp = epochSeconds; return this; }

    /** Attaches a camera recording; its {@code eventId} is filled in when the event gets its id. */
    EventDraft recording(String cameraUuid, ObjectNode recording) {
        this.videoStartedBy = cameraUuid;
        this.recording = recording;
        return this;
    }

    /** A copy, so that filling in a device's name and type never changes the caller's draft. */
    EventDraft copy() {
        EventDraft copy = new EventDraft(cid);
        copy.sensorSerial = sensorSerial;
        copy.sensorType = sensorType;
        copy.sensorName = sensorName;
        copy.pinName = pinName;
        copy.zoneCid = zoneCid;
        copy.info = info;
        copy.eventType = eventType;
        copy.messageSubject = messageSubject;
        copy.messageBody = messageBody;
        copy.timestamp = timestamp;
        copy.extra.setAll(extra.deepCopy());
        copy.videoStartedBy = videoStartedBy;
        copy.recording = recording == null ? null : recording.deepCopy();
        return copy;
    }

    /** Any other field, set last: it may replace a filled-in one or remove it with {@code null}. */
    public EventDraft with(String field, JsonNode value) {
        extra.set(Objects.requireNonNull(field), value == null ? SimpliSafeJson.NODES.nullNode() : value);
        return this;
    }

    /** A textual field, set last. */
    public EventDraft with(String field, String value) {
        return with(field, value == null ? null : SimpliSafeJson.NODES.textNode(value));
    }
}
