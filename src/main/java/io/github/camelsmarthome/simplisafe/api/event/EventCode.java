package io.github.camelsmarthome.simplisafe.api.event;

import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import java.util.Objects;

/**
 * One row of the event-code table (brief 7): an upstream {@code eventCid} and what it means.
 *
 * @param cid the code upstream sends in {@code eventCid}
 * @param eventType the normalised event type, e.g. {@code alarm_triggered}
 * @param subject whether the event is about the system or the device in {@code sensorSerial}
 * @param impliedPhase the alarm phase the system is in once this event happened, {@code null}
 *     when the event says nothing about it; lets a consumer update the panel at once instead of at
 *     the next poll (brief 11 P12: 1429 means pending now)
 */
public record EventCode(int cid, String eventType, EventSubject subject, AlarmPhase impliedPhase) {

    /** Rejects a missing type or subject. */
    public EventCode {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subject, "subject");
    }
}
