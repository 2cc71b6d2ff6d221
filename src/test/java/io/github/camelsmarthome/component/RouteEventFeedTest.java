package io.github.camelsmarthome.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The in-flight window of a route's feed, against an asynchronous sink whose exchanges finish when the test says. */
class RouteEventFeedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Finishes nothing until the test says so, like a producer waiting for a broker's acknowledgement. */
    private static final class HeldSink extends AsyncProcessorSupport {
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<AsyncCallback> callbacks = new CopyOnWriteArrayList<>();
        final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        final AtomicInteger unfinished = new AtomicInteger();
        final AtomicInteger mostUnfinished = new AtomicInteger();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            started.add(exchange.getMessage().getBody(Integer.class));
            exchanges.add(exchange);
            callbacks.add(callback);
            mostUnfinished.accumulateAndGet(unfinished.incrementAndGet(), Math::max);
            return false;
        }

        void finish(int index, Exception failure) {
            // Exchanges start on the feed's own thread: wait until this one has.
            await().atMost(TIMEOUT).until(() -> exchanges.size() > index);
            exchanges.get(index).setException(failure);
            unfinished.decrementAndGet();
            callbacks.get(index).done(false);
        }
    }

    private final HeldSink sink = new HeldSink();
    private CamelContext camel;
    private DefaultConsumer consumer;

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        consumer = new DefaultConsumer(camel.getEndpoint("direct:feed"), sink);
        consumer.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private RouteEventFeed<Integer> feed(int maxInFlight) {
        return new RouteEventFeed<>(consumer, maxInFlight, (message, event) -> message.setBody(event), event -> "event " + event);
    }

    private static void offerAll(RouteEventFeed<Integer> feed, int count) {
        IntStream.rangeClosed(1, count).forEach(feed::offer);
    }

    @Test
    void atMostMaxInFlightExchangesAreUnfinishedAndTheyStartInArrivalOrder() {
        RouteEventFeed<Integer> feed = feed(3);
        offerAll(feed, 10);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3));
        assertThat(feed.inFlight()).isEqualTo(3);
        assertThat(feed.backlog()).as("queued plus in flight").isEqualTo(10);

        sink.finish(1, null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).as("a finish out of order frees one place").containsExactly(1, 2, 3, 4));
        IntStream.range(0, 10).filter(i -> i != 1).forEach(i -> {
            assertThat(sink.unfinished).hasValueLessThanOrEqualTo(3);
            sink.finish(i, null);
        });

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(sink.mostUnfinished).hasValue(3);
        assertThat(feed.backlog()).isZero();
        assertThat(feed.backlogPeak()).isEqualTo(10);
        assertThat(feed.droppedEvents()).isZero();
    }

    @Test
    void withOneInFlightAnExchangeStartsOnlyWhenThePreviousOneFinished() {
        RouteEventFeed<Integer> feed = feed(1);
        offerAll(feed, 3);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1));
        sink.finish(0, null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2));
        sink.finish(1, null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3));
        sink.finish(2, null);

        assertThat(sink.mostUnfinished).hasValue(1);
        assertThat(feed.backlog()).isZero();
    }

    @Test
    void aFailedExchangeIsCountedAndItsPlaceInTheWindowIsFreed() {
        RouteEventFeed<Integer> feed = feed(2);
        offerAll(feed, 3);

        sink.finish(0, new IllegalStateException("broker gave up"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3));
        assertThat(feed.droppedEvents()).isEqualTo(1);
        assertThat(feed.inFlight()).isEqualTo(2);
    }

    @Test
    void aFullBacklogMakesTheSourceWaitUntilAnExchangeFinishes() {
        RouteEventFeed<Integer> feed = feed(4);
        offerAll(feed, DeviceEventConsumer.BACKLOG - 1);

        CompletableFuture<Void> room = feed.offer(DeviceEventConsumer.BACKLOG).toCompletableFuture();

        assertThat(room).isNotDone();
        assertThat(feed.backlogFullCount()).isEqualTo(1);
        assertThat(feed.backlogPeak()).isEqualTo(DeviceEventConsumer.BACKLOG);
        sink.finish(2, null);
        assertThat(room).isDone();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3, 4, 5));
    }

    @Test
    void stoppingTheConsumerWithExchangesInFlightDoesNotHangAndTheyStillComplete() throws Exception {
        RouteEventFeed<Integer> feed = feed(2);
        offerAll(feed, 4);

        CompletableFuture.runAsync(consumer::stop).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        feed.offer(5);

        assertThat(feed.droppedEvents()).as("the event that came while stopped").isEqualTo(1);
        sink.finish(0, null);
        sink.finish(1, null);
        sink.finish(2, null);
        sink.finish(3, null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sink.started).containsExactly(1, 2, 3, 4));
        assertThat(feed.backlog()).isZero();
        assertThat(feed.inFlight()).isZero();
    }

    @Test
    void manyFeedsOfOneRouteEachKeepTheirOrderOnTheRoutesFewSharedThreads() {
        Map<Integer, List<Integer>> startedPerFeed = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DefaultConsumer immediate = new DefaultConsumer(camel.getEndpoint("direct:accounts"), exchange -> {
            int[] event = exchange.getMessage().getBody(int[].class);
            threads.add(Thread.currentThread().getName());
            startedPerFeed.computeIfAbsent(event[0], feed -> new CopyOnWriteArrayList<>()).add(event[1]);
        });
        immediate.setRouteId("accounts-to-sink");
        immediate.start();
        int feeds = 500;
        int eventsPerFeed = 20;
        List<RouteEventFeed<int[]>> accounts = IntStream.range(0, feeds)
                .mapToObj(i -> new RouteEventFeed<int[]>(immediate, 1, (message, event) -> message.setBody(event), event -> "event"))
                .toList();

        for (int event = 0; event < eventsPerFeed; event++) {
            for (int feed = 0; feed < feeds; feed++) {
                accounts.get(feed).offer(new int[] {feed, event});
            }
        }

        List<Integer> inOrder = IntStream.range(0, eventsPerFeed).boxed().toList();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(startedPerFeed.values().stream().mapToInt(List::size).sum())
                .isEqualTo(feeds * eventsPerFeed));
        startedPerFeed.forEach((feed, started) -> assertThat(started).as("feed %d", feed).containsExactlyElementsOf(inOrder));
        assertThat(threads).as("threads that started the exchanges of %d feeds", feeds)
                .hasSizeLessThanOrEqualTo(RouteFeedPools.THREADS_PER_ROUTE)
                .allSatisfy(name -> assertThat(name).contains("smarthome-route-feed-accounts-to-sink"));
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("smarthome-route-feed")))
                .as("feed threads alive").hasSizeLessThanOrEqualTo(RouteFeedPools.THREADS_PER_ROUTE);
    }

    @Test
    void aWindowBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> feed(0)).isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("maxInFlight");
    }
}
