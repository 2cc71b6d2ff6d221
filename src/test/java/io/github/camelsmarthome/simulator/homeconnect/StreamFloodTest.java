package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Flood mode (benchmarks): many distinct STATUS events, at full speed or at a rate, with backpressure. */
class StreamFloodTest extends SimulatorTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void anUnthrottledFloodDeliversEveryEventInOrderWithADistinctValue() throws Exception {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);

            int written = cloud.events().flood(SimulatedHousehold.WASHER, 2_000, 0).get(30, TimeUnit.SECONDS);

            assertThat(written).isEqualTo(2_000);
            await().atMost(TIMEOUT).until(() -> stream.events("STATUS").size() >= 2_000);
            List<SseTestStream.Event> status = stream.events("STATUS");
            assertThat(status).hasSize(2_000);
            assertThat(status.get(0).data()).contains("\"haId\":\"" + SimulatedHousehold.WASHER + "\"")
                    .contains("\"key\":\"BSH.Common.Option.RemainingProgramTime\"").containsPattern("\"value\":0[,}]");
            assertThat(status.get(1_999).data()).containsPattern("\"value\":1999[,}]");
            assertThat(status).allSatisfy(event -> assertThat(event.id()).isEqualTo(SimulatedHousehold.WASHER));
            assertThat(cloud.events().openStreams().get(0).eventsSent()).isEqualTo(2_000);
            assertThat(cloud.events().publishedEvents()).isEmpty();
        }
    }

    @Test
    void aRatedFloodSpreadsItsEventsOverTime() throws Exception {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);

            long started = System.nanoTime();
            int written = cloud.events().flood(SimulatedHousehold.WASHER, 50, 100).get(30, TimeUnit.SECONDS);

            // 50 events at 100/s cannot all leave before about half a second has passed.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            assertThat(written).isEqualTo(50);
            await().atMost(TIMEOUT).until(() -> stream.events("STATUS").size() >= 50);
        }
    }

    @Test
    void aFloodOfAnotherAppliancesEventsSkipsAPerApplianceStream() throws Exception {
        String path = "/api/homeappliances/" + SimulatedHousehold.OVEN + "/events";
        try (SseTestStream stream = SseTestStream.open(cloud, path, token)) {
            await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);

            assertThat(cloud.events().flood(SimulatedHousehold.WASHER, 10, 0).get(30, TimeUnit.SECONDS)).isZero();
            assertThat(cloud.events().openStreams().get(0).eventsSent()).isZero();
        }
    }

    @Test
    void aNegativeCountOrRateIsRefused() {
        assertThatThrownBy(() -> cloud.events().flood(SimulatedHousehold.WASHER, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cloud.events().flood(SimulatedHousehold.WASHER, 1, -5)).isInstanceOf(IllegalArgumentException.class);
    }
}
