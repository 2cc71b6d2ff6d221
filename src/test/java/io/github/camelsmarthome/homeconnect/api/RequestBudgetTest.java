package io.github.camelsmarthome.homeconnect.api;

import static io.github.camelsmarthome.homeconnect.api.RequestKind.EVENT_STREAM;
import static io.github.camelsmarthome.homeconnect.api.RequestKind.PROGRAM_START;
import static io.github.camelsmarthome.homeconnect.api.RequestKind.PROGRAM_STOP;
import static io.github.camelsmarthome.homeconnect.api.RequestKind.READ;
import static io.github.camelsmarthome.homeconnect.api.RequestKind.TOKEN;
import static io.github.camelsmarthome.homeconnect.api.RequestKind.WRITE;
import static io.github.camelsmarthome.homeconnect.api.RequestPriority.HIGH;
import static io.github.camelsmarthome.homeconnect.api.RequestPriority.LOW;
import static io.github.camelsmarthome.homeconnect.api.RequestPriority.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Specification of the request budget against the limits of the developer brief, section 7. */
class RequestBudgetTest {

    private final MutableClock clock = new MutableClock();
    private final RequestBudget budget = new RequestBudget("homeconnect/test", BudgetLimits.HOME_CONNECT, clock);

    /** Sends {@code count} requests, {@code spacing} apart, and asserts every one was granted. */
    private void spend(int count, RequestKind kind, RequestPriority priority, Duration spacing) {
        for (int i = 0; i < count; i++) {
            assertThat(budget.tryAcquire(kind, priority).isGranted()).as("request %d", i + 1).isTrue();
            clock.advance(spacing);
        }
    }

    private static void assertRefused(BudgetDecision decision, RateLimit limit, Instant freesAt) {
        assertThat(decision.isGranted()).as(decision.toString()).isFalse();
        assertThat(decision.limit()).contains(limit);
        assertThat(decision.freesAt()).contains(freesAt);
    }

    // --- the windows --------------------------------------------------------------------------

    @Test
    void grants1000RequestsInARolling24HoursThenRefusesUntilTheOldestAgesOut() {
        Instant first = clock.instant();
        spend(1000, READ, HIGH, Duration.ofSeconds(2));

        assertRefused(budget.tryAcquire(READ, HIGH), RateLimit.DAILY, first.plus(Duration.ofHours(24)));
        assertThat(budget.remaining().dailyRemaining()).isZero();

        clock.set(first.plus(Duration.ofHours(24)));
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();
        assertRefused(budget.tryAcquire(READ, HIGH), RateLimit.DAILY, first.plus(Duration.ofHours(24)).plusSeconds(2));
    }

    @Test
    void grants50RequestsPerRollingMinute() {
        Instant first = clock.instant();
        spend(50, READ, HIGH, Duration.ofMillis(200));

        assertRefused(budget.tryAcquire(WRITE, HIGH), RateLimit.PER_MINUTE, first.plusSeconds(60));

        clock.set(first.plusSeconds(60));
        assertThat(budget.tryAcquire(WRITE, HIGH).isGranted()).isTrue();
    }

    @Test
    void allowsABurstOf20ThenTenPerSecond() {
        spend(20, READ, HIGH, Duration.ZERO);

        assertRefused(budget.tryAcquire(READ, HIGH), RateLimit.PER_SECOND, clock.instant().plusMillis(100));

        clock.advance(Duration.ofMillis(100));
        spend(1, READ, HIGH, Duration.ZERO);
        clock.advance(Duration.ofMillis(99));
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();
    }

    @Test
    void refusesTheSixthProgramStartInAMinuteButNotOtherRequests() {
        Instant first = clock.instant();
        spend(5, PROGRAM_START, HIGH, Duration.ofSeconds(1));

        assertRefused(budget.tryAcquire(PROGRAM_START, HIGH), RateLimit.PROGRAM_STARTS, first.plusSeconds(60));
        assertThat(budget.tryAcquire(PROGRAM_STOP, HIGH).isGranted()).isTrue();
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();

        clock.set(first.plusSeconds(60));
        assertThat(budget.tryAcquire(PROGRAM_START, HIGH).isGranted()).isTrue();
    }

    @Test
    void refusesTheSixthProgramStopInAMinute() {
        Instant first = clock.instant();
        spend(5, PROGRAM_STOP, HIGH, Duration.ofSeconds(1));

        assertRefused(budget.tryAcquire(PROGRAM_STOP, HIGH), RateLimit.PROGRAM_STOPS, first.plusSeconds(60));
        assertThat(budget.tryAcquire(PROGRAM_START, HIGH).isGranted()).isTrue();
    }

    @Test
    void programStartsCountTowardTheSharedWindowsToo() {
        spend(5, PROGRAM_START, HIGH, Duration.ofSeconds(1));

        BudgetSnapshot left = budget.remaining();
        assertThat(left.dailyRemaining()).isEqualTo(995);
        assertThat(left.minuteRemaining()).isEqualTo(45);
        assertThat(left.programStartsRemaining()).isZero();
    }

