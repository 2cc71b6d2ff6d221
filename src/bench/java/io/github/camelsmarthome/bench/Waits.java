package io.github.camelsmarthome.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/** Polling waits of the benchmarks: short intervals, so a wait adds little to what it measures. */
final class Waits {

    private Waits() {
    }

    /** Waits until {@code condition} holds, polling every 5 ms, or fails after {@code timeout}. */
    static void until(Duration timeout, Callable<Boolean> condition) {
        await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(condition);
    }

    /** Lets {@code period} pass (the system idles meanwhile), for settling and idle measurements. */
    static void idle(Duration period) {
        await().pollDelay(period).atMost(period.plusSeconds(5)).until(() -> true);
    }

    /** Parks the calling thread until {@link System#nanoTime()} reaches {@code dueNanos} (the pace of a fixed-rate sender). */
    static void parkUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
