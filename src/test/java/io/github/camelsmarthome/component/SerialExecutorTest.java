package io.github.camelsmarthome.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Many feeds' serial queues on one small shared pool. */
class SerialExecutorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService shared = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        shared.shutdownNow();
    }

    @Test
    void eachFeedRunsItsTasksOneAtATimeInTheOrderGivenWhileFeedsShareFourThreads() throws Exception {
        int feeds = 200;
        int tasksPerFeed = 300;
        List<SerialExecutor> executors = IntStream.range(0, feeds).mapToObj(i -> new SerialExecutor(shared, "feed " + i)).toList();
        List<List<Integer>> given = IntStream.range(0, feeds).<List<Integer>>mapToObj(i -> new ArrayList<>()).toList();
        List<List<Integer>> ran = IntStream.range(0, feeds).<List<Integer>>mapToObj(i -> new CopyOnWriteArrayList<>()).toList();
        List<AtomicInteger> running = IntStream.range(0, feeds).mapToObj(i -> new AtomicInteger()).toList();
        AtomicInteger mostRunningInOneFeed = new AtomicInteger();
        Map<String, Boolean> threads = new ConcurrentHashMap<>();
        // Two threads give tasks to each feed in turn, like a source and a completion callback.
        ExecutorService givers = Executors.newFixedThreadPool(2);
        CountDownLatch allGiven = new CountDownLatch(2);
        for (int giver = 0; giver < 2; giver++) {
            int first = giver;
            givers.execute(() -> {
                for (int task = first; task < tasksPerFeed; task += 2) {
                    for (int feed = 0; feed < feeds; feed++) {
                        int f = feed;
                        int t = task;
                        synchronized (executors.get(f)) {
                            // Under the feed's lock, so that the order recorded is the order of the calls.
                            given.get(f).add(t);
                            executors.get(f).execute(() -> {
                                mostRunningInOneFeed.accumulateAndGet(running.get(f).incrementAndGet(), Math::max);
                                threads.put(Thread.currentThread().getName(), true);
                                ran.get(f).add(t);
                                running.get(f).decrementAndGet();
                            });
                        }
                    }
                }
                allGiven.countDown();
            });
        }
        assertThat(allGiven.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        givers.shutdown();

        await().atMost(TIMEOUT).until(() -> executors.stream().allMatch(e -> e.pending() == 0));
        for (int feed = 0; feed < feeds; feed++) {
            assertThat(ran.get(feed)).as("feed %d", feed).hasSize(tasksPerFeed).containsExactlyElementsOf(given.get(feed));
        }
        assertThat(mostRunningInOneFeed).hasValue(1);
        assertThat(threads).as("threads that ran tasks of %d feeds", feeds).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheTasksAfterIt() {
        SerialExecutor feed = new SerialExecutor(shared, "feed");
        List<String> ran = new CopyOnWriteArrayList<>();

        feed.execute(() -> ran.add("first"));
        feed.execute(() -> {
            throw new IllegalStateException("route failed");
        });
        feed.execute(() -> ran.add("third"));

        await().atMost(TIMEOUT).until(() -> feed.pending() == 0);
        assertThat(ran).containsExactly("first", "third");
    }

    @Test
    void aBusyFeedYieldsItsThreadSoAnotherFeedRunsBeforeItsBacklogIsDone() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor busy = new SerialExecutor(oneThread, "busy");
            SerialExecutor other = new SerialExecutor(oneThread, "other");
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            busy.execute(() -> awaitQuietly(release));
            IntStream.range(0, SerialExecutor.TASKS_PER_TURN * 3).forEach(i -> busy.execute(() -> ran.add("busy")));
            other.execute(() -> ran.add("other"));

            release.countDown();

            await().atMost(TIMEOUT).until(() -> busy.pending() == 0 && other.pending() == 0);
            assertThat(ran.indexOf("other")).as("where the other feed's task ran among %d", ran.size())
                    .isLessThan(SerialExecutor.TASKS_PER_TURN * 2);
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void aTaskGivenAfterTheSharedPoolStoppedIsRefusedAndNotKept() {
        SerialExecutor feed = new SerialExecutor(shared, "feed");
        shared.shutdown();

        assertThatThrownBy(() -> feed.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(feed.pending()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
