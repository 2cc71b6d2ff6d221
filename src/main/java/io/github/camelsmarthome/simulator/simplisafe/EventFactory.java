package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Writes event objects in the shape of {@code ws_message_event_data.json} (and, for cameras,
 * {@code ws_motion_event_data.json}): the account's fields from the subscription, the code's
 * category and texts from {@link EventCode}, the rest from the draft.
 */
final class EventFactory {

    private final String account;
    private final long userId;
    private final long sid;
    private final int timezone;
    private final int locationOffset;
    private final String street;
    private final String dispatcher;
    private final boolean copsVideoOptIn;
    private final JsonNode serviceFeatures;

    EventFactory(JsonNode subscription) {
        JsonNode location = subscription.path("location");
        this.account = location.path("account").asText();
        this.userId = subscription.path("uid").asLong();
        this.sid = subscription.path("sid").asLong();
        this.timezone = location.path("timeZone").asInt();
        this.locationOffset = location.path("locationOffset").asInt();
        this.street = location.path("street1").asText();
        this.dispatcher = subscription.path("dispatcher").asText();
        this.copsVideoOptIn = location.path("copsOptIn").asBoolean(false);
        this.serviceFeatures = subscription.path("features").deepCopy();
    }

    long sid() {
        return sid;
    }

    long userId() {
        return userId;
    }

    /** The event object for a draft whose sensor fields are already resolved. */
    ObjectNode build(EventDraft draft, long eventId, long timestamp) {
        EventCode code = EventCode.of(draft.cid);
        String serial = draft.sensorSerial == null ? "" : draft.sensorSerial;
        String sensorName = draft.sensorName == null ? "" : draft.sensorName;
        String pinName = draft.pinName == null ? "" : draft.pinName;
        String info = draft.info != null ? draft.info : defaultInfo(code, draft.cid, serial, sensorName, pinName);
        String subject = draft.messageSubject != null ? draft.messageSubject : code == null ? "SimpliSafe Event" : code.subject();

        ObjectNode event = SimpliSafeJson.object();
        event.put("eventUuid", UUID.randomUUID().toString());
        event.put("eventTimestamp", timestamp);
        event.put("eventCid", draft.cid);
        event.put("zoneCid", draft.zoneCid != null ? draft.zoneCid : serial.isEmpty() ? "0" : "1");
        event.put("sensorType", draft.sensorType != null ? draft.sensorType : 0);
        event.put("sensorSerial", serial);
        event.put("account", account);
        event.put("userId", userId);
        event.put("sid", sid);
        event.put("info", info);
        event.put("pinName", pinName);
        event.put("sensorName", sensorName);
        event.put("messageSubject", subject);
        event.put("messageBody", draft.messageBody != null ? draft.messageBody : info + ": Your SimpliSafe security system at " + street);
        event.put("eventType", draft.eventType != null ? draft.eventType : code == null ? "activity" : code.category());
        event.put("timezone", timezone);
        event.put("locationOffset", locationOffset);
        event.putObject("internal").put("dispatcher", dispatcher);
        event.put("senderId", "wifi");
        event.put("openCount", 0);
        event.put("eventId", eventId);
        event.set("serviceFeatures", serviceFeatures.deepCopy());
        event.put("copsVideoOptIn", copsVideoOptIn);
        if (draft.recording != null) {
            ObjectNode recording = draft.recording.deepCopy();
            recording.put("eventId", Long.toString(eventId));
            event.put("videoStartedBy", draft.videoStartedBy);
            event.putObject("video").set(draft.videoStartedBy, recording);
        }
        draft.extra.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                event.remove(field.getKey());
            } else {
                event.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return event;
    }

    private static String defaultInfo(EventCode code, int cid, String serial, String sensorName, String pinName) {
        if (code == null) {
            return "Event " + cid + (sensorName.isEmpty() ? "" : " from " + sensorName);
        }
        return switch (code) {
            case DISARMED_BY_KEYPAD -> code.info(pinName.isEmpty() ? "Keypad" : pinName);
            case SENSOR_PAIRED -> code.info(serial);
            default -> code.info(sensorName.isEmpty() ? "System" : sensorName);
        };
    }
}
