package io.github.camelsmarthome.simplisafe.api.websocket;

import java.util.concurrent.atomic.LongAdder;

/** Counters of a {@link SimplisafeRealtimeClient} since it was created; readable from any thread. */
public final class RealtimeStats {

    private final LongAdder connects = new LongAdder();
    private final LongAdder subscribed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final LongAdder invalidMessages = new LongAdder();
    private final LongAdder eventsReceived = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();

    RealtimeStats() {
    }

    /** Upgrade attempts made (each with a fresh token). */
    public long connects() {
        return connects.sum();
    }

    /** Subscribed messages received: how often the stream went live. */
    public long subscribed() {
        return subscribed.sum();
    }

    /** Connections lost: close frame, cut TCP, missing pong, no subscribed message, silence. */
    public long lost() {
        return lost.sum();
    }

    /** Upgrades answered HTTP 403. */
    public long refusals() {
        return refusals.sum();
    }

    /** Frames that were not a valid message (not JSON, binary, oversized, unreadable event ...); each was skipped. */
    public long invalidMessages() {
        return invalidMessages.sum();
    }

    /** Events handed to the listener. */
    public long eventsReceived() {
        return eventsReceived.sum();
    }

    /** Exceptions the listener threw. */
    public long listenerFailures() {
        return listenerFailures.sum();
    }

    void connectAttempted() {
        connects.increment();
    }

    void subscribedReceived() {
        subscribed.increment();
    }

    void connectionLost() {
        lost.increment();
    }

    void upgradeRefused() {
        refusals.increment();
    }

    void invalidMessage() {
        invalidMessages.increment();
    }

    void eventReceived() {
        eventsReceived.increment();
    }

    void listenerFailed() {
        listenerFailures.increment();
    }

    @Override
    public String toString() {
        return "RealtimeStats[connects=" + connects() + ", subscribed=" + subscribed() + ", lost=" + lost() + ", refusals="
                + refusals() + ", invalidMessages=" + invalidMessages() + ", eventsReceived=" + eventsReceived()
                + ", listenerFailures=" + listenerFailures() + "]";
    }
}
