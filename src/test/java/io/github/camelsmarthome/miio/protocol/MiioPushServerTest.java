package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MiioPushServerTest extends PushServerTestSupport {

    private static final String CLICK = "click_ch0:lumi_158d0001a2b3c4";

    @Test
    void aHelloIsAnsweredWithTheFakeIdentityToTheSendersPort() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.send(MiioPacketCodec.helloRequest());

        assertThat(HexFormat.of().formatHex(gateway.receive())).isEqualTo(MiioVectors.PUSH_SERVER_HELLO_REPLY);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().hellosAnswered() == 1);
    }

    @Test
    void theSocketAsksForAReceiveBufferLargeEnoughForABurst() throws Exception {
        startServer();
        java.nio.file.Path limit = java.nio.file.Path.of("/proc/sys/net/core/rmem_max");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(limit), "Linux only");
        int kernelMax = Integer.parseInt(java.nio.file.Files.readString(limit).trim());

        // Linux grants min(asked, rmem_max) and reports it doubled (its bookkeeping overhead).
        assertThat(server.receiveBufferSize())
                .isGreaterThanOrEqualTo(Math.min(MiioPushServer.RECEIVE_BUFFER_BYTES, kernelMax));
    }

    @Test
    void aHelloFromAnUnregisteredHostIsAnsweredToo() {
        startServer();
        GatewaySocket stranger = unregisteredSender(GATEWAY_IP);

        stranger.send(MiioPacketCodec.helloRequest());

        assertThat(HexFormat.of().formatHex(stranger.receive())).isEqualTo(MiioVectors.PUSH_SERVER_HELLO_REPLY);
    }

    @Test
    void theConfiguredDeviceIdIsTheOneInHelloReplies() throws Exception {
        startServer(options -> options.withDeviceId(123456789L));
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.send(MiioPacketCodec.helloRequest());

        assertThat(MiioPacketCodec.parse(gateway.receive()).deviceId()).isEqualTo(123456789L);
    }

    @Test
    void theGatewayEventOfTheBriefIsAckedWithVectorV12AndDeliveredOnce() {
        clock.set(START.plusSeconds(1));
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.send(hex(MiioVectors.V11));

        assertThat(HexFormat.of().formatHex(gateway.receive())).isEqualTo(MiioVectors.V12);
        awaitEvents(1);
        PushedMessage event = listener.events.get(0);
        assertThat(event.gateway()).isEqualTo(gateway.address());
        assertThat(event.messageId()).isEqualTo(619969154L);
        assertThat(event.method()).isEqualTo(CLICK);
        assertThat(event.action()).isEqualTo("click_ch0");
        assertThat(event.sourceDevice()).isEqualTo("lumi.158d0001a2b3c4");
        assertThat(event.params()).isEqualTo(JsonNodeFactory.instance.arrayNode());
        assertThat(event.receivedAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void theAckIsEncryptedWithTheGatewayTokenAndEchoesTheId() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.sendEvent(41, CLICK);

        assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":41}");
    }

    @Test
    void theSameEventSentTwiceIsAckedTwiceAndDeliveredOnce() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.send(hex(MiioVectors.V11));
        gateway.send(hex(MiioVectors.V11));

        assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":619969154}");
        assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":619969154}");
        gateway.sendEvent(42, CLICK);
        gateway.receiveMessage();
        awaitEvents(2);
        assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(619969154L, 42L);
        assertThat(server.stats().duplicates()).isEqualTo(1);
        assertThat(server.stats().acked()).isEqualTo(3);
    }

    @Test
    void theSameIdIsDeliveredAgainOnceTheDuplicateWindowHasPassed() {
        startServer(options -> options.withDuplicateWindow(Duration.ofSeconds(60)));
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        gateway.sendEvent(7, CLICK);
        gateway.receiveMessage();
        awaitEvents(1);

        clock.advance(Duration.ofSeconds(61));
        gateway.sendEvent(7, CLICK);
        gateway.receiveMessage();

        awaitEvents(2);
        assertThat(server.stats().duplicates()).isZero();
    }

    @Test
    void anotherGatewaysEventWithTheSameIdIsNoDuplicate() {
        startServer();
        GatewaySocket first = registeredGateway(GATEWAY_IP);
        GatewaySocket second = registeredGateway("127.0.0.2");

        first.sendEvent(7, CLICK);
        first.receiveMessage();
        second.sendEvent(7, CLICK);
        second.receiveMessage();

        awaitEvents(2);
        assertThat(listener.events).extracting(event -> event.gateway().getHostAddress())
                .containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
    }

    @Test
    void theListenerRunsOffTheIoThreadAfterTheAckWasSent() {
        AtomicLong ackedWhenHeard = new AtomicLong(-1);
        startServer();
        GatewaySocket gateway = unregisteredSender(GATEWAY_IP);
        server.register(gateway.address(), GatewaySocket.TOKEN, event -> {
            ackedWhenHeard.set(server.stats().acked());
            listener.onEvent(event);
        });

        gateway.sendEvent(5, CLICK);

        gateway.receiveMessage();
        awaitEvents(1);
        assertThat(ackedWhenHeard.get()).isEqualTo(1);
        assertThat(listener.threads).singleElement().asString().doesNotStartWith("miio-push-io");
    }

    @Test
    void anEventFromAnUnregisteredSenderIsDroppedCountedAndNotAnswered() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        GatewaySocket stranger = unregisteredSender("127.0.0.2");

        // Sealed with another token than the registered gateway's, so it is no moved gateway either.
        stranger.sendEventSealedWith(MiioVectors.COUNTING_TOKEN, 7, CLICK);
        stranger.send(MiioPacketCodec.helloRequest());

        // The first answer the stranger gets is to its hello: the event got none.
        assertThat(HexFormat.of().formatHex(stranger.receive())).startsWith("21310020");
        assertThat(server.stats().droppedUnregistered()).isEqualTo(1);
        gateway.sendEvent(1, CLICK);
        gateway.receiveMessage();
        awaitEvents(1);
        assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(1L);
    }

    @Test
    void aFloodFromAnUnregisteredSenderIsLoggedOncePerInterval() {
        startServer();
        GatewaySocket stranger = unregisteredSender("127.0.0.2");
        try (CapturedLogs logs = CapturedLogs.capture(MiioPushServer.class.getName())) {
            for (int i = 0; i < 20; i++) {
                stranger.send(hex(MiioVectors.V11));
            }
            stranger.send(MiioPacketCodec.helloRequest());
            stranger.receive();

            assertThat(server.stats().droppedUnregistered()).isEqualTo(20);
            assertThat(logs.allText()).containsOnlyOnce("no gateway is registered for that address");
        }
    }

    @Test
    void anUnregisteredGatewaysEventsAreDroppedFromThenOn() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        assertThat(server.unregister(gateway.address())).isTrue();
        gateway.sendEvent(9, CLICK);
        gateway.send(MiioPacketCodec.helloRequest());

        assertThat(HexFormat.of().formatHex(gateway.receive())).startsWith("21310020");
        assertThat(server.stats().droppedUnregistered()).isEqualTo(1);
        assertThat(server.isRegistered(gateway.address())).isFalse();
    }

    @Test
    void aPortInUseFailsStartWithOneLineNamingAddressPortAndRemedy() throws Exception {
        try (DatagramSocket occupant = new DatagramSocket(new InetSocketAddress(loopback(GATEWAY_IP), 0))) {
            int port = occupant.getLocalPort();
            MiioPushServer second = new MiioPushServer(
                    MiioPushServerOptions.defaults().withBinding(loopback(GATEWAY_IP), port));

            assertThatThrownBy(second::start)
                    .isInstanceOf(MiioPushBindException.class)
                    .hasMessage("UDP 127.0.0.1:" + port + " is already in use (another miIO push server or miIO"
                            + " tool?); stop it or set another bindAddress (gateways only send to port 54321)");
            second.close();
        }
    }

    @Test
    void aFullListenerQueueLeavesTheEventUnackedSoTheGatewaysRetransmissionIsDelivered() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstHeard = new CountDownLatch(1);
        try {
            startServer(options -> options.withListenerExecutor(executor, 1));
            GatewaySocket gateway = unregisteredSender(GATEWAY_IP);
            server.register(gateway.address(), GatewaySocket.TOKEN, event -> {
                if (event.messageId() == 1) {
                    firstHeard.countDown();
                    awaitQuietly(release);
                }
                listener.onEvent(event);
            });
            gateway.sendEvent(1, CLICK);
            gateway.receiveMessage();
            assertThat(firstHeard.await(5, TimeUnit.SECONDS)).isTrue();
            gateway.sendEvent(2, CLICK);
            gateway.receiveMessage();

            gateway.sendEvent(3, CLICK);
            gateway.send(MiioPacketCodec.helloRequest());
            assertThat(HexFormat.of().formatHex(gateway.receive())).startsWith("21310020");
            assertThat(server.stats().droppedQueueFull()).isEqualTo(1);

            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 2);
            gateway.sendEvent(3, CLICK);
            assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":3}");
            awaitEvents(3);
            assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(1L, 2L, 3L);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aListenerThatThrowsIsCountedAndLaterEventsStillArrive() {
        startServer();
        GatewaySocket gateway = unregisteredSender(GATEWAY_IP);
        server.register(gateway.address(), GatewaySocket.TOKEN, event -> {
            if (event.messageId() == 1) {
                throw new IllegalStateException("route failed");
            }
            listener.onEvent(event);
        });

        gateway.sendEvent(1, CLICK);
        gateway.receiveMessage();
        gateway.sendEvent(2, CLICK);
        gateway.receiveMessage();

        awaitEvents(1);
        assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(2L);
        assertThat(server.stats().listenerFailures()).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
