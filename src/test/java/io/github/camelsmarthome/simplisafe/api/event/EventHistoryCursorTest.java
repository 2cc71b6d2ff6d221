package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "New since the last eventId" for the events endpoint (brief 4.7, 9 rule 6). */
class EventHistoryCursorTest {

    @Test
    void theFirstPageIsABaselineAndItsNewestEventThePosition() {
        EventHistoryCursor cursor = new EventHistoryCursor();

        EventHistoryCursor.Delta delta = cursor.advance(List.of(event(30), event(20), event(10)));

        assertThat(delta.baseline()).isTrue();
        assertThat(delta.newEvents()).isEmpty();
        assertThat(cursor.lastEventId()).hasValue(30);
        assertThat(cursor.lastEventTime()).hasValue(time(30));
    }

    @Test
    void theEventsBeforeThePositionAreNewAndComeOldestFirst() {
        EventHistoryCursor cursor = EventHistoryCursor.at(20, time(20));

        EventHistoryCursor.Delta delta = cursor.advance(List.of(event(40), event(30), event(20), event(10)));

        assertThat(delta.newEvents()).extracting(SimplisafeEvent::eventId).containsExactly(30L, 40L);
        assertThat(delta.gapPossible()).isFalse();
        assertThat(delta.baseline()).isFalse();
        assertThat(cursor.lastEventId()).hasValue(40);
    }

    @Test
    void nothingIsNewWhenThePositionIsStillTheNewest() {
        EventHistoryCursor cursor = EventHistoryCursor.at(40, time(40));

        assertThat(cursor.advance(List.of(event(40), event(30))).newEvents()).isEmpty();
        assertThat(cursor.advance(List.of()).newEvents()).isEmpty();
        assertThat(cursor.lastEventId()).hasValue(40);
    }

    @Test
    void aPositionMissingFromThePageMeansEverythingIsNewAndAGapIsPossible() {
        EventHistoryCursor cursor = EventHistoryCursor.at(5, time(5));

        EventHistoryCursor.Delta delta = cursor.advance(List.of(event(40), event(30)));

        assertThat(delta.newEvents()).extracting(SimplisafeEvent::eventId).containsExactly(30L, 40L);
        assertThat(delta.gapPossible()).isTrue();
    }

    @Test
    void positionsNotNumbersDecideSoIdsNeedNotIncrease() {
        EventHistoryCursor cursor = EventHistoryCursor.at(900, time(10));
        SimplisafeEvent newer = event(7, 20);

        EventHistoryCursor.Delta delta = cursor.advance(List.of(newer, event(900, 10)));

        assertThat(delta.newEvents()).containsExactly(newer);
        assertThat(cursor.lastEventId()).hasValue(7);
    }

    @Test
    void aPageInAnotherOrderIsOrderedByTimeFirst() {
        EventHistoryCursor cursor = EventHistoryCursor.at(10, time(10));

        EventHistoryCursor.Delta delta = cursor.advance(List.of(event(10), event(30), event(20)));

        assertThat(delta.newEvents()).extracting(SimplisafeEvent::eventId).containsExactly(20L, 30L);
        assertThat(cursor.lastEventId()).hasValue(30);
    }

    @Test
    void eventsWithoutIdsFallBackToTimes() {
        EventHistoryCursor cursor = new EventHistoryCursor();
        cursor.advance(List.of(withoutId(20), withoutId(10)));

        EventHistoryCursor.Delta delta = cursor.advance(List.of(withoutId(30), withoutId(20), withoutId(10)));

        assertThat(cursor.lastEventId()).isEmpty();
        assertThat(delta.newEvents()).extracting(SimplisafeEvent::time).containsExactly(time(30));
        assertThat(delta.gapPossible()).isFalse();
    }

    static SimplisafeEvent event(long eventId) {
        return event(eventId, eventId);
    }

    private static SimplisafeEvent event(long eventId, long second) {
        return SimplisafeEvent.builder().systemId(12345).eventId(eventId).eventCid(1400).time(time(second))
                .origin(SimplisafeEventOrigin.HISTORY).receivedAt(time(1000)).build();
    }

    private static SimplisafeEvent withoutId(long second) {
        return SimplisafeEvent.builder().systemId(12345).eventCid(1400).time(time(second))
                .origin(SimplisafeEventOrigin.HISTORY).receivedAt(time(1000)).build();
    }

    private static Instant time(long second) {
        return Instant.ofEpochSecond(1_700_000_000L + second);
    }
}
