package io.github.camelsmarthome.homeassistant;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.event.DeviceEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MqttEventMessagesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MqttEventMessages messages = new MqttEventMessages(json);

    /** A minimal event from outside, with a hostile device id. */
    record Event(String system, String deviceId, String type, Instant time, String id) implements DeviceEvent {
    }

    @Test
    void theEventMessageStartsWithEventTypeAndKeepsTheEventFields() throws Exception {
        Event event = new Event("simplisafe", "12345", "alarm_triggered", Instant.parse("2026-11-21T10:00:00Z"), "id:7");
        JsonNode message = json.readTree(messages.eventJson(event));
        assertThat(message.fieldNames().next()).isEqualTo("event_type");
        assertThat(message.path("event_type").asText()).isEqualTo("alarm_triggered");
        assertThat(message.path("id").asText()).isEqualTo("id:7");
        assertThat(message.path("time").asText()).isEqualTo("2026-11-21T10:00:00Z");
    }

    @Test
    void deviceIdsCannotAddTopicLevelsOrWildcards() {
        Event event = new Event("miio", "lumi.158d/+#x y", "click", Instant.EPOCH, "1");
        assertThat(messages.deviceTopic(event)).isEqualTo("miio/lumi_158d___x_y");
        assertThat(messages.topicSegment("")).isEqualTo("unknown");
        assertThat(messages.topicSegment(null)).isEqualTo("unknown");
    }
}
