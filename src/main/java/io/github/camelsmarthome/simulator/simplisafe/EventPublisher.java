package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each event its {@code eventId}, appends it to the history and pushes it to the subscribed
 * websockets, in one step so that the history and the sockets see the same order.
 */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    /** New ids start above the fixtures' (2018-2023 ids reach 3.9e10) and keep increasing, as the cloud's do. */
    private static final long FIRST_ID = 40_000_000_001L;

    private final SimulatedTime time;
    private final EventFactory factory;
    private final EventHistory history;
    private final EventSocketHub sockets;
    private final AtomicLong nextId;

    EventPublisher(SimulatedTime time, EventFactory factory, EventHistory history, EventSocketHub sockets) {
        this.time = time;
        this.factory = factory;
        this.history = history;
        this.sockets = sockets;
        long seeded = history.all().stream().mapToLong(SimulatedEvent::eventId).max().orElse(0);
        this.nextId = new AtomicLong(Math.max(FIRST_ID, seeded + 1));
    }

    /** Publishes an event built from a draft whose sensor fields are resolved. */
    synchronized SimulatedEvent publish(EventDraft draft) {
        long timestamp = draft.timestamp != null ? draft.timestamp : time.epochSeconds();
        return publishData(factory.build(draft, nextId.getAndIncrement(), timestamp));
    }

    /**
     * Publishes an event object as it is (a fixture, say), adding {@code eventId},
     * {@code eventTimestamp} and {@code sid} only when it has none.
     */
    synchronized SimulatedEvent publishData(ObjectNode data) {
        if (!data.path("eventId").canConvertToLong()) {
            data.put("eventId", nextId.getAndIncrement());
        }
        if (!data.path("eventTimestamp").canConvertToLong()) {
            data.put("eventTimestamp", time.epochSeconds());
        }
        if (!data.path("sid").canConvertToLong()) {
            data.put("sid", factory.sid());
        }
        SimulatedEvent event = new SimulatedEvent(data.path("eventId").asLong(), data.path("eventTimestamp").asLong(),
                data.path("eventCid").asInt(), data.path("sid").asLong(), data);
        history.append(event);
        LOG.debug("Event {} (eventCid {}) for system {}", event.eventId(), event.eventCid(), event.sid());
        sockets.push(event, data.path("userId").asLong(factory.userId()));
        return event;
    }
}
