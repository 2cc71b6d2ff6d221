package io.github.camelsmarthome.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BoundedHandOffTest {

    /** A consumer whose deliveries finish only when the test says so. */
    private static final class HeldConsumer {
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> deliveries = new CopyOnWriteArrayList<>();

        CompletionStage<?> deliver(int event) {
            started.add(event);
            CompletableFuture<Void> done = new CompletableFuture<>();
            deliveries.add(done);
            return done;
        }

        void finish(int index) {
            deliveries.get(index).complete(null);
        }
    }

    @Test
    void theSourceGoesOnWhileTheConsumerIsBehindUntilTheBound() {
        HeldConsumer slow = new HeldConsumer();
        BoundedHandOff<Integer> handOff = new BoundedHandOff<>(3, slow::deliver);

        assertThat(handOff.offer(1)).isDone();
        assertThat(handOff.offer(2)).isDone();
        CompletionStage<Void> third = handOff.offer(3);
        assertThat(third).as("the third pending event reaches the bound").isNotDone();
        assertThat(slow.started).containsExactly(1);

        slow.finish(0);
        assertThat(third).isDone();
        assertThat(slow.started).containsExactly(1, 2);
        assertThat(handOff.pending()).isEqualTo(2);
        assertThat(handOff.highWater()).isEqualTo(3);
    }

    @Test
    void eventsAreDeliveredInOrderOneAtATimeAndFailuresDoNotStopTheQueue() {
        List<Integer> seen = new ArrayList<>();
        BoundedHandOff<Integer> handOff = new BoundedHandOff<>(10, event -> {
            seen.add(event);
            if (event == 2) {
                throw new IllegalStateException("route failed");
            }
            return event == 3 ? CompletableFuture.failedFuture(new IllegalStateException("async failure"))
                    : CompletableFuture.completedFuture(null);
        });
        IntStream.rangeClosed(1, 5).forEach(handOff::offer);
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(handOff.pending()).isZero();
    }

    @Test
    void aLongBacklogOfQuickDeliveriesDoesNotDeepenTheStack() {
        HeldConsumer gate = new HeldConsumer();
        List<Integer> quick = new ArrayList<>();
        BoundedHandOff<Integer> handOff = new BoundedHandOff<>(200_000, event -> {
            if (event == 0) {
                return gate.deliver(event);
            }
            quick.add(event);
            return CompletableFuture.completedFuture(null);
        });
        IntStream.range(0, 100_000).forEach(handOff::offer);
        gate.finish(0);
        assertThat(quick).hasSize(99_999);
    }

    @Test
    void everyOfferThatMustWaitForRoomIsCountedAsTheBacklogBeingFull() {
        HeldConsumer stuck = new HeldConsumer();
        BoundedHandOff<Integer> handOff = new BoundedHandOff<>(2, stuck::deliver);

        handOff.offer(1);
        assertThat(handOff.timesFull()).as("room left").isZero();
        handOff.offer(2);
        handOff.offer(3);

        assertThat(handOff.timesFull()).isEqualTo(2);
        assertThat(handOff.pending()).as("a source that does not wait goes past the bound").isEqualTo(3);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedHandOff<Integer>(0, event -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }

    @Test
    void deliveriesFinishingOnOtherThreadsStillStartInOfferOrderAndNeverExceedTheWindow() throws Exception {
        List<Integer> started = new CopyOnWriteArrayList<>();
        AtomicInteger unfinished = new AtomicInteger();
        AtomicInteger mostUnfinished = new AtomicInteger();
        ExecutorService finishers = Executors.newFixedThreadPool(4);
        try {
            BoundedHandOff<Integer> handOff = new BoundedHandOff<>(100, 8, event -> {
                started.add(event);
                mostUnfinished.accumulateAndGet(unfinished.incrementAndGet(), Math::max);
                return CompletableFuture.runAsync(unfinished::decrementAndGet, finishers);
            });
            for (int event = 0; event < 2_000; event++) {
                handOff.offer(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> handOff.pending() == 0);

            assertThat(started).containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
            assertThat(mostUnfinished.get()).isBetween(1, 8);
            assertThat(handOff.inFlight()).isZero();
        } finally {
            finishers.shutdownNow();
        }
    }

    @Test
    void aWindowBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedHandOff<Integer>(10, 0, event -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight");
    }
}
