package io.github.camelsmarthome.homeconnect.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one Home Connect client id and user account: every request asks here
 * first, so the client stays inside the limits of the service instead of discovering them through
 * 429s and a lock of up to a day (developer brief, section 7).
 *
 * <p>It enforces, per {@link BudgetLimits}: a rolling 24 h window (1000), a rolling minute (50), a
 * token bucket of 10 per second with a burst of 20, 5 program starts and 5 program stops per
 * minute, 10 open event channels, about 10 token-endpoint calls per minute, and the "10 successive
 * errors in 10 minutes" lock together with an earlier pause of non-essential traffic. Lower
 * priorities are refused earlier so that user commands keep a reserve (see {@link BudgetLimits}).
 * A 429 from the service blocks what the service said is blocked until its {@code Retry-After}.
 *
 * <p>Use: {@link #tryAcquire} before each request (a granted request is counted),
 * {@link #recordResponse} with each answer's status, {@link #onRateLimited(RateLimitedException)} on
 * a 429, {@link #eventStreamClosed()} when a granted event channel ends. {@link #save} and
 * {@link #load} keep the counters across restarts. Thread-safe; time comes only from the injected
 * {@link Clock}.
 */
public final class RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String name;
    private final BudgetLimits limits;
    private final Clock clock;

    private final TimestampWindow daily;
    private final TimestampWindow minute;
    private final BurstBucket burst;
    private final TimestampWindow programStarts;
    private final TimestampWindow programStops;
    private final TimestampWindow tokenRequests;
    private final TimestampWindow successiveErrors;
    private int openEventStreams;

    private Instant blockedUntil;
    private RateLimit blockedBy;
    private Instant startsBlockedUntil;
    private Instant stopsBlockedUntil;
    private Instant tokenBlockedUntil;
    private Instant errorLockUntil;
    private Instant errorPauseUntil;

    /**
     * Creates a fresh budget.
     *
     * @param name   names the account in log lines, e.g. {@code homeconnect/default}; no secret
     * @param limits the limits to enforce, normally {@link BudgetLimits#HOME_CONNECT}
     * @param clock  the only source of time
     */
    public RequestBudget(String name, BudgetLimits limits, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        this.daily = new TimestampWindow(DAY, limits.requestsPerDay());
        this.minute = new TimestampWindow(MINUTE, limits.requestsPerMinute());
        this.burst = new BurstBucket(limits.burst(), limits.requestsPerSecond(), now);
        this.programStarts = new TimestampWindow(MINUTE, limits.programStartsPerMinute());
        this.programStops = new TimestampWindow(MINUTE, limits.programStopsPerMinute());
        this.tokenRequests = new TimestampWindow(MINUTE, limits.tokenRequestsPerMinute());
        this.successiveErrors = new TimestampWindow(limits.errorWindow(), limits.successiveErrorsLock());
    }

    /**
     * Restores the budget saved in {@code file}, so that a restart keeps the day's count and any
     * block. A missing file starts a fresh budget (the first start); an unreadable or corrupt one
     * also does, with one warning naming the file.
     */
    public static RequestBudget load(Path file, String name, BudgetLimits limits, Clock clock) {
        RequestBudget budget = new RequestBudget(name, limits, clock);
        try {
            budget.restore(BudgetStateFile.read(file));
            LOG.debug("Restored request budget of {} from {}", name, file);
        } catch (NoSuchFileException firstStart) {
            LOG.info("No saved request budget for {} at {}; starting with a full budget", name, file);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Saved request budget for {} at {} is unusable ({}); starting with a full budget, "
                    + "which may overrun today's Home Connect limit", name, file, unreadable.getMessage());
        }
        return budget;
    }

    /** Writes the counters and blocks to {@code file} atomically (temporary file, then rename). */
    public void save(Path file) throws IOException {
        BudgetState state;
        synchronized (this) {
            state = exportState(clock.instant());
        }
        BudgetStateFile.write(file, state);
    }

    /**
     * Asks to send one request now. When granted, the request is counted at once; when refused,
     * nothing is counted and the decision names the limit that would be hit and when it frees up
     * (the latest of all limits that refuse, so one wait is enough unless more traffic arrives).
     */
    public synchronized BudgetDecision tryAcquire(RequestKind kind, RequestPriority priority) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Instant now = clock.instant();
        BudgetDecision refusal = kind == RequestKind.TOKEN ? tokenRefusal(now) : refusal(kind, priority, now);
        if (refusal != null) {
            LOG.debug("Request budget of {} refused {} {} request: {}", name, priority, kind, refusal);
            return refusal;
        }
        count(kind, now);
        return BudgetDecision.granted();
    }

    /**
     * Records the status of an answer: an error answer (400 and above, including the "normal" 404
     * of {@code programs/active} and a 429) extends the streak of successive errors; any other
     * answer ends it. A status of 0 or less (no answer) is ignored: the service never saw it.
     */
    public synchronized void recordResponse(int status) {
        if (status <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (status < 400) {
            if (successiveErrors.count(now) > 0 || errorPauseUntil != null) {
                LOG.debug("Request budget of {}: success ends the error streak", name);
            }
            successiveErrors.clear();
            errorPauseUntil = null;
            return;
        }
        successiveErrors.add(now);
        int streak = successiveErrors.count(now);
        if (streak >= limits.successiveErrorsLock()) {
            errorLockUntil = later(errorLockUntil, now.plus(limits.errorLockDuration()));
            successiveErrors.clear();
            errorPauseUntil = null;
            LOG.warn("{} successive error answers for {}: Home Connect now blocks every request until {}; "
                    + "the request budget does too", streak, name, errorLockUntil);
        } else if (streak >= limits.successiveErrorsPause()) {
            if (errorPauseUntil == null || !errorPauseUntil.isAfter(now)) {
                LOG.warn("{} successive error answers for {}: pausing non-essential requests for {} to stay clear of "
                        + "the {}-error lock", streak, name, limits.errorPauseDuration(), limits.successiveErrorsLock());
            }
            errorPauseUntil = now.plus(limits.errorPauseDuration());
        }
    }

    /** Blocks every request except token calls for {@code retryAfter}: a 429 that named no limit. */
    public void onRateLimited(Duration retryAfter) {
        onRateLimited(retryAfter, RateLimit.UNKNOWN);
    }

    /** Blocks what {@code rateLimited} says is blocked, for as long as it says. */
    public void onRateLimited(RateLimitedException rateLimited) {
        onRateLimited(rateLimited.retryAfter(), rateLimited.limit());
    }

    /**
     * Blocks requests for {@code retryAfter}: only program starts or stops (or token calls) when
     * {@code limit} names that limit, otherwise every REST request, as the brief asks. A block is
     * only ever extended, never shortened, by a later 429.
     */
    public synchronized void onRateLimited(Duration retryAfter, RateLimit limit) {
        Objects.requireNonNull(limit, "limit");
        Duration wait = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        wait = wait.compareTo(RetryAfter.MAX_WAIT) > 0 ? RetryAfter.MAX_WAIT : wait;
        Instant until = clock.instant().plus(wait);
        switch (limit) {
            case PROGRAM_STARTS -> startsBlockedUntil = later(startsBlockedUntil, until);
            case PROGRAM_STOPS -> stopsBlockedUntil = later(stopsBlockedUntil, until);
            case TOKEN_ENDPOINT -> tokenBlockedUntil = later(tokenBlockedUntil, until);
            default -> {
                if (blockedUntil == null || until.isAfter(blockedUntil)) {
                    blockedUntil = until;
                    blockedBy = limit;
                }
            }
        }
        LOG.warn("Home Connect rate limit {} reached for {}: holding back {} until {}", limit, name,
                limit.blocksAllRequests() ? "every request" : limit + " requests", until);
    }

    /** Tells the budget that a granted event channel closed, or failed to open. */
    public synchronized void eventStreamClosed() {
        openEventStreams = Math.max(0, openEventStreams - 1);
    }

    /** What is left right now, for metrics and health checks. */
    public synchronized BudgetSnapshot remaining() {
        Instant now = clock.instant();
        Instant until = null;
        RateLimit by = null;
        if (active(blockedUntil, now)) {
            until = blockedUntil;
            by = blockedBy;
        }
        if (active(errorLockUntil, now) && (until == null || errorLockUntil.isAfter(until))) {
            until = errorLockUntil;
            by = RateLimit.SUCCESSIVE_ERRORS;
        }
        return new BudgetSnapshot(now,
                limits.requestsPerDay() - daily.count(now),
                limits.requestsPerMinute() - minute.count(now),
                burst.wholeTokens(now),
                active(startsBlockedUntil, now) ? 0 : limits.programStartsPerMinute() - programStarts.count(now),
                active(stopsBlockedUntil, now) ? 0 : limits.programStopsPerMinute() - programStops.count(now),
                active(tokenBlockedUntil, now) ? 0 : limits.tokenRequestsPerMinute() - tokenRequests.count(now),
                successiveErrors.count(now),
                openEventStreams,
                active(errorPauseUntil, now),
                Optional.ofNullable(until),
                Optional.ofNullable(by));
    }

    private BudgetDecision refusal(RequestKind kind, RequestPriority priority, Instant now) {
        BudgetDecision worst = null;
        if (active(blockedUntil, now)) {
            worst = worse(worst, BudgetDecision.refused(blockedBy, blockedUntil,
                    "Home Connect answered 429 (" + blockedBy + "); every request waits until then"));
        }
        if (active(errorLockUntil, now)) {
            worst = worse(worst, BudgetDecision.refused(RateLimit.SUCCESSIVE_ERRORS, errorLockUntil,
                    limits.successiveErrorsLock() + " successive error answers lock every request"));
        }
        if (priority != RequestPriority.HIGH && active(errorPauseUntil, now)) {
            worst = worse(worst, BudgetDecision.refused(RateLimit.SUCCESSIVE_ERRORS, errorPauseUntil,
                    "non-essential requests pause after " + limits.successiveErrorsPause() + " successive errors"));
        }
        worst = worse(worst, windowRefusal(daily, limits.requestsPerDay(), priority, RateLimit.DAILY, now));
        worst = worse(worst, windowRefusal(minute, limits.requestsPerMinute(), priority, RateLimit.PER_MINUTE, now));
        if (!burst.hasToken(now)) {
            worst = worse(worst, BudgetDecision.refused(RateLimit.PER_SECOND, burst.tokenAt(now),
                    limits.requestsPerSecond() + " requests per second, burst " + limits.burst()));
        }
        if (kind == RequestKind.PROGRAM_START) {
            worst = worse(worst, programRefusal(programStarts, limits.programStartsPerMinute(), startsBlockedUntil,
                    RateLimit.PROGRAM_STARTS, "program starts", now));
        } else if (kind == RequestKind.PROGRAM_STOP) {
            worst = worse(worst, programRefusal(programStops, limits.programStopsPerMinute(), stopsBlockedUntil,
                    RateLimit.PROGRAM_STOPS, "program stops", now));
        } else if (kind == RequestKind.EVENT_STREAM && openEventStreams >= limits.eventChannels()) {
            worst = worse(worst, BudgetDecision.refused(RateLimit.EVENT_CHANNELS, null,
                    openEventStreams + " event channels are open, the most Home Connect allows"));
        }
        return worst;
    }

    private BudgetDecision windowRefusal(TimestampWindow window, int limit, RequestPriority priority,
            RateLimit which, Instant now) {
        int ceiling = limits.ceilingFor(priority, limit);
        if (window.count(now) < ceiling) {
            return null;
        }
        String reason = ceiling == limit ? limit + " requests per " + (which == RateLimit.DAILY ? "24 h" : "minute")
                : "the rest of the " + limit + " per " + (which == RateLimit.DAILY ? "24 h" : "minute")
                        + " is reserved for higher-priority requests than " + priority;
        return BudgetDecision.refused(which, window.freeAt(now, ceiling), reason);
    }

    private static BudgetDecision programRefusal(TimestampWindow window, int limit, Instant blocked, RateLimit which,
            String what, Instant now) {
        if (active(blocked, now)) {
            return BudgetDecision.refused(which, blocked, "Home Connect blocks " + what + " until then");
        }
        if (window.count(now) >= limit) {
            return BudgetDecision.refused(which, window.freeAt(now, limit), limit + " " + what + " per minute");
        }
        return null;
    }

    private BudgetDecision tokenRefusal(Instant now) {
        if (active(tokenBlockedUntil, now)) {
            return BudgetDecision.refused(RateLimit.TOKEN_ENDPOINT, tokenBlockedUntil,
                    "the token endpoint answered 429; token requests wait until then");
        }
        if (tokenRequests.count(now) >= limits.tokenRequestsPerMinute()) {
            return BudgetDecision.refused(RateLimit.TOKEN_ENDPOINT,
                    tokenRequests.freeAt(now, limits.tokenRequestsPerMinute()),
                    limits.tokenRequestsPerMinute() + " token requests per minute");
        }
        return null;
    }

    private void count(RequestKind kind, Instant now) {
        if (kind == RequestKind.TOKEN) {
            tokenRequests.add(now);
            return;
        }
        daily.add(now);
        minute.add(now);
        burst.take(now);
        switch (kind) {
            case PROGRAM_START -> programStarts.add(now);
            case PROGRAM_STOP -> programStops.add(now);
            case EVENT_STREAM -> openEventStreams++;
            default -> {
                // READ and WRITE only count toward the shared windows.
            }
        }
    }

    /** The refusal to report: one whose end nobody knows wins, else the one that lasts longest. */
    private static BudgetDecision worse(BudgetDecision current, BudgetDecision candidate) {
        if (candidate == null) {
            return current;
        }
        if (current == null) {
            return candidate;
        }
        if (current.freesAt().isEmpty()) {
            return current;
        }
        if (candidate.freesAt().isEmpty()) {
            return candidate;
        }
        return candidate.freesAt().get().isAfter(current.freesAt().get()) ? candidate : current;
    }

    private BudgetState exportState(Instant now) {
        return new BudgetState(daily.toEpochMillis(now), programStarts.toEpochMillis(now),
                programStops.toEpochMillis(now), tokenRequests.toEpochMillis(now), successiveErrors.toEpochMillis(now),
                burst.tokens(), burst.updatedMillis(),
                activeOrNull(blockedUntil, now), active(blockedUntil, now) ? blockedBy : null,
                activeOrNull(startsBlockedUntil, now), activeOrNull(stopsBlockedUntil, now),
                activeOrNull(tokenBlockedUntil, now), activeOrNull(errorLockUntil, now),
                activeOrNull(errorPauseUntil, now));
    }

    private synchronized void restore(BudgetState state) {
        Instant now = clock.instant();
        // The minute window is the tail of the day's requests; both are rebuilt from one list.
        for (long time : state.requests()) {
            Instant at = notAfter(time, now);
            daily.add(at);
            minute.add(at);
        }
        for (long time : state.programStarts()) {
            programStarts.add(notAfter(time, now));
        }
        for (long time : state.programStops()) {
            programStops.add(notAfter(time, now));
        }
        for (long time : state.tokenRequests()) {
            tokenRequests.add(notAfter(time, now));
        }
        for (long time : state.errors()) {
            successiveErrors.add(notAfter(time, now));
        }
        burst.restore(state.burstTokens(), state.burstUpdatedMillis(), now);
        blockedUntil = restoredBlock(state.blockedUntil(), now);
        blockedBy = blockedUntil == null ? null : state.blockedBy();
        startsBlockedUntil = restoredBlock(state.startsBlockedUntil(), now);
        stopsBlockedUntil = restoredBlock(state.stopsBlockedUntil(), now);
        tokenBlockedUntil = restoredBlock(state.tokenBlockedUntil(), now);
        errorLockUntil = restoredBlock(state.errorLockUntil(), now);
        errorPauseUntil = restoredBlock(state.errorPauseUntil(), now);
    }

    /** A saved time in the future means the clock went back; count it as now rather than for longer. */
    private static Instant notAfter(long epochMillis, Instant now) {
        return epochMillis > now.toEpochMilli() ? now : Instant.ofEpochMilli(epochMillis);
    }

    private static boolean active(Instant until, Instant now) {
        return until != null && until.isAfter(now);
    }

    private static Instant activeOrNull(Instant until, Instant now) {
        return active(until, now) ? until : null;
    }

    /** A saved block longer than any the service imposes comes from a broken file or clock; cap it. */
    private static Instant restoredBlock(Instant until, Instant now) {
        Instant latest = now.plus(RetryAfter.MAX_WAIT);
        return activeOrNull(until != null && until.isAfter(latest) ? latest : until, now);
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
