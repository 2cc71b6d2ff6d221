package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A steady load on the event stream: one appliance's status {@code key} set to 1, 2, 3 … at a
 * fixed rate, each change one STATUS event with a value no other event of the feed has (so each
 * gets its own de-duplication id downstream). For load, outage and benchmark runs that must know
 * exactly what was emitted and when.
 *
 * <p>Started by {@link SimulatedHousehold#feedStatus}; runs on a Vert.x timer until {@link #stop()}.
 * The timer keeps the average rate: each tick sends what is due since the start, so a tick that
 * came late (a busy CPU) is made up by the next ones, at most one second's worth at once.
 */
public final class StatusFeed implements AutoCloseable {

    /** How often the timer looks at what is due; 1,000 events/s still come in batches of 10. */
    private static final long TICK_MILLIS = 10;

    private final SimulatedAppliance appliance;
    private final String key;
    private final int eventsPerSecond;
    private final SimulationScheduler scheduler;
    private final List<Instant> emittedAt = new ArrayList<>();
    private long startedNanos;
    private long timer = -1;

    StatusFeed(SimulatedAppliance appliance, String key, int eventsPerSecond, SimulationScheduler scheduler) {
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException("A status feed needs at least 1 event per second, not " + eventsPerSecond);
        }
        this.appliance = appliance;
        this.key = key;
        this.eventsPerSecond = eventsPerSecond;
        this.scheduler = scheduler;
    }

    synchronized StatusFeed start() {
        startedNanos = System.nanoTime();
        timer = scheduler.everyRealTime(Duration.ofMillis(TICK_MILLIS), this::tick);
        return this;
    }

    /** The appliance whose status changes. */
    public String haId() {
        return appliance.haId();
    }

    /** The status key that changes. */
    public String key() {
        return key;
    }

    /** The rate asked for. */
    public int eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Events sent so far; the last one set the status to this number. */
    public synchronized int emitted() {
        return emittedAt.size();
    }

    /** When the event that set the status to {@code value} (1 … {@link #emitted()}) was sent. */
    public synchronized Instant emittedAt(long value) {
        if (value < 1 || value > emittedAt.size()) {
            throw new IllegalArgumentException("The feed sent values 1 to " + emittedAt.size() + ", not " + value);
        }
        return emittedAt.get((int) value - 1);
    }

    /** Whether the feed still sends. */
    public synchronized boolean isRunning() {
        return timer >= 0;
    }

    /** Stops sending; returns how many events were sent. Stopping twice is harmless. */
    public synchronized int stop() {
        if (timer >= 0) {
            scheduler.cancel(timer);
            timer = -1;
        }
        return emittedAt.size();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void tick() {
        if (timer < 0) {
            return;
        }
        long due = (System.nanoTime() - startedNanos) * eventsPerSecond / 1_000_000_000L - emittedAt.size();
        for (long i = 0; i < Math.min(due, eventsPerSecond); i++) {
            // Recorded before the change, which may write to the stream at once.
            emittedAt.add(Instant.now());
            appliance.setStatus(key, emittedAt.size());
        }
    }
}