    @Test
    void allowsTenOpenEventChannelsAndFreesOneWhenAStreamCloses() {
        spend(10, EVENT_STREAM, HIGH, Duration.ofSeconds(1));

        BudgetDecision eleventh = budget.tryAcquire(EVENT_STREAM, HIGH);
        assertThat(eleventh.limit()).contains(RateLimit.EVENT_CHANNELS);
        assertThat(eleventh.freesAt()).isEmpty();
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();

        budget.eventStreamClosed();
        assertThat(budget.tryAcquire(EVENT_STREAM, HIGH).isGranted()).isTrue();
        assertThat(budget.remaining().openEventStreams()).isEqualTo(10);
    }

    @Test
    void keepsTokenCallsUnderTenPerMinuteApartFromTheRestBudget() {
        Instant first = clock.instant();
        spend(10, TOKEN, HIGH, Duration.ofSeconds(1));

        assertRefused(budget.tryAcquire(TOKEN, HIGH), RateLimit.TOKEN_ENDPOINT, first.plusSeconds(60));
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(1000);
    }

    @Test
    void reportsTheLimitThatFreesLast() {
        Instant first = clock.instant();
        spend(5, PROGRAM_START, HIGH, Duration.ofSeconds(10));
        budget.onRateLimited(Duration.ofSeconds(300));

        assertRefused(budget.tryAcquire(PROGRAM_START, HIGH), RateLimit.UNKNOWN, first.plusSeconds(50 + 300));
    }

    // --- priorities and the reserve -----------------------------------------------------------

    @Test
    void keepsADailyReserveForHigherPriorities() {
        Instant first = clock.instant();
        spend(700, READ, LOW, Duration.ofSeconds(2));

        BudgetDecision low = budget.tryAcquire(READ, LOW);
        assertRefused(low, RateLimit.DAILY, first.plus(Duration.ofHours(24)));
        assertThat(low.reason()).contains("reserved");

        spend(200, READ, NORMAL, Duration.ofSeconds(2));
        assertThat(budget.tryAcquire(READ, NORMAL).limit()).contains(RateLimit.DAILY);

        spend(100, WRITE, HIGH, Duration.ofSeconds(2));
        assertThat(budget.tryAcquire(WRITE, HIGH).limit()).contains(RateLimit.DAILY);
    }

    @Test
    void keepsAPerMinuteReserveForHigherPriorities() {
        spend(35, READ, LOW, Duration.ofMillis(200));
        assertThat(budget.tryAcquire(READ, LOW).limit()).contains(RateLimit.PER_MINUTE);

        spend(10, READ, NORMAL, Duration.ofMillis(200));
        assertThat(budget.tryAcquire(READ, NORMAL).limit()).contains(RateLimit.PER_MINUTE);

        spend(5, WRITE, HIGH, Duration.ofMillis(200));
        assertThat(budget.tryAcquire(WRITE, HIGH).limit()).contains(RateLimit.PER_MINUTE);
    }

    // --- successive errors --------------------------------------------------------------------

