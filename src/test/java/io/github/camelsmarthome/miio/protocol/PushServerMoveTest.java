package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A registered gateway that gets a new address (DHCP) keeps its scenes, so its events arrive from an
 * address no gateway is registered at: the push server recognises it by its token and follows it.
 */
class PushServerMoveTest extends PushServerTestSupport {

    private static final String CLICK = "click_ch0:lumi_158d0001a2b3c4";
    private static final String OLD_ADDRESS = "127.0.0.2";
    private static final String NEW_ADDRESS = "127.0.0.3";
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    @Test
    void anEventFromANewAddressSealedWithARegisteredTokenIsAckedDeliveredOnceAndMovesTheRegistration() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
        GatewaySocket before = registeredGateway(OLD_ADDRESS);
        GatewaySocket after = unregisteredSender(NEW_ADDRESS);
        clock.advance(Duration.ofSeconds(3));

        after.sendEvent(41, CLICK);

        assertThat(after.receiveMessage()).isEqualTo("{\"result\":0,\"id\":41}");
        awaitEvents(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.calls.size() == 2);
        assertThat(listener.calls).containsExactly("moved", "event 41");
        assertThat(listener.moves).containsExactly(OLD_ADDRESS + " -> " + NEW_ADDRESS);
        assertThat(listener.events.get(0).gateway()).isEqualTo(after.address());
        assertThat(server.isRegistered(after.address())).isTrue();
        assertThat(server.isRegistered(before.address())).isFalse();
        assertThat(server.lastSeen(after.address())).contains(START.plusSeconds(3));
        assertThat(server.stats().gatewaysMoved()).isEqualTo(1);
        assertThat(server.stats().droppedUnregistered()).isZero();
    }

    @Test
    void aRetransmissionAfterTheMoveIsAckedAgainButNotDeliveredAgain() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
        registeredGateway(OLD_ADDRESS);
        GatewaySocket after = unregisteredSender(NEW_ADDRESS);
        after.sendEvent(42, CLICK);
        after.receiveMessage();

        after.sendEvent(42, CLICK);

        assertThat(after.receiveMessage()).isEqualTo("{\"result\":0,\"id\":42}");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().duplicates() == 1);
        assertThat(listener.events).hasSize(1);
    }

    @Test
    void theMoveIsLoggedOnceWithBothAddressesAndNeverWithTheToken() {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome.miio")) {
            startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
            registeredGateway(OLD_ADDRESS);
            GatewaySocket after = unregisteredSender(NEW_ADDRESS);

            after.sendEvent(43, CLICK);
            after.receiveMessage();
            awaitEvents(1);

            assertThat(logs.allText()).containsOnlyOnce("gateway " + OLD_ADDRESS + " now sends from " + NEW_ADDRESS)
                    .doesNotContainIgnoringCase(GatewaySocket.TOKEN.hex());
        }
    }

    @Test
    void anEventFromANewAddressSealedWithAnotherTokenIsDroppedAsUnknownSenderAndCounted() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
        GatewaySocket gateway = registeredGateway(OLD_ADDRESS);
        GatewaySocket stranger = unregisteredSender(NEW_ADDRESS);

        stranger.sendEventSealedWith(MiioVectors.COUNTING_TOKEN, 44, CLICK);
        stranger.send(MiioPacketCodec.helloRequest());

        // The first answer the stranger gets is to its hello: the event got none.
        assertThat(HexFormat.of().formatHex(stranger.receive())).startsWith("21310020");
        assertThat(server.stats().droppedUnregistered()).isEqualTo(1);
        assertThat(server.stats().moveChecks()).isEqualTo(1);
        assertThat(server.stats().gatewaysMoved()).isZero();
        assertThat(server.isRegistered(gateway.address())).isTrue();
        assertThat(server.isRegistered(stranger.address())).isFalse();
    }

    @Test
    void aFloodFromAStrangerIsCheckedAgainstTheTokensOncePerInterval() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
        registeredGateway(OLD_ADDRESS);
        GatewaySocket stranger = unregisteredSender(NEW_ADDRESS);

        for (int i = 0; i < 50; i++) {
            stranger.sendEventSealedWith(MiioVectors.COUNTING_TOKEN, i, CLICK);
        }
        stranger.send(MiioPacketCodec.helloRequest());
        stranger.receive();

        assertThat(server.stats().droppedUnregistered()).isEqualTo(50);
        assertThat(server.stats().moveChecks()).isEqualTo(1);
        assertThat(server.stats().moveChecksSkipped()).isEqualTo(49);

        clock.advance(CHECK_INTERVAL);
        stranger.sendEventSealedWith(MiioVectors.COUNTING_TOKEN, 50, CLICK);
        stranger.send(MiioPacketCodec.helloRequest());
        stranger.receive();

        assertThat(server.stats().moveChecks()).isEqualTo(2);
        assertThat(server.stats().droppedUnregistered()).isEqualTo(51);
    }

    @Test
    void aCopyOfAnEventAlreadyAckedAtTheOldAddressDoesNotMoveTheGateway() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL));
        GatewaySocket gateway = registeredGateway(OLD_ADDRESS);
        GatewaySocket replayer = unregisteredSender(NEW_ADDRESS);
        gateway.sendEvent(45, CLICK);
        gateway.receiveMessage();
        awaitEvents(1);

        replayer.sendEvent(45, CLICK);
        replayer.send(MiioPacketCodec.helloRequest());

        assertThat(HexFormat.of().formatHex(replayer.receive())).startsWith("21310020");
        assertThat(server.stats().gatewaysMoved()).isZero();
        assertThat(server.stats().droppedUnregistered()).isEqualTo(1);
        assertThat(server.isRegistered(gateway.address())).isTrue();
        assertThat(listener.moves).isEmpty();
    }

    @Test
    void withNoTokenToTryAGatewayAtANewAddressIsNotRecognised() {
        startServer(options -> options.withMoveCheck(0, CHECK_INTERVAL));
        GatewaySocket gateway = registeredGateway(OLD_ADDRESS);
        GatewaySocket after = unregisteredSender(NEW_ADDRESS);

        after.sendEvent(46, CLICK);
        after.send(MiioPacketCodec.helloRequest());

        assertThat(HexFormat.of().formatHex(after.receive())).startsWith("21310020");
        assertThat(server.stats().droppedUnregistered()).isEqualTo(1);
        assertThat(server.stats().moveChecks()).isZero();
        assertThat(server.isRegistered(gateway.address())).isTrue();
    }

    @Test
    void aGatewayReportedSilentThatReappearsAtANewAddressIsReportedBackAndMoved() {
        startServer(options -> options.withMoveCheck(16, CHECK_INTERVAL).withLiveness(Duration.ofMinutes(10),
                Duration.ofMillis(20)));
        registeredGateway(OLD_ADDRESS);
        GatewaySocket after = unregisteredSender(NEW_ADDRESS);
        clock.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.silent.isEmpty());

        after.sendEvent(47, CLICK);
        after.receiveMessage();

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.back.size() == 1 && listener.events.size() == 1);
        assertThat(listener.back).containsExactly(after.address());
        assertThat(listener.moves).containsExactly(OLD_ADDRESS + " -> " + NEW_ADDRESS);
    }
}
