package io.github.camelsmarthome.simplisafe.api.feed;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import java.time.Instant;

/** What a {@link RealtimeSource} tells the feed. Called on an event loop: implementations never block. */
public interface RealtimeSink {

    /** An event of any system of the account. */
    void onEvent(SimplisafeEvent event);

    /** The stream is live; {@code afterGap} when an earlier connection had been live and was lost. */
    void onLive(boolean afterGap);

    /** The connection was lost; {@code reason} is short and holds no secret. */
    void onLost(String reason);

    /** The websocket upgrade was refused so often that realtime is off until {@code retryAt}. */
    void onRefused(int consecutiveRefusals, Instant retryAt);
}
