package io.github.camelsmarthome.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test's own clock for one upstream fault: when it was injected, when the bridge showed it
 * (health DOWN, a disconnect counted), and when events reached the route again. The figures are
 * logged for docs/reliability.md, never asserted: the machine is shared and timings vary.
 */
public final class RecoveryTimer {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryTimer.class);

    private final String fault;
    private final long injectedAt = System.nanoTime();
    private final AtomicLong detectedAt = new AtomicLong();
    private final AtomicLong recoveredAt = new AtomicLong();

    private RecoveryTimer(String fault) {
        this.fault = fault;
    }

    /** Starts the clock as {@code fault} is injected. */
    public static RecoveryTimer start(String fault) {
        return new RecoveryTimer(fault);
    }

    /** The bridge showed the fault now; later calls keep the first time. */
    public void detected() {
        detectedAt.compareAndSet(0, System.nanoTime());
    }

    /** Events reached the route again at {@code nanoTime} ({@link System#nanoTime()}); later calls keep the first. */
    public void recovered(long nanoTime) {
        recoveredAt.compareAndSet(0, nanoTime);
    }

    /** From the detection to the first event after it, once both happened. */
    public Duration recovery() {
        return Duration.ofNanos(recoveredAt.get() - detectedAt.get());
    }

    /** From the injection to the first event after it. */
    public Duration total() {
        return Duration.ofNanos(recoveredAt.get() - injectedAt);
    }

    /** Logs one line with the figures and returns the recovery. */
    public Duration log() {
        if (detectedAt.get() == 0 || recoveredAt.get() == 0) {
            throw new IllegalStateException("the fault '" + fault + "' was not both detected and recovered from");
        }
        LOG.info("recovery of '{}': detected {} ms after the fault, events flowing again {} ms after detection ({} ms in all)",
                fault, Duration.ofNanos(detectedAt.get() - injectedAt).toMillis(), recovery().toMillis(), total().toMillis());
        return recovery();
    }
}
