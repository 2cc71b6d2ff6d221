package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded memory of emitted event ids. */
class SeenEventIdsTest {

    @Test
    void anIdIsAFirstSightingOnceAndThenNot() {
        SeenEventIds seen = new SeenEventIds();

        assertThat(seen.firstSighting(event(1, 100))).isTrue();
        assertThat(seen.firstSighting(event(1, 100))).isFalse();
        assertThat(seen.contains(1, "id:100")).isTrue();
    }

    @Test
    void systemsAreKeptApart() {
        SeenEventIds seen = new SeenEventIds();
        seen.firstSighting(event(1, 100));

        assertThat(seen.firstSighting(event(2, 100))).isTrue();
        assertThat(seen.size(1)).isEqualTo(1);
        assertThat(seen.size(2)).isEqualTo(1);
        assertThat(seen.size(3)).isZero();
    }

    @Test
    void theLeastRecentlySeenIdIsForgottenBeyondTheCapacity() {
        SeenEventIds seen = new SeenEventIds(3);
        seen.firstSighting(event(1, 1));
        seen.firstSighting(event(1, 2));
        seen.firstSighting(event(1, 3));
        seen.firstSighting(event(1, 1)); // refreshes 1: 2 is now the eldest

        seen.firstSighting(event(1, 4));

        assertThat(seen.size(1)).isEqualTo(3);
        assertThat(seen.contains(1, "id:2")).isFalse();
        assertThat(seen.contains(1, "id:1")).isTrue();
        assertThat(seen.contains(1, "id:4")).isTrue();
    }

    @Test
    void theNumberOfSystemsIsBoundedToo() {
        SeenEventIds seen = new SeenEventIds(1);
        for (long sid = 1; sid <= SeenEventIds.MAX_SYSTEMS + 10; sid++) {
            seen.firstSighting(event(sid, 1));
        }

        assertThat(seen.size(1)).as("least recently active system forgotten").isZero();
        assertThat(seen.size(SeenEventIds.MAX_SYSTEMS + 10)).isEqualTo(1);
    }

    @Test
    void restoredIdsCountAsSeenAndOnlyTheNewestAreKept() {
        SeenEventIds seen = new SeenEventIds(2);
        seen.restore(7, java.util.List.of("id:1", "id:2", "id:3"));

        assertThat(seen.ids(7)).containsExactly("id:2", "id:3");
        assertThat(seen.firstSighting(event(7, 3))).isFalse();
        assertThat(seen.firstSighting(event(7, 1))).isTrue();
    }

    @Test
    void idsAreListedLeastRecentlySeenFirst() {
        SeenEventIds seen = new SeenEventIds();
        seen.firstSighting(event(7, 1));
        seen.firstSighting(event(7, 2));
        seen.firstSighting(event(7, 1));

        assertThat(seen.ids(7)).containsExactly("id:2", "id:1");
        assertThat(seen.ids(8)).isEmpty();
    }

    @Test
    void theCapacityMustBePositive() {
        assertThatThrownBy(() -> new SeenEventIds(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static SimplisafeEvent event(long sid, long eventId) {
        return SimplisafeEvent.builder().systemId(sid).eventId(eventId).eventCid(1400)
                .time(Instant.ofEpochSecond(1_600_000_000L + eventId)).origin(SimplisafeEventOrigin.REALTIME)
                .receivedAt(Instant.ofEpochSecond(1_700_000_000L)).build();
    }
}
