package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wall-clock time for tokens, rate limits and event timestamps, plus a time scale for appliance
 * time only.
 *
 * <p>Appliance time is what programs, delayed starts and progress cadences are written in. A scale
 * of 3600 runs a two-hour wash in two real seconds, so tests and the demo see a whole program
 * while everything a client measures against the wall clock (token expiry, {@code Retry-After},
 * keep-alive spacing) stays real.
 */
public final class SimulationClock {

    private final Clock wallClock;
    private volatile double timeScale;

    SimulationClock(Clock wallClock, double timeScale) {
        this.wallClock = wallClock;
        setTimeScale(timeScale);
    }

    /** The current wall-clock time. */
    public Instant now() {
        return wallClock.instant();
    }

    /** The current wall-clock time in Unix seconds, as event items carry it. */
    public long epochSeconds() {
        return wallClock.instant().getEpochSecond();
    }

    /** Appliance seconds per real second. */
    public double timeScale() {
        return timeScale;
    }

    /**
     * Changes how fast appliance time runs; timers already armed keep their real delay and the
     * new scale applies from the next one.
     */
    public void setTimeScale(double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("Time scale must be a positive number, got " + timeScale);
        }
        this.timeScale = timeScale;
    }

    /** The real delay, in milliseconds and at least one, for a span of appliance time. */
    public long realMillis(Duration applianceTime) {
        return Math.max(1L, Math.round(applianceTime.toMillis() / timeScale));
    }
}
