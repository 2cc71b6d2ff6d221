package io.github.camelsmarthome.simplisafe.api.websocket;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential pauses between reconnect attempts with a cap and jitter (brief 9 rule 5). The
 * jitter only shortens a pause, by up to a fifth, so many bridges restarted together by one
 * outage do not reconnect in step, and the cap is never exceeded. Not thread-safe: one client's
 * context uses it.
 */
final class ReconnectBackoff {

    private static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    ReconnectBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The pause before the next attempt; each call counts one more failure. */
    Duration next() {
        double base = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, Math.min(failures, 40)));
        failures++;
        long millis = Math.round(base * (1 - JITTER * random.getAsDouble()));
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** A subscribed message arrived: the next failure starts again at the initial pause. */
    void reset() {
        failures = 0;
    }
}
