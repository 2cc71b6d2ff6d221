package io.github.camelsmarthome.simulator.miio;

import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON_MODEL;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.CLICK;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.GATEWAY;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake gateway as a miIO client of the push server (brief 6.6, 6.7, 8.4, 8.5): events, acks, re-sends, keepalives. */
class EventDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PUSH_DID = 120009025L;
    private static final long PUSH_STAMP = 1700000000L;

    private final UdpPeer pushServer = new UdpPeer();
    private final UdpPeer client = new UdpPeer();
    private FakeGateway gateway;

    @AfterEach
    void stop() {
        pushServer.close();
        client.close();
        if (gateway != null) {
            gateway.close();
        }
    }

    private FakeGateway start(UnaryOperator<FakeGatewayOptions.Builder> tuning) {
        FakeGatewayOptions.Builder options = FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0).token(TOKEN)
                .did(SceneUploads.GATEWAY_DID).targetPort(pushServer.port()).ackTimeout(Duration.ofMillis(300)).retryCount(3)
                .keepaliveInterval(Duration.ofHours(1)).subDevice(BUTTON, BUTTON_MODEL);
        gateway = FakeGateway.start(tuning.apply(options).build());
        return gateway;
    }

    private void subscribeButtonClick() {
        String data = SceneUploads.scene("x.scene.1000001", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, "", "127.0.0.1");
        client.send(SceneUploads.sealed(SceneUploads.frame(1, 29576, 0, 1, data)), gateway.localAddress());
        assertThat(PacketCodec.open(GATEWAY, client.receive()).isOpened()).isTrue();
    }

    /** Plays the push server's side of the handshake; returns the event packet that follows. */
    private byte[] answerHelloAndReceiveEvent() {
        assertThat(PacketCodec.isHelloRequest(pushServer.receive())).as("a hello precedes the event").isTrue();
        assertThat(pushServer.lastSender()).as("sent from the gateway's miIO socket").isEqualTo(gateway.localAddress());
        pushServer.send(PacketCodec.helloReply(PUSH_DID, PUSH_STAMP, new byte[16]), pushServer.lastSender());
        return pushServer.receive();
    }

    private static JsonNode payload(byte[] event) throws Exception {
        OpenedPacket opened = PacketCodec.open(GATEWAY, event);
        assertThat(opened.isOpened()).as("sealed with the target token recovered from the scene").isTrue();
        return JSON.readTree(new String(opened.plaintext(), StandardCharsets.UTF_8));
    }

    private void ack(long id) {
        byte[] ack = PacketCodec.seal(GATEWAY, PUSH_DID, PUSH_STAMP + 1,
                ("{\"result\": 0, \"id\": " + id + "}\0").getBytes(StandardCharsets.UTF_8));
        pushServer.send(ack, pushServer.lastSender());
    }

    @Test
    void firingSendsHelloThenTheEventSealedWithTheTargetToken() throws Exception {
        start(options -> options);
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        byte[] event = answerHelloAndReceiveEvent();

        OpenedPacket opened = PacketCodec.open(GATEWAY, event);
        assertThat(opened.header().did()).as("the target's did from its hello reply").isEqualTo(PUSH_DID);
        assertThat(opened.header().stamp()).as("the target's stamp + 1").isEqualTo(PUSH_STAMP + 1);
        JsonNode payload = payload(event);
        assertThat(payload.path("method").asText()).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
        assertThat(payload.path("params").toString()).isEqualTo("[]");
        assertThat(payload.path("from").asText()).isEqualTo("nbl.123456789");
        long id = payload.path("id").asLong();
        ack(id);

        assertThat(delivery.get(3, TimeUnit.SECONDS)).containsExactly(
                new DeliveryOutcome("x.scene.1000001", "127.0.0.1", "click_ch0:lumi_158d0001a2b3c4", id, true, 1));
        assertThat(gateway.stats().eventsSent()).isEqualTo(1);
        assertThat(gateway.stats().eventsAcked()).isEqualTo(1);
        assertThat(gateway.stats().retransmissions()).isZero();
        assertThat(gateway.traffic()).as("recorded in and out, hex and decrypted").anySatisfy(datagram -> {
            assertThat(datagram.outgoing()).isTrue();
            assertThat(datagram.hex()).isEqualTo(java.util.HexFormat.of().formatHex(event));
            assertThat(datagram.plaintext()).contains("\"method\":\"click_ch0:lumi_158d0001a2b3c4\"");
        }).anySatisfy(datagram -> {
            assertThat(datagram.outgoing()).isFalse();
            assertThat(datagram.plaintext()).isEqualTo("{\"result\": 0, \"id\": " + id + "}");
        });
    }

    @Test
    void anUnacknowledgedEventIsResentUntilAcked() throws Exception {
        start(options -> options);
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        byte[] first = answerHelloAndReceiveEvent();
        byte[] second = pushServer.receive();
        byte[] third = pushServer.receive();
        ack(payload(third).path("id").asLong());

        assertThat(second).as("the same packet again").isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(delivery.get(3, TimeUnit.SECONDS)).singleElement().satisfies(outcome -> {
            assertThat(outcome.acknowledged()).isTrue();
            assertThat(outcome.attempts()).isEqualTo(3);
        });
        assertThat(gateway.stats().retransmissions()).isEqualTo(2);
        assertThat(gateway.stats().eventsAcked()).isEqualTo(1);
    }

    @Test
    void anEventNeverAckedIsGivenUpAfterTheRetryCount() throws Exception {
        start(options -> options.retryCount(1));
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        byte[] first = answerHelloAndReceiveEvent();
        assertThat(pushServer.receive()).isEqualTo(first);

        assertThat(delivery.get(3, TimeUnit.SECONDS)).singleElement().satisfies(outcome -> {
            assertThat(outcome.acknowledged()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(2);
        });
        assertThat(gateway.stats().eventsUnacknowledged()).isEqualTo(1);
    }

    @Test
    void anAckWithAnotherIdDoesNotCount() throws Exception {
        start(options -> options.retryCount(1));
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        long id = payload(answerHelloAndReceiveEvent()).path("id").asLong();
        ack(id + 1);

        assertThat(payload(pushServer.receive()).path("id").asLong()).as("re-sent: the wrong id is no ack").isEqualTo(id);
        assertThat(delivery.get(3, TimeUnit.SECONDS).get(0).acknowledged()).isFalse();
    }

    @Test
    void inDoubleSendModeAnAckedEventIsSentASecondTime() throws Exception {
        start(options -> options.sendEventsTwice(true));
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        byte[] first = answerHelloAndReceiveEvent();
        long id = payload(first).path("id").asLong();
        ack(id);
        assertThat(pushServer.receive()).as("the same event, same id, after its ack").isEqualTo(first);
        ack(id);

        assertThat(delivery.get(3, TimeUnit.SECONDS).get(0).acknowledged()).isTrue();
        assertThat(gateway.stats().duplicatesSent()).isEqualTo(1);
        assertThat(gateway.stats().eventsAcked()).isEqualTo(1);
    }

    @Test
    void aTargetThatNeverAnswersTheHelloGetsNoEvent() throws Exception {
        start(options -> options.retryCount(1));
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        assertThat(PacketCodec.isHelloRequest(pushServer.receive())).isTrue();
        assertThat(PacketCodec.isHelloRequest(pushServer.receive())).as("the hello is retried").isTrue();

        assertThat(delivery.get(3, TimeUnit.SECONDS)).singleElement().satisfies(outcome -> {
            assertThat(outcome.acknowledged()).isFalse();
            assertThat(outcome.attempts()).isZero();
        });
        assertThat(gateway.stats().eventsSent()).isZero();
    }

    @Test
    void firingByTriggerExtraCarriesTheGivenParams() throws Exception {
        start(options -> options);
        subscribeButtonClick();

        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, CLICK, JSON.readTree("{\"angle\":90}"));
        JsonNode payload = payload(answerHelloAndReceiveEvent());
        ack(payload.path("id").asLong());

        assertThat(payload.path("params").toString()).isEqualTo("{\"angle\":90}");
        assertThat(delivery.get(3, TimeUnit.SECONDS).get(0).acknowledged()).isTrue();
    }

    @Test
    void anEventNoSceneWaitsForSendsNothing() throws Exception {
        start(options -> options);
        subscribeButtonClick();

        assertThat(gateway.fire(BUTTON, "double_click_ch0").get(1, TimeUnit.SECONDS)).isEmpty();
        assertThat(gateway.fire(String.valueOf(SceneUploads.GATEWAY_DID), "alarm_triggering").get(1, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> gateway.fire("lumi.unknown", "click_ch0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BUTTON);
        assertThat(gateway.stats().eventsSent()).isZero();
    }

    @Test
    void keepaliveHellosGoToEachSceneTargetAtTheInterval() {
        start(options -> options.keepaliveInterval(Duration.ofMillis(100)));
        assertThat(gateway.stats().keepalivesSent()).as("no scene, no keepalive").isZero();
        subscribeButtonClick();

        assertThat(PacketCodec.isHelloRequest(pushServer.receive())).isTrue();
        assertThat(PacketCodec.isHelloRequest(pushServer.receive())).isTrue();
        assertThat(pushServer.lastSender()).isEqualTo(gateway.localAddress());
        assertThat(gateway.stats().keepalivesSent()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSilentGatewaySendsNoKeepaliveAndAnswersNothingUntilItComesBack() {
        start(options -> options.keepaliveInterval(Duration.ofMillis(50)));
        subscribeButtonClick();
        await().atMost(Duration.ofSeconds(2)).until(() -> gateway.stats().keepalivesSent() >= 1);

        gateway.goSilent();
        long keepalivesWhenSilenced = gateway.stats().keepalivesSent();
        client.send(PacketCodec.helloRequest(), gateway.localAddress());
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1))
                .until(() -> gateway.stats().keepalivesSent() == keepalivesWhenSilenced);
        assertThat(gateway.stats().datagramsDropped()).as("the hello was ignored").isEqualTo(1);

        gateway.comeBack();
        client.send(PacketCodec.helloRequest(), gateway.localAddress());
        assertThat(client.receive()).hasSize(32);
        assertThat(gateway.stats().hellosAnswered()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> gateway.stats().keepalivesSent() > keepalivesWhenSilenced);
    }

    @Test
    void deliveringAnAlarmEventLogsNeitherTheTokenNorThePayload() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture(FakeGateway.class.getName())) {
            start(options -> options.retryCount(1));
            String alarm = SceneUploads.scene("x.scene.alarm", "123456789", "lumi.gateway.v3", "alarm_triggering",
                    "[1,19,1,111,[0,1],2,0]", TOKEN, "127.0.0.1");
            client.send(SceneUploads.sealed(SceneUploads.frame(1, 1, 0, 1, alarm)), gateway.localAddress());
            client.receive();

            CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire("123456789", "alarm_triggering");
            JsonNode payload = payload(answerHelloAndReceiveEvent());
            assertThat(payload.path("method").asText()).isEqualTo("alarm_triggering:123456789");
            pushServer.receive();
            assertThat(delivery.get(3, TimeUnit.SECONDS).get(0).acknowledged()).isFalse();

            assertThat(logs.allText()).contains("alarm_triggering").doesNotContain(TOKEN, GATEWAY.encryptedTokenHex(), "nbl.");
        }
    }

    @Test
    void aGatewayRestartedAtANewAddressKeepsItsIdentityPortAndScenesAndSendsFromThere() throws Exception {
        start(options -> options);
        subscribeButtonClick();
        int port = gateway.localAddress().getPort();
        List<StoredScene> scenes = gateway.scenes();

        gateway = gateway.restartAt("127.0.0.3");

        assertThat(gateway.localAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
        assertThat(gateway.localAddress().getPort()).isEqualTo(port);
        assertThat(gateway.did()).isEqualTo(SceneUploads.GATEWAY_DID);
        assertThat(gateway.subDevices()).isEqualTo(List.of(new SubDevice(BUTTON, BUTTON_MODEL)));
        assertThat(gateway.scenes()).isEqualTo(scenes);
        CompletableFuture<List<DeliveryOutcome>> delivery = gateway.fire(BUTTON, "click_ch0");
        byte[] event = answerHelloAndReceiveEvent();
        assertThat(pushServer.lastSender()).isEqualTo(gateway.localAddress());
        ack(payload(event).path("id").asLong());
        assertThat(delivery.get(3, TimeUnit.SECONDS)).singleElement()
                .satisfies(outcome -> assertThat(outcome.acknowledged()).isTrue());
    }
}
