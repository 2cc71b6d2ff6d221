package io.github.camelsmarthome.simplisafe.api.feed;

import java.util.Optional;

import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStats;

/**
 * The websocket as the feed sees it, so that the feed does not depend on how the socket is kept
 * alive; {@link WebsocketRealtimeSource} is the real one.
 */
public interface RealtimeSource extends AutoCloseable {

    /** Connects in the background. */
    void start();

    /** Closes the socket and opens a new one now, for example with a refreshed token. */
    void reconnect(String reason);

    /** One line for health and logs: the state and, when not live, why. */
    String describe();

    /** The socket's counters (connects, losses, refusals, invalid messages), when it keeps any. */
    default Optional<RealtimeStats> stats() {
        return Optional.empty();
    }

    /** Stops for good; no sink call after it returns. */
    @Override
    void close();
}
