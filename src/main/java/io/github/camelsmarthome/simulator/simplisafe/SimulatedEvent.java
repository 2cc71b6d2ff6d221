package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One event the system produced: the {@code data} the websocket carries and, projected from it,
 * the item the events endpoint lists (brief sections 4.7 and 6.4). Both carry the same
 * {@code eventId}.
 */
public final class SimulatedEvent {

    /** Fields only the websocket carries; the events endpoint leaves them out (as {@code events_response.json} does). */
    private static final Set<String> TRANSPORT_ONLY = Set.of("internal", "senderId", "openCount", "serviceFeatures", "copsVideoOptIn");

    private final long eventId;
    private final long eventTimestamp;
    private final int eventCid;
    private final long sid;
    private final ObjectNode data;

    SimulatedEvent(long eventId, long eventTimestamp, int eventCid, long sid, ObjectNode data) {
        this.eventId = eventId;
        this.eventTimestamp = eventTimestamp;
        this.eventCid = eventCid;
        this.sid = sid;
        this.data = data;
    }

    /** {@code eventId}. */
    public long eventId() {
        return eventId;
    }

    /** {@code eventTimestamp}, Unix seconds. */
    public long eventTimestamp() {
        return eventTimestamp;
    }

    /** {@code eventCid}. */
    public int eventCid() {
        return eventCid;
    }

    /** {@code sid}, the system it belongs to. */
    public long sid() {
        return sid;
    }

    /** A copy of the websocket {@code data} object. */
    public ObjectNode socketData() {
        return data.deepCopy();
    }

    /** A copy of the events-endpoint item: {@code eventId} first, no transport-only fields, {@code video} always present. */
    public ObjectNode historyItem() {
        ObjectNode item = SimpliSafeJson.object();
        item.put("eventId", eventId);
        data.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("eventId") && !TRANSPORT_ONLY.contains(field.getKey())) {
                item.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        if (!item.has("videoStartedBy")) {
            item.put("videoStartedBy", "");
        }
        if (!item.has("video")) {
            item.putObject("video");
        }
        return item;
    }

    @Override
    public String toString() {
        return "SimulatedEvent[eventId=" + eventId + ", eventCid=" + eventCid + ", sid=" + sid + "]";
    }
}
