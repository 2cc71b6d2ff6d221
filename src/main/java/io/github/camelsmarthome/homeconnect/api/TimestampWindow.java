package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A rolling-window counter: the times of the events of the last {@code window}, oldest first, in
 * a ring of primitive longs that grows on demand up to {@code capacity}. Thousands of accounts may
 * live in one JVM, and most use a few dozen requests a day, so the ring starts small.
 */
final class TimestampWindow {

    private final long windowMillis;
    private final int capacity;
    private long[] ring = new long[8];
    private int head;
    private int size;

    TimestampWindow(Duration window, int capacity) {
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
    }

    /** Events within the window ending at {@code now}. */
    int count(Instant now) {
        prune(now.toEpochMilli());
        return size;
    }

    /** Records an event; times never go backwards in the ring, so a clock step back cannot reorder it. */
    void add(Instant at) {
        long millis = at.toEpochMilli();
        if (size > 0) {
            millis = Math.max(millis, ring[index(size - 1)]);
        }
        if (size == ring.length) {
            if (ring.length >= capacity) {
                head = (head + 1) % ring.length;
                size--;
            } else {
                grow();
            }
        }
        ring[index(size)] = millis;
        size++;
    }

    /**
     * When the count drops below {@code allowed}, so one more event fits; {@code now} when it
     * already fits.
     */
    Instant freeAt(Instant now, int allowed) {
        int excess = count(now) - allowed + 1;
        if (excess <= 0) {
            return now;
        }
        return Instant.ofEpochMilli(ring[index(excess - 1)] + windowMillis);
    }

    /** Forgets every event, for a streak that a success ended. */
    void clear() {
        head = 0;
        size = 0;
    }

    /** The events within the window, oldest first, for persistence. */
    long[] toEpochMillis(Instant now) {
        prune(now.toEpochMilli());
        long[] copy = new long[size];
        for (int i = 0; i < size; i++) {
            copy[i] = ring[index(i)];
        }
        return copy;
    }

    private void prune(long nowMillis) {
        long oldestKept = nowMillis - windowMillis;
        while (size > 0 && ring[head] <= oldestKept) {
            head = (head + 1) % ring.length;
            size--;
        }
    }

    private void grow() {
        long[] larger = new long[Math.min(capacity, ring.length * 2)];
        for (int i = 0; i < size; i++) {
            larger[i] = ring[index(i)];
        }
        ring = larger;
        head = 0;
    }

    private int index(int offset) {
        return (head + offset) % ring.length;
    }
}
