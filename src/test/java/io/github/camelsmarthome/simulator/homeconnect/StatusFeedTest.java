package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The status feed: a steady load of STATUS events whose values say which event each is. */
class StatusFeedTest extends SimulatorTestSupport {

    private static final String KEY = "BSH.Common.Option.RemainingProgramTime";

    @Test
    void aFeedSetsTheStatusToOneTwoThreeInOrderOneStatusEventEachUntilStopped() {
        StatusFeed feed = cloud.household().feedStatus(SimulatedHousehold.WASHER, KEY, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.emitted() >= 50);
        int emitted = feed.stop();

        List<Integer> values = cloud.events().publishedEvents().stream().map(PublishedEvent::event)
                .filter(event -> event.type() == EventType.STATUS && event.item(KEY) != null)
                .map(event -> event.item(KEY).value().asInt()).toList();
        assertThat(values).isEqualTo(IntStream.rangeClosed(1, emitted).boxed().toList());
        assertThat(cloud.household().washer().status(KEY).asInt()).isEqualTo(emitted);
        assertThat(feed.isRunning()).isFalse();
        assertThat(feed.stop()).as("stopping again sends nothing more").isEqualTo(emitted);
    }

    @Test
    void theFeedTellsWhenEachValueWasSentInOrder() {
        StatusFeed feed = cloud.household().feedStatus(SimulatedHousehold.WASHER, KEY, 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.emitted() >= 20);
        int emitted = feed.stop();

        List<Instant> times = IntStream.rangeClosed(1, emitted).mapToObj(feed::emittedAt).toList();
        assertThat(times).isSorted();
        assertThatThrownBy(() -> feed.emittedAt(emitted + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFeedNeedsAPositiveRate() {
        assertThatThrownBy(() -> cloud.household().feedStatus(SimulatedHousehold.WASHER, KEY, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 event per second");
    }
}
