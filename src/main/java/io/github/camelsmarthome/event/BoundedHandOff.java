package io.github.camelsmarthome.event;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Hands events to one consumer in order, one at a time, without making the source wait for it
 * while fewer than {@code capacity} events are pending. Several routes consume one source (one
 * per sink); with a hand-off each, a sink whose broker is down falls behind without stalling the
 * others, until its backlog reaches the bound — from then on the source waits for it (memory stays
 * bounded, nothing is dropped).
 *
 * <p>{@link #offer} enqueues the event and answers a stage that completes at once while there is
 * room, else when the backlog has shrunk below the bound. Thread-safe.
 *
 * @param <E> the event type
 */
public final class BoundedHandOff<E> {

    private final int capacity;
    private final Function<E, CompletionStage<?>> consumer;
    private final Queue<E> pending = new ArrayDeque<>();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private boolean delivering;
    private long highWater;
    private long timesFull;

    /**
     * A hand-off.
     *
     * @param capacity the most events pending (queued plus the one being delivered) before offers wait
     * @param consumer delivers one event; the next is delivered when its stage completes (however)
     */
    public BoundedHandOff(int capacity, Function<E, CompletionStage<?>> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Enqueues {@code event}; the stage completes when the source may go on. */
    public CompletionStage<Void> offer(E event) {
        CompletableFuture<Void> room;
        boolean start;
        synchronized (this) {
            pending.add(event);
            highWater = Math.max(highWater, pending.size());
            room = pending.size() < capacity ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            if (!room.isDone()) {
                waitingForRoom.add(room);
                timesFull++;
            }
            start = !delivering;
            delivering = true;
        }
        if (start) {
            deliverNext();
        }
        return room;
    }

    /** Delivers until the queue is empty or a delivery is still running; a loop, so quick consumers never deepen the stack. */
    private void deliverNext() {
        while (true) {
            E next;
            synchronized (this) {
                next = pending.peek();
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
            CompletableFuture<?> done;
            try {
                done = consumer.apply(next).toCompletableFuture();
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            if (!done.isDone()) {
                done.whenComplete((ok, failure) -> {
                    delivered();
                    deliverNext();
                });
                return;
            }
            delivered();
        }
    }

    private void delivered() {
        CompletableFuture<Void> release;
        synchronized (this) {
            pending.poll();
            release = pending.size() < capacity ? waitingForRoom.poll() : null;
        }
        if (release != null) {
            release.complete(null);
        }
    }

    /** Events queued or being delivered. */
    public synchronized int pending() {
        return pending.size();
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
}
