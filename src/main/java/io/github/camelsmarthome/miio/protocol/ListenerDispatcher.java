package io.github.camelsmarthome.miio.protocol;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves listener calls off the I/O thread: tasks wait in a queue and run on the listener executor
 * one at a time, in the order they were queued. Events respect {@code eventCapacity} (the server
 * asks {@link #hasRoomForEvent()} before it acknowledges); the rare liveness notices are always
 * queued so that a busy listener cannot lose a "gateway silent" signal.
 */
final class ListenerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);
    // Hands the executor thread back now and then, so a shared executor is not hogged by a burst.
    private static final int BATCH = 256;

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Executor executor;
    private final int eventCapacity;
    private final LogThrottle rejectionLog;
    private final AtomicBoolean draining = new AtomicBoolean();

    ListenerDispatcher(Executor executor, int eventCapacity, LogThrottle rejectionLog) {
        this.executor = executor;
        this.eventCapacity = eventCapacity;
        this.rejectionLog = rejectionLog;
    }

    /** Whether one more event fits. Only the I/O thread queues, so a yes stays true until it queues. */
    boolean hasRoomForEvent() {
        return queue.size() < eventCapacity;
    }

    /** Queues a task and makes sure a drain is under way. Tasks must not throw. */
    void dispatch(Runnable task) {
        queue.add(task);
        scheduleDrain();
    }

    /**
     * Queues a task without starting a drain: for a caller that queues several in a row and then
     * calls {@link #wake()} once, so that a burst costs one wake-up of the listener thread instead
     * of one per event. Tasks must not throw.
     */
    void queue(Runnable task) {
        queue.add(task);
    }

    /** Makes sure a drain is under way when tasks wait (after {@link #queue}). */
    void wake() {
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    int waiting() {
        return queue.size();
    }

    private void scheduleDrain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            // The tasks stay queued; the next dispatch tries again.
            long skipped = rejectionLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn("miIO push listener executor refused work ({} tasks waiting): {}{}",
                        queue.size(), e.getMessage(), LogThrottle.skippedNote(skipped));
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable task = queue.poll();
                if (task == null) {
                    break;
                }
                task.run();
            }
        } finally {
            draining.set(false);
        }
        // A task queued between the last poll and the flag reset would otherwise wait for the next one.
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
