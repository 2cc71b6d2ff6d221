package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayLivenessTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private final InetAddress gateway = InetAddress.getLoopbackAddress();
    private final GatewayLiveness liveness = new GatewayLiveness();

    @Test
    void aGatewayNeverHeardFromHasNoLastSeenTime() {
        liveness.track(gateway, T0);

        assertThat(liveness.lastHeard(gateway)).isEmpty();
    }

    @Test
    void aGatewayHeardRecentlyIsNotSilent() {
        liveness.track(gateway, T0);
        liveness.heard(gateway, T0.plusSeconds(300));

        assertThat(liveness.newlySilent(T0.plusSeconds(800), TIMEOUT)).isEmpty();
        assertThat(liveness.lastHeard(gateway)).contains(T0.plusSeconds(300));
    }

    @Test
    void aGatewayNeverHeardFromIsSilentOnceTheTimeoutPassedSinceRegistration() {
        liveness.track(gateway, T0);

        assertThat(liveness.newlySilent(T0.plusSeconds(601), TIMEOUT))
                .containsExactly(new GatewayLiveness.Silence(gateway, Duration.ofSeconds(601)));
    }

    @Test
    void silenceIsReportedOnceAndReturnIsReportedOnce() {
        liveness.track(gateway, T0);
        liveness.heard(gateway, T0);

        assertThat(liveness.newlySilent(T0.plusSeconds(700), TIMEOUT)).hasSize(1);
        assertThat(liveness.newlySilent(T0.plusSeconds(800), TIMEOUT)).isEmpty();
        assertThat(liveness.heard(gateway, T0.plusSeconds(900))).isTrue();
        assertThat(liveness.heard(gateway, T0.plusSeconds(901))).isFalse();
    }

    @Test
    void anUntrackedGatewayIsNeitherHeardNorSilent() {
        assertThat(liveness.heard(gateway, T0)).isFalse();
        assertThat(liveness.lastHeard(gateway)).isEmpty();
        assertThat(liveness.newlySilent(T0.plusSeconds(10_000), TIMEOUT)).isEmpty();
    }
}
