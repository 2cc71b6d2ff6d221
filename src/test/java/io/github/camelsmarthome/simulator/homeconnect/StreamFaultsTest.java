package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stream faults of brief sections 8.5 to 8.7 and 11, seen from a plain HTTP client. */
class StreamFaultsTest extends SimulatorTestSupport {

    @Override
    protected SimulatorOptions options() {
        return SimulatorOptions.forTests().keepAliveInterval(Duration.ofMillis(100)).build();
    }

    @Test
    void aDropMidEventLeavesHalfAFrameAndATruncatedBody() {
        try (SseTestStream stream = open()) {
            cloud.faults().dropStreamsOnNextEvent();
            cloud.household().oven().setLocalControlActive(true);
            stream.awaitEnd(Duration.ofSeconds(3));
            assertThat(stream.rawText()).contains("event:STATUS\ndata:{\"haId\"").doesNotEndWith("\n\n");
            assertThat(stream.events("STATUS")).isEmpty();
            assertThat(stream.failure()).as("a chunked body that never ends is an error, not EOF").isNotNull();
            await().atMost(Duration.ofSeconds(2)).until(() -> cloud.events().openStreamCount() == 0);
        }
    }

    @Test
    void aResetEndsTheStreamWithAnError() {
        try (SseTestStream stream = open()) {
            cloud.faults().resetStreams();
            stream.awaitEnd(Duration.ofSeconds(3));
            assertThat(stream.failure()).isNotNull();
        }
    }

    @Test
    void aCleanCloseIsAnOrdinaryEndOfStream() {
        try (SseTestStream stream = open()) {
            cloud.faults().closeStreams();
            stream.awaitEnd(Duration.ofSeconds(3));
            assertThat(stream.failure()).isNull();
        }
    }

    @Test
    void aStalledStreamKeepsItsKeepAlivesButLosesEvents() {
        try (SseTestStream stream = open()) {
            cloud.faults().stallStreams();
            int keepAlives = stream.events("KEEP-ALIVE").size();
            cloud.household().oven().setLocalControlActive(true);
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("KEEP-ALIVE").size() >= keepAlives + 3);
            assertThat(stream.events("STATUS")).isEmpty();
            assertThat(cloud.events().publishedEvents()).hasSize(1);

            cloud.faults().resumeStreams();
            cloud.household().oven().setLocalControlActive(false);
            SseTestStream.Event status = stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(status.data()).contains("\"value\":false");
            assertThat(stream.events("STATUS")).hasSize(1);
        }
    }

    @Test
    void garbageArrivesAsItsOwnLinesBetweenIntactEvents() {
        try (SseTestStream stream = open()) {
            cloud.faults().injectGarbageLine("3f");
            cloud.faults().injectGarbageBytes("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            cloud.household().oven().setLocalControlActive(true);
            stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(stream.lines()).contains("3f", "HTTP/1.1 200 OK");
            assertThat(stream.rawText()).contains("3f\nHTTP/1.1 200 OK\r\nevent:");
        }
    }

    @Test
    void aSplitEventArrivesInTwoPartsAndThenCompletes() {
        try (SseTestStream stream = open()) {
            cloud.faults().splitNextEvent(Duration.ofMillis(1500));
            cloud.household().oven().setLocalControlActive(true);
            cloud.household().oven().setLocalControlActive(false);
            await().atMost(Duration.ofMillis(1200)).until(() -> stream.rawText().contains("event:STATUS"));
            assertThat(stream.events("STATUS")).as("only half of the first frame has arrived").isEmpty();
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("STATUS").size() == 2);
            assertThat(stream.events("STATUS").get(0).data()).contains("\"value\":true");
            assertThat(stream.events("STATUS").get(1).data()).contains("\"value\":false");
        }
    }

    @Test
    void coalescedEventsArriveIntact() {
        try (SseTestStream stream = open()) {
            cloud.faults().coalesceNextEvents(3);
            cloud.household().oven().setLocalControlActive(true);
            cloud.household().washer().setLocalControlActive(true);
            cloud.household().dryer().setLocalControlActive(true);
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("STATUS").size() == 3);
        }
    }

    @Test
    void anEventCanComeWithoutItsIdLine() {
        try (SseTestStream stream = open()) {
            cloud.faults().omitIdOnNextEvent();
            cloud.household().oven().setLocalControlActive(true);
            cloud.household().oven().setLocalControlActive(false);
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("STATUS").size() == 2);
            assertThat(stream.events("STATUS").get(0).id()).isNull();
            assertThat(stream.events("STATUS").get(0).data()).contains("\"haId\":\"" + SimulatedHousehold.OVEN + "\"");
            assertThat(stream.events("STATUS").get(1).id()).isEqualTo(SimulatedHousehold.OVEN);
        }
    }

    @Test
    void theStreamClosesWhenItsTokenExpiresAndTheOldTokenIsThenRefused() {
        cloud.authorization().setAccessTokenLifetime(Duration.ofMillis(600));
        String shortLived = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).accessToken();
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", shortLived)) {
            assertThat(stream.status()).isEqualTo(200);
            stream.awaitEnd(Duration.ofSeconds(3));
            assertThat(stream.failure()).isNull();
        }
        try (SseTestStream reopened = SseTestStream.open(cloud, "/api/homeappliances/events", shortLived)) {
            assertThat(reopened.status()).isEqualTo(401);
        }
    }

    @Test
    void expiringTokensClosesTheirStreamsAtOnce() {
        try (SseTestStream stream = open()) {
            cloud.authorization().expireAccessTokens();
            stream.awaitEnd(Duration.ofSeconds(3));
        }
    }

    @Test
    void afterAnUnauthorizedCloseReopensAreRefusedForAWhile() throws Exception {
        try (SseTestStream stream = open()) {
            cloud.faults().closeStreamsUnauthorized(2);
            stream.awaitEnd(Duration.ofSeconds(3));
        }
        try (SseTestStream first = SseTestStream.open(cloud, "/api/homeappliances/events", token);
             SseTestStream second = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(first.status()).isEqualTo(401);
            assertThat(first.errorBody()).contains("invalid_token");
            assertThat(second.status()).isEqualTo(401);
        }
        try (SseTestStream third = open()) {
            assertThat(third.status()).isEqualTo(200);
        }
    }

    private SseTestStream open() {
        SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token);
        assertThat(stream.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("KEEP-ALIVE").size() >= 1);
        return stream;
    }
}
