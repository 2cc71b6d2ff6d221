package io.github.camelsmarthome.component;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one feed's tasks one at a time, in the order they were given, on threads of a shared
 * executor: the order of a thread of its own without the thread. A feed that has nothing to do
 * costs a queue and a counter, so ten thousand feeds (one per account of an accounts folder) do
 * not mean ten thousand threads.
 *
 * <p>A turn on the shared executor runs at most {@link #TASKS_PER_TURN} tasks and then yields its
 * thread to the other feeds, so one busy feed cannot starve them. A task that throws is logged and
 * the next one runs.
 */
public final class SerialExecutor implements Executor {

    /** Tasks run in one turn before the feed queues up again behind the others. */
    static final int TASKS_PER_TURN = 64;

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor shared;
    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Tasks queued and not run yet; the thread that moves it from 0 schedules a turn. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Runnable turn = this::runTurn;

    /**
     * A serial queue on {@code shared}.
     *
     * @param name names the feed in the log line of a task that threw
     */
    public SerialExecutor(Executor shared, String name) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.name = name;
    }

    /**
     * Queues {@code task}; it runs after every task given before it has finished.
     *
     * @throws RejectedExecutionException when the shared executor is shut down and no turn of this
     *                                    feed is running; the task is then not queued
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            try {
                shared.execute(turn);
            } catch (RejectedExecutionException stopping) {
                // Nobody drains the queue: take the task back so the caller can fail it.
                tasks.remove(task);
                pending.decrementAndGet();
                throw stopping;
            }
        }
    }

    /** Tasks queued or running. */
    public int pending() {
        return pending.get();
    }

    private void runTurn() {
        int ran = 0;
        while (true) {
            Runnable task = tasks.poll();
            if (task != null) {
                runQuietly(task);
            }
            if (pending.decrementAndGet() == 0) {
                return;
            }
            if (++ran >= TASKS_PER_TURN && yieldTurn()) {
                return;
            }
        }
    }

    /** Queues the next turn behind the other feeds; false when the executor refused (stopping): go on here. */
    private boolean yieldTurn() {
        try {
            shared.execute(turn);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.warn("A task of {} failed: {}", name, e.toString(), e);
        }
    }
}
