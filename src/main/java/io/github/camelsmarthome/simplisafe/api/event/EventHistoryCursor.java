package io.github.camelsmarthome.simplisafe.api.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the REST event history of one system was last read, and which events of a new page are new
 * since then: the "new since the last eventId" logic of back-filling after a reconnect (brief 4.7,
 * 9 rule 6).
 *
 * <p>The history endpoint answers newest first. The events before the remembered event id on the
 * page are new; the remembered one and everything after it were read before. When the remembered id
 * is not on the page at all, every event on it is returned and {@link Delta#gapPossible()} says
 * that more may have happened than one page holds (fetch again with {@code fromTimestamp}, or emit
 * a gap marker). Positions, not numeric order, decide, because nothing documents event ids to
 * increase. The page is first ordered by time, newest first, keeping upstream order for equal
 * times, so a page in another order still works.
 *
 * <p>Events without an {@code eventId} (none are known, but every field is optional) cannot be a
 * position; a page made only of them moves the position to its newest time, and the next page then
 * counts what is newer than that time.
 *
 * <p>A cursor without a position treats its first page as the baseline: nothing is new, the newest
 * event becomes the position. Restore a saved position with {@link #at(long, Instant)} to resume
 * after a restart without losing or replaying events.
 *
 * <p>Only history pages move the cursor, never websocket events: a websocket event newer than a
 * gap would otherwise hide the gap's events. Events the websocket already delivered come back in
 * the next page and are dropped by {@link SeenEventIds}.
 *
 * <p>Thread-safe.
 */
public final class EventHistoryCursor {

    private static final Comparator<SimplisafeEvent> NEWEST_FIRST = Comparator.comparing(SimplisafeEvent::time).reversed();

    private Long lastEventId;
    private Instant lastEventTime;

    /** A cursor without a position: the first page is the baseline. */
    public EventHistoryCursor() {
    }

    /** A cursor at a saved position, so the next page returns what is newer than that event. */
    public static EventHistoryCursor at(long lastEventId, Instant lastEventTime) {
        EventHistoryCursor cursor = new EventHistoryCursor();
        cursor.lastEventId = lastEventId;
        cursor.lastEventTime = lastEventTime;
        return cursor;
    }

    /**
     * The events of a history page that are new since the last page, oldest first, and moves the
     * cursor to the newest event with an id. An empty page changes nothing.
     */
    public synchronized Delta advance(List<SimplisafeEvent> page) {
        List<SimplisafeEvent> newestFirst = new ArrayList<>(page);
        newestFirst.sort(NEWEST_FIRST);
        if (newestFirst.isEmpty()) {
            return new Delta(List.of(), false, false);
        }
        boolean baseline = lastEventId == null && lastEventTime == null;
        List<SimplisafeEvent> fresh = new ArrayList<>();
        boolean found = false;
        for (SimplisafeEvent event : baseline ? List.<SimplisafeEvent>of() : newestFirst) {
            if (isPosition(event)) {
                found = true;
                break;
            }
            fresh.add(event);
        }
        moveTo(newestFirst);
        Collections.reverse(fresh);
        return new Delta(List.copyOf(fresh), !baseline && !found, baseline);
    }

    /** The event id of the position, empty before the first page. */
    public synchronized OptionalLong lastEventId() {
        return lastEventId == null ? OptionalLong.empty() : OptionalLong.of(lastEventId);
    }

    /** The time of the event at the position, for a {@code fromTimestamp} request; empty before the first page. */
    public synchronized Optional<Instant> lastEventTime() {
        return Optional.ofNullable(lastEventTime);
    }

    /**
     * Whether the event is the position or older: the event with the remembered id, or, for a
     * position made from events without ids, any event not newer than the remembered time.
     */
    private boolean isPosition(SimplisafeEvent event) {
        if (lastEventId != null) {
            return lastEventId.equals(event.eventId());
        }
        return !event.time().isAfter(lastEventTime);
    }

    /** The newest event with an id; only when none has one, the newest time alone. */
    private void moveTo(List<SimplisafeEvent> newestFirst) {
        for (SimplisafeEvent event : newestFirst) {
            if (event.eventId() != null) {
                lastEventId = event.eventId();
                lastEventTime = event.time();
                return;
            }
        }
        lastEventId = null;
        lastEventTime = newestFirst.get(0).time();
    }

    /**
     * What a page brought.
     *
     * @param newEvents events not read before, oldest first; filter them through {@link SeenEventIds}
     *     before emitting, as the websocket may have delivered some
     * @param gapPossible the previous position was not on the page: events between it and the
     *     oldest event returned may be missing
     * @param baseline this was the cursor's first page; nothing counts as new
     */
    public record Delta(List<SimplisafeEvent> newEvents, boolean gapPossible, boolean baseline) {

        /** Copies the list. */
        public Delta {
            newEvents = List.copyOf(newEvents);
        }
    }
}
