package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge's gateway_offline / gateway_online events have the JSON shape of every miio event. */
class GatewayStatusEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void offlineNamesTheGatewayAndHowLongItWasSilent() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(
                GatewayStatusEvents.offline("192.168.1.20", "123456789", Duration.ofSeconds(600), NOW)));

        assertThat(json.path("system").asText()).isEqualTo("miio");
        assertThat(json.path("deviceId").asText()).isEqualTo("123456789");
        assertThat(json.path("type").asText()).isEqualTo("gateway_offline");
        assertThat(json.path("gateway").asText()).isEqualTo("192.168.1.20");
        assertThat(json.path("params").toString()).isEqualTo("{\"silentForSeconds\":600}");
        assertThat(json.path("messageId").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(json.path("method").asText()).isEqualTo("gateway_offline:123456789");
        assertThat(json.path("time").asText()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(json.has("model")).isFalse();
    }

    @Test
    void twoOutagesGetTwoIds() {
        MiioPushEvent first = GatewayStatusEvents.online("192.168.1.20", "123456789", NOW);
        MiioPushEvent second = GatewayStatusEvents.online("192.168.1.20", "123456789", NOW.plusSeconds(60));

        assertThat(first.params().isArray() && first.params().isEmpty()).isTrue();
        assertThat(first.id()).isNotEqualTo(second.id());
    }
}
