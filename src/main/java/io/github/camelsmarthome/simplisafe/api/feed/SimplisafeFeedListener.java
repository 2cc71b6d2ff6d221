package io.github.camelsmarthome.simplisafe.api.feed;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import java.util.concurrent.CompletionStage;

/** Receives the feed's events, once each, oldest first within one poll. */
@FunctionalInterface
public interface SimplisafeFeedListener {

    /**
     * One event. The feed waits for the returned stage before it delivers the next event of a poll
     * and before it schedules the next poll, so a slow consumer slows polling instead of filling
     * memory. Must not block.
     */
    CompletionStage<?> onEvent(SimplisafeEvent event);
}
