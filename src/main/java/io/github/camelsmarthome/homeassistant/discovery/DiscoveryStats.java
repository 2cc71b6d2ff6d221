package io.github.camelsmarthome.homeassistant.discovery;

import java.util.concurrent.atomic.LongAdder;

/** Counters of {@link HomeAssistantDiscovery}, for health checks and metrics. Thread-safe. */
public final class DiscoveryStats {

    private final LongAdder mapped = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder skippedKeys = new LongAdder();

    void mapped() {
        mapped.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void skippedKey() {
        skippedKeys.increment();
    }

    /**
     * Keys a device reported that could not become an entity: a name unusable in an entity id, or
     * one more than a device may have (every report counts, the event itself is still mapped).
     */
    public long skippedKeys() {
        return skippedKeys.sum();
    }

    /** Events mapped to messages. */
    public long mappedEvents() {
        return mapped.sum();
    }

    /** Events skipped because they were malformed (missing or unusable system, device id or type). */
    public long rejectedEvents() {
        return rejected.sum();
    }

    @Override
    public String toString() {
        return "DiscoveryStats[mapped=" + mappedEvents() + ", rejected=" + rejectedEvents() + ", skippedKeys=" + skippedKeys()
               + "]";
    }
}
