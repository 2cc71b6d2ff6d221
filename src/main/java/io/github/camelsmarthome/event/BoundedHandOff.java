package io.github.camelsmarthome.event;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Hands events to one consumer in order, at most {@code maxInFlight} at a time, without making the
 * source wait for it while fewer than {@code capacity} events are pending. Several routes consume
 * one source (one per sink); with a hand-off each, a sink whose broker is down falls behind without
 * stalling the others, until its backlog reaches the bound — from then on the source waits for it
 * (memory stays bounded, nothing is dropped).
 *
 * <p>Deliveries start in the order of the offers, one after the other on one thread at a time, so a
 * consumer that hands each event on synchronously (to a producer's send) hands them on in order; a
 * new one starts only while fewer than {@code maxInFlight} are unfinished. With one, a delivery
 * starts only after the previous one finished. In which order they finish is up to the consumer.
 *
 * <p>{@link #offer} enqueues the event and answers a stage that completes at once while there is
 * room, else when the backlog has shrunk below the bound. Thread-safe.
 *
 * @param <E> the event type
 */
public final class BoundedHandOff<E> {

    private final int capacity;
    private final int maxInFlight;
    private final Function<E, CompletionStage<?>> consumer;
    private final Queue<E> queued = new ArrayDeque<>();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private int inFlight;
    private boolean dispatching;
    private long highWater;
    private long timesFull;

    /**
     * A hand-off that delivers one event at a time.
     *
     * @param capacity the most events pending (queued plus the one being delivered) before offers wait
     * @param consumer delivers one event; the next is delivered when its stage completes (however)
     */
    public BoundedHandOff(int capacity, Function<E, CompletionStage<?>> consumer) {
        this(capacity, 1, consumer);
    }

    /**
     * A hand-off.
     *
     * @param capacity    the most events pending (queued plus being delivered) before offers wait
     * @param maxInFlight the most deliveries whose stage has not completed yet
     * @param consumer    delivers one event; it counts as unfinished until its stage completes (however)
     */
    public BoundedHandOff(int capacity, int maxInFlight, Function<E, CompletionStage<?>> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.capacity = capacity;
        this.maxInFlight = maxInFlight;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Enqueues {@code event}; the stage completes when the source may go on. */
    public CompletionStage<Void> offer(E event) {
        CompletableFuture<Void> room;
        synchronized (this) {
            queued.add(event);
            int pending = queued.size() + inFlight;
            highWater = Math.max(highWater, pending);
            room = pending < capacity ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            if (!room.isDone()) {
                waitingForRoom.add(room);
                timesFull++;
            }
        }
        dispatch();
        return room;
    }

    /**
     * Starts deliveries while the window has room. Only one thread dispatches at a time (the others
     * leave the work to it), so deliveries start in the order of the offers; a loop, so consumers that
     * finish at once never deepen the stack.
     */
    private void dispatch() {
        synchronized (this) {
            if (dispatching) {
                return;
            }
            dispatching = true;
        }
        while (true) {
            E next;
            synchronized (this) {
                if (queued.isEmpty() || inFlight >= maxInFlight) {
                    // Decided under the lock every finish and offer takes before calling dispatch(): none is missed.
                    dispatching = false;
                    return;
                }
                next = queued.poll();
                inFlight++;
            }
            CompletableFuture<?> done;
            try {
                done = consumer.apply(next).toCompletableFuture();
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            if (done.isDone()) {
                finished();
            } else {
                done.whenComplete((ok, failure) -> {
                    finished();
                    dispatch();
                });
            }
        }
    }

    private void finished() {
        CompletableFuture<Void> release;
        synchronized (this) {
            inFlight--;
            release = queued.size() + inFlight < capacity ? waitingForRoom.poll() : null;
        }
        if (release != null) {
            release.complete(null);
        }
    }

    /** Events queued or being delivered. */
    public synchronized int pending() {
        return queued.size() + inFlight;
    }

    /** Deliveries started and not finished yet. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** The largest backlog seen. */
    public synchronized long highWater() {
        return highWater;
    }

    /**
     * Offers answered with a stage that was not complete: how often the bound made the source wait
     * (backpressure). A source that goes on without waiting pushes the backlog past the bound;
     * {@link #pending()} then exceeds {@link #capacity()}.
     */
    public synchronized long timesFull() {
        return timesFull;
    }

    /** The bound. */
    public int capacity() {
        return capacity;
    }

    /** The most deliveries unfinished at once. */
    public int maxInFlight() {
        return maxInFlight;
    }
}