    private void answerWith(int status, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();
            budget.recordResponse(status);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void pausesNonEssentialRequestsAfterFiveSuccessiveErrors() {
        answerWith(409, 4);
        assertThat(budget.tryAcquire(READ, LOW).isGranted()).isTrue();

        answerWith(404, 1);
        Instant pauseEnds = clock.instant().minusSeconds(1).plus(Duration.ofMinutes(5));
        assertRefused(budget.tryAcquire(READ, NORMAL), RateLimit.SUCCESSIVE_ERRORS, pauseEnds);
        assertRefused(budget.tryAcquire(READ, LOW), RateLimit.SUCCESSIVE_ERRORS, pauseEnds);
        assertThat(budget.tryAcquire(WRITE, HIGH).isGranted()).isTrue();
        assertThat(budget.remaining().nonEssentialPaused()).isTrue();

        clock.set(pauseEnds);
        assertThat(budget.tryAcquire(READ, LOW).isGranted()).isTrue();
    }

    @Test
    void aSuccessEndsTheStreakAndThePause() {
        answerWith(409, 6);

        answerWith(200, 1);

        assertThat(budget.remaining().successiveErrors()).isZero();
        assertThat(budget.tryAcquire(READ, LOW).isGranted()).isTrue();
        answerWith(409, 9);
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();
    }

    @Test
    void locksEverythingForTenMinutesAfterTenSuccessiveErrors() {
        answerWith(409, 9);
        assertThat(budget.tryAcquire(WRITE, HIGH).isGranted()).isTrue();
        budget.recordResponse(409);
        Instant lockEnds = clock.instant().plus(Duration.ofMinutes(10));

        assertRefused(budget.tryAcquire(WRITE, HIGH), RateLimit.SUCCESSIVE_ERRORS, lockEnds);
        assertThat(budget.remaining().blockedUntil()).contains(lockEnds);
        assertThat(budget.remaining().blockedBy()).contains(RateLimit.SUCCESSIVE_ERRORS);

        clock.set(lockEnds);
        assertThat(budget.tryAcquire(WRITE, HIGH).isGranted()).isTrue();
    }

    @Test
    void errorsOlderThanTenMinutesDoNotCountTowardTheLock() {
        for (int i = 0; i < 12; i++) {
            budget.recordResponse(500);
            clock.advance(Duration.ofSeconds(61));
            if (i % 3 == 2) {
                clock.advance(Duration.ofMinutes(1));
            }
        }

        assertThat(budget.remaining().blockedUntil()).isEmpty();
        assertThat(budget.tryAcquire(READ, HIGH).isGranted()).isTrue();
    }

    @Test
    void ignoresAnAnswerThatNeverCame() {
        answerWith(409, 4);
        budget.recordResponse(0);
        budget.recordResponse(-1);

        assertThat(budget.remaining().successiveErrors()).isEqualTo(4);
    }

    // --- 429 ----------------------------------------------------------------------------------

    @Test
    void blocksEveryRequestButTokenCallsUntilRetryAfter() {
        Instant until = clock.instant().plusSeconds(120);
        budget.onRateLimited(Duration.ofSeconds(120));

        assertRefused(budget.tryAcquire(WRITE, HIGH), RateLimit.UNKNOWN, until);
        assertRefused(budget.tryAcquire(EVENT_STREAM, HIGH), RateLimit.UNKNOWN, until);
        assertThat(budget.tryAcquire(TOKEN, HIGH).isGranted()).isTrue();
        assertThat(budget.remaining().blockedUntil()).contains(until);

        clock.set(until);
        assertThat(budget.tryAcquire(WRITE, HIGH).isGranted()).isTrue();
    }

    @Test
    void followsTheLimitA429Names() {
        HomeConnectException daily = HomeConnectErrors.fromResponse(429, Map.of("Retry-After", "50460"),
                "{\"error\":{\"key\":\"429\",\"description\":\"The rate limit \\\"1000 calls in 1 day\\\" was reached.\"}}",
                "GET /api/homeappliances", clock);

        budget.onRateLimited((RateLimitedException) daily);

        assertRefused(budget.tryAcquire(READ, HIGH), RateLimit.DAILY, clock.instant().plusSeconds(50460));
    }

    @Test
    void blocksOnlyProgramStartsWhenTheStartLimitWasHit() {
        budget.onRateLimited(Duration.ofSeconds(60), RateLimit.PROGRAM_STARTS);

        assertRefused(budget.tryAcquire(PROGRAM_START, HIGH), RateLimit.PROGRAM_STARTS, clock.instant().plusSeconds(60));
        assertThat(budget.tryAcquire(PROGRAM_STOP, HIGH).isGranted()).isTrue();
        assertThat(budget.tryAcquire(READ, LOW).isGranted()).isTrue();
        assertThat(budget.remaining().programStartsRemaining()).isZero();
    }

    @Test
    void neverShortensABlock() {
        Instant until = clock.instant().plusSeconds(600);
        budget.onRateLimited(Duration.ofSeconds(600), RateLimit.DAILY);
        budget.onRateLimited(Duration.ofSeconds(5));

        assertRefused(budget.tryAcquire(READ, HIGH), RateLimit.DAILY, until);
    }

    // --- snapshot and concurrency -------------------------------------------------------------

    @Test
    void reportsWhatIsLeft() {
        spend(3, READ, HIGH, Duration.ZERO);
        budget.tryAcquire(PROGRAM_STOP, HIGH);
        budget.tryAcquire(TOKEN, HIGH);
        budget.recordResponse(409);

        BudgetSnapshot left = budget.remaining();

        assertThat(left.at()).isEqualTo(clock.instant());
        assertThat(left.dailyRemaining()).isEqualTo(996);
        assertThat(left.minuteRemaining()).isEqualTo(46);
        assertThat(left.burstRemaining()).isEqualTo(16);
        assertThat(left.programStartsRemaining()).isEqualTo(5);
        assertThat(left.programStopsRemaining()).isEqualTo(4);
        assertThat(left.tokenRequestsRemaining()).isEqualTo(9);
        assertThat(left.successiveErrors()).isEqualTo(1);
        assertThat(left.blockedUntil()).isEmpty();
    }

    @Test
    void grantsExactlyTheBurstToConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> ask = () -> budget.tryAcquire(READ, HIGH).isGranted();
            var results = pool.invokeAll(IntStream.range(0, 64).mapToObj(i -> ask).toList());
            long granted = 0;
            for (Future<Boolean> result : results) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
