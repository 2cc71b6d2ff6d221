package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Receives what a {@link HomeConnectEventStream} produces: appliance events (received, resynced,
 * restored and gap markers, in the order they must be applied) and lifecycle changes.
 *
 * <p>Every method is called on the stream's Vert.x event loop, one call at a time: do not block.
 * Work that takes time belongs in the {@link CompletionStage} returned by {@link #onEvent}: while
 * it is incomplete the stream stops reading from the network (TCP backpressure), so a slow
 * consumer never grows an unbounded queue.
 */
@FunctionalInterface
public interface EventStreamListener {

    /**
     * One event. Tell synthetic events apart with {@link HomeConnectEvent#origin()} and
     * {@link HomeConnectEvent#eventType()}.
     *
     * @return {@code null} or a completed stage when the event is handled; otherwise a stage that
     *     completes (normally or not) when it is, until which no further event is read
     *     (up to {@link EventStreamOptions#maxEventsInFlight()} events may be outstanding)
     */
    CompletionStage<?> onEvent(HomeConnectEvent event);

    /**
     * The stream is open (first connect or reconnect). After a reconnect the {@code stream_reconnected}
     * gap marker is the next event, ahead of every event of the new connection.
     */
    default void onConnected() {
    }

    /**
     * An open stream ended, or an attempt to open one failed.
     *
     * @param reason why, a value fit for a metric label
     * @param detail one line for a person; never a secret
     */
    default void onDisconnected(DisconnectReason reason, String detail) {
    }

    /** The next attempt to open the stream is made after {@code delay}. */
    default void onReconnecting(Duration delay) {
    }

    /**
     * A person must authorise the account again; the stream makes no attempt until that happens
     * and then resumes by itself.
     *
     * @param detail what happened and what to do; never a secret
     */
    default void onAuthRequired(String detail) {
    }
}
