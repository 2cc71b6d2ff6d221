package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Brief sections 6.6 and 12: the last hello per gateway is its liveness signal. */
class PushServerLivenessTest extends PushServerTestSupport {

    private static final Duration SILENCE = Duration.ofMinutes(10);

    @BeforeEach
    void start() {
        startServer(options -> options.withLiveness(SILENCE, Duration.ofMillis(20)));
    }

    @Test
    void aHelloFromARegisteredGatewayIsItsLastSeenTime() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        clock.advance(Duration.ofSeconds(30));

        gateway.send(MiioPacketCodec.helloRequest());
        gateway.receive();

        assertThat(server.lastSeen(gateway.address())).contains(START.plusSeconds(30));
    }

    @Test
    void anEventAlsoCountsAsASignOfLife() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        clock.advance(Duration.ofSeconds(5));

        gateway.sendEvent(3, "click_ch0:lumi_158d0001a2b3c4");
        gateway.receive();

        assertThat(server.lastSeen(gateway.address())).contains(START.plusSeconds(5));
    }

    @Test
    void aGatewayNotHeardFromSinceRegistrationHasNoLastSeenTime() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        assertThat(server.lastSeen(gateway.address())).isEmpty();
    }

    @Test
    void aGatewaySilentForLongerThanTheTimeoutIsReportedOnceAndItsReturnToo() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        gateway.send(MiioPacketCodec.helloRequest());
        gateway.receive();

        clock.advance(SILENCE.plusMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.silent.isEmpty());
        gateway.send(MiioPacketCodec.helloRequest());
        gateway.receive();

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.back.isEmpty());
        assertThat(listener.silent).containsExactly(gateway.address());
        assertThat(listener.silentFor).containsExactly(SILENCE.plusMinutes(1));
        assertThat(listener.back).containsExactly(gateway.address());
    }

    @Test
    void aGatewayThatNeverSendsAnythingIsReportedSilentCountedFromItsRegistration() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        clock.advance(SILENCE.plusSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.silent.isEmpty());
        assertThat(listener.silent).containsExactly(gateway.address());
        assertThat(listener.silentFor).containsExactly(SILENCE.plusSeconds(1));
    }

    @Test
    void aGatewayHeardWithinTheTimeoutIsNotReportedSilent() {
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        GatewaySocket quiet = registeredGateway("127.0.0.2");
        clock.advance(SILENCE.minusMinutes(1));
        gateway.send(MiioPacketCodec.helloRequest());
        gateway.receive();

        clock.advance(Duration.ofMinutes(2));

        // The other gateway's report proves a check ran after the clock moved.
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.silent.isEmpty());
        assertThat(listener.silent).containsExactly(quiet.address());
    }
}
