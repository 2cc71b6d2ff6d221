package io.github.camelsmarthome.miio;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simulator.miio.DeliveryOutcome;
import io.github.camelsmarthome.testing.RecoveryTimer;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The miIO fault of issue #7 against {@code from("miio-push:...")}: the gateway on 127.0.0.2 goes
 * silent (health DOWN "silent", {@code gateway_offline}), then comes back at another address
 * (127.0.0.3, as after a DHCP renewal): its next click reaches the route once, the route follows it
 * there, the health is UP again. The time from detection to the click is logged.
 */
class MiioUpstreamFaultsTest extends MiioPushComponentTestSupport {

    private static final String NEW_ADDRESS = "127.0.0.3";

    @Test
    void aGatewaySilentThenBackAtAnotherAddressIsReportedDownThenFollowedAndItsClicksArriveAgain() throws Exception {
        startCamel(configuration -> configuration.setSilenceTimeout(1_000), switchRoute());
        awaitHealthy();
        RecoveryTimer timer = RecoveryTimer.start("miio gateway silent, then back at another address");

        gateway.goSilent();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> consumerHealth()
                .filter(health -> health.getState() == HealthCheck.State.DOWN)
                .flatMap(HealthCheck.Result::getMessage).filter(message -> message.contains("silent")).isPresent());
        timer.detected();
        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_OFFLINE).size() == 1);

        gateway = gateway.restartAt(NEW_ADDRESS);
        List<DeliveryOutcome> sent = gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> received("click_ch0").size() == 1);
        timer.recovered(System.nanoTime());

        assertThat(sent).singleElement().satisfies(outcome -> assertThat(outcome.acknowledged()).isTrue());
        assertThat(received("click_ch0").get(0).gateway()).isEqualTo(GATEWAY_HOST);
        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_MOVED).size() == 1
                && received(MiioPushConstants.GATEWAY_ONLINE).size() == 1);
        awaitHealthy();
        assertThat(serverStats().gatewaysMoved()).isEqualTo(1);
        timer.log();
    }
}
