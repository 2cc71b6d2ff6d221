package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief 8.7 rules 2 and 3 with the brief's own numbers: 10 s doubling to 1 h, the 401 ladder, 60 s after a bare 429. */
class ReconnectScheduleTest {

    private static final EventStreamOptions BRIEF = EventStreamOptions.builder("test", "https://api.home-connect.com")
            .backoffJitter(0).build();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void ordinaryFailuresStartAtTenSecondsAndDoubleUpToAnHour() {
        ReconnectSchedule schedule = new ReconnectSchedule(BRIEF, () -> 0.5);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(schedule.afterFailure());
        }

        assertThat(waits).containsExactly(seconds(10), seconds(20), seconds(40), seconds(80), seconds(160), seconds(320),
                seconds(640), seconds(1280), seconds(2560), seconds(3600), seconds(3600), seconds(3600));
    }

    @Test
    void aParsedEventStartsTheBackoffAgain() {
        ReconnectSchedule schedule = new ReconnectSchedule(BRIEF, () -> 0.5);
        schedule.afterFailure();
        schedule.afterFailure();

        schedule.reset();

        assertThat(schedule.afterFailure()).isEqualTo(seconds(10));
    }

    @Test
    void jitterVariesTheWaitWithinItsShareAndNeverBeyondTheCap() {
        EventStreamOptions jittered = EventStreamOptions.builder("test", "https://api.home-connect.com").backoffJitter(0.2).build();

        assertThat(new ReconnectSchedule(jittered, () -> 0.0).afterFailure()).isEqualTo(seconds(8));
        assertThat(new ReconnectSchedule(jittered, () -> 0.999_999).afterFailure()).isBetween(seconds(11), seconds(12));
        ReconnectSchedule capped = new ReconnectSchedule(jittered, () -> 0.999_999);
        for (int i = 0; i < 20; i++) {
            assertThat(capped.afterFailure()).isLessThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void repeated401sWithinAnHourClimbTheLadderAndItsLastStepRepeats() {
        ReconnectSchedule schedule = new ReconnectSchedule(BRIEF, () -> 0.5);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(schedule.afterUnauthorized(NOW.plusSeconds(i * 60L)));
        }

        assertThat(waits).containsExactly(seconds(20), seconds(20), seconds(60), seconds(60), seconds(120), seconds(240),
                seconds(600), seconds(600), seconds(600));
    }

    @Test
    void a401AfterAQuietHourStartsAtTheBottomOfTheLadder() {
        ReconnectSchedule schedule = new ReconnectSchedule(BRIEF, () -> 0.5);
        schedule.afterUnauthorized(NOW);
        schedule.afterUnauthorized(NOW.plusSeconds(20));
        schedule.afterUnauthorized(NOW.plusSeconds(40));

        assertThat(schedule.afterUnauthorized(NOW.plusSeconds(40).plus(Duration.ofHours(1)))).isEqualTo(seconds(20));
    }

    @Test
    void a429WaitsWhatTheServerSaidOrTheDefaultWhenItSaidNothing() {
        ReconnectSchedule schedule = new ReconnectSchedule(BRIEF, () -> 0.0);

        assertThat(schedule.afterRateLimit(seconds(564), true)).isEqualTo(seconds(564));
        assertThat(schedule.afterRateLimit(seconds(60), false)).isEqualTo(seconds(60));
        assertThat(new ReconnectSchedule(EventStreamOptions.builder("test", "http://localhost")
                .defaultRetryAfter(seconds(90)).build(), () -> 0.0).afterRateLimit(seconds(60), false)).isEqualTo(seconds(90));
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
