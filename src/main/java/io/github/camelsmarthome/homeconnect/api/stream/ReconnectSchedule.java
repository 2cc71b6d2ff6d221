package io.github.camelsmarthome.homeconnect.api.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt to open the stream (brief 8.7 rules 2 and 3):
 * exponential backoff with jitter for ordinary failures, reset once a connection has carried a
 * parsed event; openHAB's ladder for repeated 401s within a window; the server's word after a 429.
 *
 * <p>Not thread-safe: used on the stream's event loop only.
 */
final class ReconnectSchedule {

    private final EventStreamOptions options;
    private final DoubleSupplier random;
    private final Deque<Instant> unauthorized = new ArrayDeque<>();
    private int failures;

    ReconnectSchedule(EventStreamOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
    }

    /** The wait after an ordinary failure; each call without a {@link #reset()} in between waits longer. */
    Duration afterFailure() {
        double base = options.initialBackoff().toMillis() * Math.pow(options.backoffMultiplier(), Math.min(failures, 62));
        failures++;
        double cap = options.maxBackoff().toMillis();
        double jitter = options.backoffJitter() * (2 * random.getAsDouble() - 1);
        double millis = Math.min(cap, base) * (1 + jitter);
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(cap, millis))));
    }

    /** A connection carried a parsed event: the next ordinary failure waits the initial time again. */
    void reset() {
        failures = 0;
    }

    /** The wait after a 401 at {@code now}: the ladder step for the number of 401s within the window. */
    Duration afterUnauthorized(Instant now) {
        Instant horizon = now.minus(options.unauthorizedWindow());
        while (!unauthorized.isEmpty() && !unauthorized.peekFirst().isAfter(horizon)) {
            unauthorized.removeFirst();
        }
        unauthorized.addLast(now);
        List<Duration> ladder = options.unauthorizedLadder();
        return ladder.get(Math.min(unauthorized.size(), ladder.size()) - 1);
    }

    /**
     * The wait after a 429: what the server asked for, or the default when it named nothing. Never
     * shortened by jitter, so no request leaves before the server's time.
     */
    Duration afterRateLimit(Duration retryAfter, boolean advertised) {
        Duration wait = advertised && retryAfter != null ? retryAfter : options.defaultRetryAfter();
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
    }
}
