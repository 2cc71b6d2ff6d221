package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenerDispatcherTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final LogThrottle log = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInTheOrderTheyWereQueuedEvenOnAPool() {
        ListenerDispatcher dispatcher = new ListenerDispatcher(pool, 10_000, log);
        List<Integer> seen = new CopyOnWriteArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            int n = i;
            dispatcher.dispatch(() -> seen.add(n));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2_000);
        assertThat(seen).isSorted();
    }

    @Test
    void queuedTasksWaitForTheWakeUpThenRunInOrder() {
        List<Runnable> submitted = new CopyOnWriteArrayList<>();
        ListenerDispatcher dispatcher = new ListenerDispatcher(submitted::add, 10_000, log);
        List<Integer> seen = new CopyOnWriteArrayList<>();

        for (int i = 0; i < 3; i++) {
            int n = i;
            dispatcher.queue(() -> seen.add(n));
        }
        assertThat(submitted).isEmpty();
        assertThat(dispatcher.waiting()).isEqualTo(3);

        dispatcher.wake();
        assertThat(submitted).hasSize(1);
        submitted.get(0).run();

        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void wakingWithNothingQueuedSubmitsNothing() {
        List<Runnable> submitted = new CopyOnWriteArrayList<>();
        ListenerDispatcher dispatcher = new ListenerDispatcher(submitted::add, 10_000, log);

        dispatcher.wake();

        assertThat(submitted).isEmpty();
    }

    @Test
    void queuedTasksCountAgainstTheRoomForEvents() {
        ListenerDispatcher dispatcher = new ListenerDispatcher(task -> { }, 2, log);

        dispatcher.queue(() -> { });
        assertThat(dispatcher.hasRoomForEvent()).isTrue();
        dispatcher.queue(() -> { });

        assertThat(dispatcher.hasRoomForEvent()).isFalse();
    }

    @Test
    void thereIsNoRoomForAnEventOnceCapacityTasksWait() throws Exception {
        ListenerDispatcher dispatcher = new ListenerDispatcher(pool, 2, log);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        dispatcher.dispatch(() -> {
            started.countDown();
            awaitQuietly(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        dispatcher.dispatch(() -> { });
        assertThat(dispatcher.hasRoomForEvent()).isTrue();
        dispatcher.dispatch(() -> { });
        assertThat(dispatcher.hasRoomForEvent()).isFalse();

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(dispatcher::hasRoomForEvent);
    }

    @Test
    void tasksRefusedByTheExecutorWaitAndRunOnTheNextDispatch() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        ListenerDispatcher dispatcher = new ListenerDispatcher(task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("saturated");
            }
            pool.execute(task);
        }, 10, log);
        List<String> seen = new CopyOnWriteArrayList<>();

        dispatcher.dispatch(() -> seen.add("first"));
        assertThat(dispatcher.waiting()).isEqualTo(1);
        refuse.set(false);
        dispatcher.dispatch(() -> seen.add("second"));

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("first", "second");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
