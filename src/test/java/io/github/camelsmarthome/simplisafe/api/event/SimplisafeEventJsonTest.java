package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON form of events, which Kafka and MQTT consumers depend on (design section 3, docs/events.md). */
class SimplisafeEventJsonTest {

    private static final Instant RECEIVED = Instant.parse("2021-09-29T23:14:47.120Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field names, order and formats are a published contract; change them only on purpose. */
    @Test
    void theJsonFormOfTheBriefsSampleIsPinned() throws Exception {
        String json = JSON.writeValueAsString(sample());

        assertThat(json).isEqualTo("{"
                + "\"system\":\"simplisafe\","
                + "\"deviceId\":\"12345\","
                + "\"type\":\"disarmed_by_keypad\","
                + "\"time\":\"2021-09-29T23:14:46Z\","
                + "\"id\":\"id:16803409109\","
                + "\"systemId\":12345,"
                + "\"eventId\":16803409109,"
                + "\"eventCid\":1400,"
                + "\"category\":\"activity\","
                + "\"info\":\"System Disarmed by Master PIN\","
                + "\"sensorType\":\"keypad\","
                + "\"sensorTypeCode\":1,"
                + "\"sensorSerial\":\"abcdef12\","
                + "\"changedBy\":\"Master PIN\","
                + "\"origin\":\"realtime\","
                + "\"raw\":" + JSON.writeValueAsString(SimplisafeFixtures.json("ws_message_event_data.json")) + ","
                + "\"receivedAt\":\"2021-09-29T23:14:47.120Z\"}");
    }

    @Test
    void theJsonFormOfACameraEventAddsItsMediaUrls() throws Exception {
        SimplisafeEvent event = new SimplisafeEventReader().read(SimplisafeFixtures.json("ws_motion_event_data.json"),
                SimplisafeEventOrigin.HISTORY, SimplisafeEventReader.Context.NONE, RECEIVED);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("mediaUrls").toString()).isEqualTo("{\"imageUrl\":\"https://image-url{&width}\","
                + "\"clipUrl\":\"https://clip-url\",\"hlsUrl\":\"https://hls-url\"}");
        assertThat(json.get("sensorName").asText()).isEqualTo("Back Yard");
        assertThat(json.get("origin").asText()).isEqualTo("history");
        assertThat(json.has("changedBy")).as("empty pinName omitted").isFalse();
    }

    /** The content hash is computed independently of this code from the recipe on {@link SimplisafeEvent#id()}. */
    @Test
    void theJsonFormOfAPollEventIsPinnedWithItsContentHash() throws Exception {
        SimplisafeEvent event = SimplisafeEvent.builder()
                .systemId(12345)
                .deviceId("14")
                .type("sensor_triggered")
                .time(Instant.parse("2024-01-01T00:00:00Z"))
                .info("Front Door: triggered")
                .sensorType(SensorType.ENTRY)
                .sensorSerial("14")
                .sensorName("Front Door")
                .origin(SimplisafeEventOrigin.POLL)
                .raw(SimplisafeFixtures.tree("{\"serial\":\"14\"}"))
                .receivedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .build();

        assertThat(JSON.writeValueAsString(event)).isEqualTo("{"
                + "\"system\":\"simplisafe\",\"deviceId\":\"14\",\"type\":\"sensor_triggered\","
                + "\"time\":\"2024-01-01T00:00:00Z\",\"id\":\"dbb36934bb68e272dea8abdd9641a6c1\",\"systemId\":12345,"
                + "\"info\":\"Front Door: triggered\",\"sensorType\":\"entry\",\"sensorTypeCode\":5,"
                + "\"sensorSerial\":\"14\",\"sensorName\":\"Front Door\",\"origin\":\"poll\",\"raw\":{\"serial\":\"14\"},"
                + "\"receivedAt\":\"2024-01-01T00:00:00Z\"}");
    }

    @Test
    void theJsonFormDoesNotDependOnTheWritersDateSettings() throws Exception {
        ObjectMapper timestampsAsNumbers = new ObjectMapper().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(timestampsAsNumbers.writeValueAsString(sample())).isEqualTo(JSON.writeValueAsString(sample()));
    }

    @Test
    void anEventReadBackFromJsonEqualsTheOriginal() throws Exception {
        SimplisafeEvent camera = new SimplisafeEventReader().read(SimplisafeFixtures.json("ws_motion_event_data.json"),
                SimplisafeEventOrigin.REALTIME, SimplisafeEventReader.Context.NONE, RECEIVED);

        for (SimplisafeEvent original : new SimplisafeEvent[] {sample(), camera}) {
            SimplisafeEvent read = JSON.readValue(JSON.writeValueAsString(original), SimplisafeEvent.class);

            assertThat(read).isEqualTo(original);
            assertThat(read.id()).isEqualTo(original.id());
            assertThat(JSON.writeValueAsString(read)).isEqualTo(JSON.writeValueAsString(original));
        }
    }

    @Test
    void anUnknownSensorTypeAndOriginSurviveAJsonRoundTrip() throws Exception {
        String json = JSON.writeValueAsString(sample())
                .replace("\"sensorType\":\"keypad\",\"sensorTypeCode\":1", "\"sensorType\":\"unknown\",\"sensorTypeCode\":21")
                .replace("\"origin\":\"realtime\"", "\"origin\":\"replay\"");

        SimplisafeEvent read = JSON.readValue(json, SimplisafeEvent.class);

        assertThat(read.sensorType()).isEqualTo(SensorType.of(21));
        assertThat(read.sensorType().isKnown()).isFalse();
        assertThat(read.origin().name()).isEqualTo("replay");
        assertThat(JSON.writeValueAsString(read)).isEqualTo(json);
    }

    @Test
    void toStringNamesTheEventWithoutItsPayload() {
        assertThat(sample().toString())
                .isEqualTo("SimplisafeEvent[disarmed_by_keypad (1400) system 12345, realtime, id id:16803409109]")
                .doesNotContain("Main Street");
    }

    private static SimplisafeEvent sample() {
        try {
            return new SimplisafeEventReader().read(SimplisafeFixtures.json("ws_message_event_data.json"),
                    SimplisafeEventOrigin.REALTIME, SimplisafeEventReader.Context.NONE, RECEIVED);
        } catch (UnreadableEventException e) {
            throw new AssertionError(e);
        }
    }
}
