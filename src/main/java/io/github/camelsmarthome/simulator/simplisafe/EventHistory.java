package io.github.camelsmarthome.simulator.simplisafe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every event of the account in the order it happened, seeded with {@code events_response.json};
 * what {@code GET subscriptions/{sid}/events} answers from (brief section 4.7).
 */
public final class EventHistory {

    private final List<SimulatedEvent> events = new ArrayList<>();

    synchronized void append(SimulatedEvent event) {
        events.add(event);
    }

    /** All events, oldest first. */
    public synchronized List<SimulatedEvent> all() {
        return List.copyOf(events);
    }

    /** How many events there are. */
    public synchronized int count() {
        return events.size();
    }

    /** The newest event. */
    public synchronized Optional<SimulatedEvent> latest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The event with this id. */
    public synchronized Optional<SimulatedEvent> byId(long eventId) {
        return events.stream().filter(event -> event.eventId() == eventId).findFirst();
    }

    /** Events with this code, oldest first. */
    public synchronized List<SimulatedEvent> withCid(int cid) {
        return events.stream().filter(event -> event.eventCid() == cid).toList();
    }

    /**
     * What the events endpoint lists: the system's events at or after {@code fromTimestamp}
     * (inclusive, so a client re-reading from its last seen timestamp gets that event again and
     * dedupes by {@code eventId}), newest first, at most {@code numEvents}.
     */
    synchronized List<SimulatedEvent> query(long sid, Long fromTimestamp, int numEvents) {
        List<SimulatedEvent> answer = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && answer.size() < numEvents; i--) {
            SimulatedEvent event = events.get(i);
            if (event.sid() == sid && (fromTimestamp == null || event.eventTimestamp() >= fromTimestamp)) {
                answer.add(event);
            }
        }
        return answer;
    }
}
