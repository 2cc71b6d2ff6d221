package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import java.time.Instant;

/**
 * What a {@link SimplisafeRealtimeClient} reports. Every method is called on the client's Vert.x
 * event loop, one at a time, and never after {@link SimplisafeRealtimeClient#close()} returned:
 * none may block. An exception thrown here is logged and counted; it never ends the connection.
 */
public interface SimplisafeRealtimeListener {

    /**
     * An event from the socket (any system of the account; the caller filters by
     * {@link SimplisafeEvent#systemId()}, brief 11 P6). Its origin is {@code realtime}.
     *
     * @param event the event
     */
    void onEvent(SimplisafeEvent event);

    /**
     * The subscribed message arrived: the stream is live.
     *
     * @param afterGap a previous connection of this client had been live and ended (lost, or
     *                 closed by {@link SimplisafeRealtimeClient#reconnect}); events may be missing
     *                 in between, so the caller back-fills from the REST history (brief 9 rule 6)
     */
    default void onLive(boolean afterGap) {
    }

    /**
     * A live or connecting connection was lost; a new attempt follows after a back-off. Not called
     * for a connection the caller ended with {@link SimplisafeRealtimeClient#reconnect}.
     *
     * @param reason a short human text without secrets
     */
    default void onLost(String reason) {
    }

    /**
     * The upgrade was refused with HTTP 403 too many times in a row: realtime is off until
     * {@code retryAt}; REST polling must carry the whole load meanwhile (brief 11 P1).
     *
     * @param consecutiveRefusals how many 403 answers in a row so far
     * @param retryAt when the next single attempt is made
     */
    default void onRefused(int consecutiveRefusals, Instant retryAt) {
    }
}
