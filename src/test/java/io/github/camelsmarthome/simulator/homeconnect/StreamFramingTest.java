package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Wire format of brief section 8.2: production framing, the BSH simulator's spacing, KEEP-ALIVE, both stream paths. */
class StreamFramingTest extends SimulatorTestSupport {

    @Override
    protected SimulatorOptions options() {
        return SimulatorOptions.forTests().keepAliveInterval(Duration.ofMillis(150)).build();
    }

    @Test
    void productionFramingHasNoSpaceAfterTheColonAndKeepAlivesHaveNoId() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("KEEP-ALIVE").size() >= 3);
            cloud.household().oven().setLocalControlActive(true);
            stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));

            String raw = stream.rawText();
            assertThat(raw).startsWith("event:KEEP-ALIVE\ndata:\n\n");
            assertThat(raw).contains("event:STATUS\ndata:{\"haId\":\"" + SimulatedHousehold.OVEN + "\"")
                    .contains("}\nid:" + SimulatedHousehold.OVEN + "\n\n")
                    .doesNotContain("event: ").doesNotContain(":ok");
            assertThat(stream.events("KEEP-ALIVE")).allSatisfy(keepAlive -> {
                assertThat(keepAlive.id()).isNull();
                assertThat(keepAlive.data()).isEmpty();
            });
        }
    }

    @Test
    void simulatorFramingPutsASpaceAfterEveryColonAndOpensWithAComment() {
        cloud.events().setDefaultFraming(SseFraming.SIMULATOR);
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("KEEP-ALIVE").size() >= 1);
            cloud.household().oven().setLocalControlActive(true);
            SseTestStream.Event status = stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(status.id()).isEqualTo(SimulatedHousehold.OVEN);

            String raw = stream.rawText();
            assertThat(raw).startsWith(":ok\n\nevent: KEEP-ALIVE\ndata: \n\n");
            assertThat(raw).contains("event: STATUS\ndata: {\"haId\"").contains("\nid: " + SimulatedHousehold.OVEN + "\n\n");
        }
    }

    @Test
    void theFramingOfAnOpenStreamCanBeSwitched() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> cloud.events().openStreamCount() == 1);
            cloud.events().openStreams().get(0).useFraming(SseFraming.SIMULATOR);
            cloud.household().oven().setLocalControlActive(true);
            stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(stream.rawText()).contains("event: STATUS\n");
        }
    }

    @Test
    void theKeepAliveCadenceIsConfigurable() {
        cloud.events().setKeepAliveInterval(Duration.ofSeconds(30));
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            cloud.events().setKeepAliveInterval(Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("KEEP-ALIVE").size() >= 5);
        }
    }

    @Test
    void aPerApplianceStreamCarriesOnlyThatAppliance() {
        try (SseTestStream oven = SseTestStream.open(cloud, "/api/homeappliances/" + SimulatedHousehold.OVEN + "/events", token);
             SseTestStream all = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> cloud.events().openStreamCount() == 2);
            cloud.household().washer().setLocalControlActive(true);
            cloud.household().oven().setLocalControlActive(true);
            cloud.household().depair(SimulatedHousehold.OVEN);

            all.awaitEvent(Duration.ofSeconds(3), event -> "DEPAIRED".equals(event.event()));
            SseTestStream.Event ovenStatus = oven.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(ovenStatus.id()).isEqualTo(SimulatedHousehold.OVEN);
            assertThat(StreamSummaries.parse(ovenStatus.data()).has("haId")).isFalse();
            assertThat(StreamSummaries.parse(ovenStatus.data()).path("items").get(0).path("key").asText())
                    .isEqualTo("BSH.Common.Status.LocalControlActive");
            assertThat(oven.events()).noneMatch(event -> SimulatedHousehold.WASHER.equals(event.id()))
                    .noneMatch(event -> "DEPAIRED".equals(event.event()));
            assertThat(all.events()).anyMatch(event -> SimulatedHousehold.WASHER.equals(event.id()));
        }
    }

    @Test
    void aRecordedSessionIsReplayedInTheStreamsFraming() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> cloud.events().openStreamCount() == 1);
            int replayed = cloud.events().replayRecording(String.join("\n",
                    "{\"appliance_id\": \"SIEMENS-WM14T6H9NL-AB1234567890\", \"event\": \"STATUS\", \"data\": {\"items\": []}}",
                    "{\"appliance_id\": \"SIEMENS-WM14T6H9NL-AB1234567890\", \"event\": \"SETTINGS-REQUEST\", \"data\": {}}",
                    "{\"appliance_id\": \"SIEMENS-WM14T6H9NL-AB1234567890\", \"event\": \"CONNECTED\"}",
                    "{\"event\": \"KEEP-ALIVE\"}"));
            assertThat(replayed).isEqualTo(3);
            stream.awaitEvent(Duration.ofSeconds(3), event -> "CONNECTED".equals(event.event()));
            assertThat(stream.rawText()).contains("event:STATUS\ndata:{\"items\":[]}\nid:SIEMENS-WM14T6H9NL-AB1234567890\n\n",
                    "event:CONNECTED\nid:SIEMENS-WM14T6H9NL-AB1234567890\n\n").doesNotContain("SETTINGS-REQUEST");
        }
    }

    @Test
    void streamsNeedTheEventStreamMediaTypeAndAKnownAppliance() {
        var http = new SimulatorHttp(cloud);
        assertThat(http.getAccepting("/api/homeappliances/events", token, SimulatorHttp.BSH_JSON).statusCode()).isEqualTo(406);
        try (SseTestStream unknown = SseTestStream.open(cloud, "/api/homeappliances/BOSCH-NOPE-000000000000/events", token)) {
            assertThat(unknown.status()).isEqualTo(404);
        }
        String noMonitor = cloud.authorization().issueTokens("IdentifyAppliance Control").accessToken();
        try (SseTestStream refused = SseTestStream.open(cloud, "/api/homeappliances/events", noMonitor)) {
            assertThat(refused.status()).isEqualTo(403);
        }
    }
}
