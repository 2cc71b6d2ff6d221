package io.github.camelsmarthome.simplisafe.api.rest;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import java.time.Instant;
import java.util.List;

/**
 * One answer of {@code subscriptions/{sid}/events} (brief 4.7).
 *
 * @param events the events in upstream order (newest first), origin {@code history}
 * @param skipped items that could not be read (not objects), logged
 * @param lastEventTimestamp upstream {@code lastEventTimestamp}, {@code null} when absent. Not the
 *     newest event's time in the fixtures (older than both events of {@code events_response.json}),
 *     so not fit as a cursor: use {@link io.github.camelsmarthome.simplisafe.api.event.EventHistoryCursor}.
 */
public record EventHistoryPage(List<SimplisafeEvent> events, int skipped, Instant lastEventTimestamp) {

    /** Copies the list. */
    public EventHistoryPage {
        events = List.copyOf(events);
    }
}
