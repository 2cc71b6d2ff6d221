package io.github.camelsmarthome.miio;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a running route whose gateway sends keepalives every 200 ms and a silence timeout of one
 * second: a gateway that stops sending is reported offline, and when it is heard again it is
 * reported online and gets its scenes again.
 */
class MiioPushLivenessTest extends MiioPushComponentTestSupport {

    @Test
    void aSilentGatewayTurnsTheHealthDownAndEmitsGatewayOffline() throws Exception {
        startCamel(configuration -> configuration.setSilenceTimeout(1_000), switchRoute());
        awaitHealthy();

        gateway.goSilent();

        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_OFFLINE).size() == 1);
        MiioPushEvent offline = received(MiioPushConstants.GATEWAY_OFFLINE).get(0);
        assertThat(offline.deviceId()).isEqualTo(String.valueOf(gateway.did()));
        assertThat(offline.gateway()).isEqualTo(GATEWAY_HOST);
        assertThat(offline.params().path("silentForSeconds").isIntegralNumber()).isTrue();
        HealthCheck.Result health = consumerHealth().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("127.0.0.2 is silent"));
    }

    @Test
    void aGatewayHeardAgainEmitsGatewayOnlineAndGetsItsScenesAgain() throws Exception {
        startCamel(configuration -> configuration.setSilenceTimeout(1_000), switchRoute());
        awaitHealthy();
        gateway.goSilent();
        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_OFFLINE).size() == 1);
        long uploadsWhileSilent = requests("send_data_frame");

        gateway.comeBack();

        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_ONLINE).size() == 1);
        await().atMost(TIMEOUT).until(() -> requests("send_data_frame") >= uploadsWhileSilent + SWITCH_ACTIONS.size());
        awaitHealthy();
        assertThat(gateway.scenes()).hasSize(SWITCH_ACTIONS.size());
        JsonNode params = received(MiioPushConstants.GATEWAY_ONLINE).get(0).params();
        assertThat(params.isArray() && params.isEmpty()).isTrue();
    }
}
