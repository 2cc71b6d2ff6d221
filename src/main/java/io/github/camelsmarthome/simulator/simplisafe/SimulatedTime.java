package io.github.camelsmarthome.simulator.simplisafe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wall-clock time for tokens, event timestamps and the request log, plus a scale for the alarm
 * system's own delays only (exit and entry delays, alarm duration, lock motors).
 *
 * <p>A scale of 60 lets a 60 s exit delay pass in one real second while the arming answer still
 * says {@code "exitDelay": 60} and token lifetimes stay in real seconds, so a test sees the whole
 * countdown without the client's clocks being bent.
 */
public final class SimulatedTime {

    private final Clock wallClock;
    private volatile double timeScale;

    SimulatedTime(Clock wallClock, double timeScale) {
        this.wallClock = wallClock;
        setTimeScale(timeScale);
    }

    /** The current wall-clock time. */
    public Instant now() {
        return wallClock.instant();
    }

    /** The current wall-clock time in Unix seconds, as {@code eventTimestamp} carries it. */
    public long epochSeconds() {
        return wallClock.instant().getEpochSecond();
    }

    /** Alarm-system seconds per real second. */
    public double timeScale() {
        return timeScale;
    }

    /** Changes how fast the system's delays run; delays already counting keep their real length. */
    public void setTimeScale(double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("Time scale must be a positive number, got " + timeScale);
        }
        this.timeScale = timeScale;
    }

    /** The real delay, in milliseconds and at least one, of a span of system time. */
    long realMillis(Duration systemTime) {
        return Math.max(1L, Math.round(systemTime.toMillis() / timeScale));
    }

    /** How much system time a real span of milliseconds is. */
    Duration systemTime(long realMillis) {
        return Duration.ofMillis(Math.round(realMillis * timeScale));
    }
}
