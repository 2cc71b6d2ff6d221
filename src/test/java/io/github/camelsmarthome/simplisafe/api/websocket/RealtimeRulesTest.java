package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules behind the client: options, back-off, the 403 rule and the identify message. */
class RealtimeRulesTest {

    @Test
    void defaultsAreTheBriefsTimings() {
        SimplisafeRealtimeOptions options = SimplisafeRealtimeOptions.defaults();

        assertThat(options.url()).isEqualTo("wss://socketlink.prd.aser.simplisafe.com");
        assertThat(options.pingInterval()).isEqualTo(Duration.ofSeconds(55));
        assertThat(options.pongTimeout()).isEqualTo(Duration.ofSeconds(27));
        assertThat(options.subscribedTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.refusalsBeforeRestOnly()).isEqualTo(3);
        assertThat(options.refusedBackoff()).isEqualTo(Duration.ofHours(2));
        assertThat(options.silenceWatchdog()).isZero();
    }

    @Test
    void optionsRefuseWhatCannotWork() {
        SimplisafeRealtimeOptions ok = SimplisafeRealtimeOptions.defaults();
        assertThatThrownBy(() -> ok.withUrl("https://socketlink.example")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> ok.withUrl("wss://user:secret@host")).hasMessageContaining("user information")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ok.withPing(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("pingInterval");
        assertThatThrownBy(() -> ok.withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1))).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> ok.withRefusals(0, Duration.ofHours(1))).hasMessageContaining("refusalsBeforeRestOnly");
        assertThatThrownBy(() -> ok.withSilenceWatchdog(Duration.ofSeconds(-1))).hasMessageContaining("silenceWatchdog");
        assertThatThrownBy(() -> ok.withUserAgent("a\r\nX-Injected: 1")).hasMessageContaining("userAgent");
        assertThat(ok.withUrl("ws://127.0.0.1:8080/socketlink").url()).isEqualTo("ws://127.0.0.1:8080/socketlink");
    }

    @Test
    void backoffDoublesWithinTheCapAndStartsAgainAfterAReset() {
        ReconnectBackoff noJitter = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0);
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seconds.add(noJitter.next().toSeconds());
        }
        noJitter.reset();

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
        assertThat(noJitter.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterOnlyShortensAPauseByUpToAFifth() {
        ReconnectBackoff fullJitter = new ReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> 0.999_999);

        assertThat(fullJitter.next()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void refusalsBelowTheLimitAreOrdinaryThenThePauseDoublesUpToTheCap() {
        UpgradeRefusals refusals = new UpgradeRefusals(3, Duration.ofHours(2), Duration.ofHours(8));

        assertThat(refusals.refused()).isNull();
        assertThat(refusals.refused()).isNull();
        assertThat(refusals.refused()).isEqualTo(Duration.ofHours(2));
        assertThat(refusals.refused()).isEqualTo(Duration.ofHours(4));
        assertThat(refusals.refused()).isEqualTo(Duration.ofHours(8));
        assertThat(refusals.refused()).isEqualTo(Duration.ofHours(8));
        assertThat(refusals.consecutive()).isEqualTo(6);

        refusals.accepted();

        assertThat(refusals.consecutive()).isZero();
        assertThat(refusals.refused()).isNull();
    }

    @Test
    void identifyHasTheEnvelopeOfTheBriefWithTheTokenAndTheUsersNamespace() throws Exception {
        Instant now = Instant.parse("2024-03-02T18:38:11.910Z");

        JsonNode identify = new ObjectMapper().readTree(IdentifyMessage.text("the-token", 428836, "agent/1", now));

        assertThat(identify.path("type").asText()).isEqualTo("com.simplisafe.connection.identify");
        assertThat(identify.path("specversion").asText()).isEqualTo("1.0");
        assertThat(identify.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(identify.path("id").asText()).isEqualTo("ts:1709404691910");
        assertThat(identify.path("time").asText()).isEqualTo("2024-03-02T18:38:11.910Z");
        assertThat(identify.path("source").asText()).isEqualTo("agent/1");
        assertThat(identify.path("data").path("auth").path("schema").asText()).isEqualTo("bearer");
        assertThat(identify.path("data").path("auth").path("token").asText()).isEqualTo("the-token");
        assertThat(identify.path("data").path("join")).hasSize(1);
        assertThat(identify.path("data").path("join").path(0).asText()).isEqualTo("uid:428836");
    }
}
