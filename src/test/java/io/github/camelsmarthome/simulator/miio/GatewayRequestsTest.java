package io.github.camelsmarthome.simulator.miio;

import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.BUTTON_MODEL;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.CLICK;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.GATEWAY;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.TOKEN;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.frame;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.scene;
import static io.github.camelsmarthome.simulator.miio.SceneUploads.sealed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake gateway as a miIO device (brief section 8, items 1 to 3), spoken to over real UDP. */
class GatewayRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UdpPeer client = new UdpPeer();
    private FakeGateway gateway;

    @AfterEach
    void stop() {
        client.close();
        if (gateway != null) {
            gateway.close();
        }
    }

    private FakeGateway start(boolean provisioned) {
        gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0).token(TOKEN).provisioned(provisioned)
                .did(SceneUploads.GATEWAY_DID).subDevice(BUTTON, BUTTON_MODEL).build());
        return gateway;
    }

    private JsonNode call(String json) throws Exception {
        client.send(sealed(json), gateway.localAddress());
        OpenedPacket reply = PacketCodec.open(GATEWAY, client.receive());
        assertThat(reply.isOpened()).as("the reply is sealed with the gateway token").isTrue();
        assertThat(reply.header().did()).isEqualTo(SceneUploads.GATEWAY_DID);
        return JSON.readTree(new String(reply.plaintext(), StandardCharsets.UTF_8));
    }

    @Test
    void helloIsAnsweredWithDidUptimeStampAndHiddenToken() {
        start(true);
        client.send(PacketCodec.helloRequest(), gateway.localAddress());

        byte[] reply = client.receive();
        assertThat(reply).hasSize(32);
        assertThat(PacketCodec.header(reply)).get().satisfies(header -> {
            assertThat(header.unknown()).isZero();
            assertThat(header.did()).isEqualTo(123456789L);
            assertThat(header.stamp()).isPositive().isLessThan(100);
        });
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(reply, 16, 32))).isEqualTo("ff".repeat(16));
        assertThat(client.lastSender()).isEqualTo(gateway.localAddress());
        assertThat(gateway.stats().hellosAnswered()).isEqualTo(1);
    }

    @Test
    void anUnprovisionedGatewayRevealsItsTokenInTheHelloReply() {
        start(false);
        client.send(PacketCodec.helloRequest(), gateway.localAddress());

        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(client.receive(), 16, 32))).isEqualTo(TOKEN);
    }

    @Test
    void miioInfoIsAnsweredWithTheModelAndTheSameId() throws Exception {
        start(true);

        JsonNode reply = call("{\"id\": 7, \"method\": \"miIO.info\", \"params\": []}");

        assertThat(reply.path("id").asInt()).isEqualTo(7);
        assertThat(reply.path("result").path("model").asText()).isEqualTo("lumi.gateway.v3");
        assertThat(reply.path("result").path("token").asText()).isEqualTo("ff".repeat(16));
        assertThat(gateway.requests()).extracting(ReceivedRequest::method, ReceivedRequest::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("miIO.info", 7L));
    }

    @Test
    void aRequestWithABadChecksumGetsNoReply() {
        start(true);
        byte[] corrupt = sealed("{\"id\": 1, \"method\": \"miIO.info\", \"params\": []}");
        corrupt[20] ^= 0x01;
        client.send(corrupt, gateway.localAddress());
        client.send(PacketCodec.helloRequest(), gateway.localAddress());

        assertThat(client.receive()).as("the first answer is the hello reply: the corrupt request got none").hasSize(32);
        assertThat(gateway.stats().datagramsDropped()).isEqualTo(1);
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void anUnknownMethodGetsANegativeErrorWithAMessage() throws Exception {
        start(true);

        JsonNode reply = call("{\"id\": 9, \"method\": \"get_prop\", \"params\": [\"illumination\"]}");

        assertThat(reply.path("id").asInt()).isEqualTo(9);
        assertThat(reply.path("error").path("code").asInt()).isNegative();
        assertThat(reply.path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void theBriefsSubscribeRequestStoresItsScene() throws Exception {
        start(true);

        JsonNode reply = call(SceneUploads.V08);

        assertThat(reply.toString()).isEqualTo("{\"result\":[\"ok\"],\"id\":2}");
        assertThat(gateway.scenes()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo("x.scene.1000001");
            assertThat(stored.trigger()).isEqualTo(new SceneTrigger(BUTTON, CLICK, "event.lumi.sensor_switch.aq2.click_ch0", BUTTON_MODEL));
            assertThat(stored.targetIp()).isEqualTo("192.168.1.50");
            assertThat(stored.command()).isEqualTo("chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4");
            assertThat(stored.actions().get(0).method()).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
        });
    }

    @Test
    void framesAreReassembledByDataTokenInCurOrder() throws Exception {
        start(true);
        String data = scene("x.scene.2732711973", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, "", "127.0.0.1");
        int third = data.length() / 3;
        String[] parts = {data.substring(0, third), data.substring(third, 2 * third), data.substring(2 * third)};

        assertThat(call(frame(11, 4242, 2, 3, parts[2])).path("result").toString()).isEqualTo("[\"ok\"]");
        assertThat(call(frame(12, 777, 0, 2, "[[\"x.scene.other\"")).path("result").toString()).as("another upload interleaved")
                .isEqualTo("[\"ok\"]");
        assertThat(call(frame(13, 4242, 0, 3, parts[0])).path("result").toString()).isEqualTo("[\"ok\"]");
        assertThat(gateway.scenes()).as("nothing stored while a frame is missing").isEmpty();
        assertThat(call(frame(14, 4242, 1, 3, parts[1])).path("result").toString()).isEqualTo("[\"ok\"]");

        assertThat(gateway.scenes()).extracting(StoredScene::id).containsExactly("x.scene.2732711973");
        assertThat(gateway.scenes().get(0).targetIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void miioXdelRemovesTheListedScenes() throws Exception {
        start(true);
        call(frame(1, 1, 0, 1, scene("x.scene.1", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, "", "127.0.0.1")));
        call(frame(2, 2, 0, 1, scene("x.scene.2", BUTTON, BUTTON_MODEL, "double_click_ch0", "[1,13,1,85,[0,2],0,0]", "", "127.0.0.1")));
        call(frame(3, 3, 0, 1, scene("x.scene.3", BUTTON, BUTTON_MODEL, "long_click_ch0", "[1,13,1,85,[0,0],0,0]", "", "127.0.0.1")));

        JsonNode reply = call("{\"id\": 4, \"method\": \"miIO.xdel\", \"params\": [\"x.scene.1\", \"x.scene.3\"]}");

        assertThat(reply.path("result").toString()).isEqualTo("[\"ok\"]");
        assertThat(gateway.scenes()).extracting(StoredScene::id).containsExactly("x.scene.2");
    }

    @Test
    void aSceneUploadedAgainUnderTheSameIdReplacesTheOld() throws Exception {
        start(true);
        call(frame(1, 1, 0, 1, scene("x.scene.1", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, "", "127.0.0.1")));
        call(frame(2, 2, 0, 1, scene("x.scene.1", BUTTON, BUTTON_MODEL, "click_ch0", CLICK, "", "127.0.0.9")));

        assertThat(gateway.scenes()).singleElement().extracting(StoredScene::targetIp).isEqualTo("127.0.0.9");
    }

    @Test
    void aMalformedSceneIsRefusedWithAnErrorAndCounted() throws Exception {
        start(true);

        JsonNode notJson = call(frame(5, 5, 0, 1, "[[\"x.scene.1\",[\"1.0\""));
        JsonNode noFrames = call("{\"id\": 6, \"method\": \"send_data_frame\", \"params\": {\"cur\": 0, \"total\": 100000, \"data_tkn\": 1,"
                + " \"data\": \"[]\"}}");

        assertThat(notJson.path("error").path("code").asInt()).isNegative();
        assertThat(noFrames.path("error").path("code").asInt()).isNegative();
        assertThat(gateway.scenes()).isEmpty();
        assertThat(gateway.stats().invalidRequests()).isEqualTo(2);
    }

    @Test
    void aRequestWithoutIdIsDroppedAndCounted() {
        start(true);
        client.send(sealed("{\"method\": \"miIO.info\", \"params\": []}"), gateway.localAddress());
        client.send(PacketCodec.helloRequest(), gateway.localAddress());

        assertThat(client.receive()).hasSize(32);
        assertThat(gateway.stats().invalidRequests()).isEqualTo(1);
    }

    @Test
    void neitherTheTokenNorSceneJsonIsLoggedAtAnyLevel() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture(FakeGateway.class.getName())) {
            start(true);
            call(frame(1, 1, 0, 1, scene("x.scene.alarm", "123456789", "lumi.gateway.v3", "alarm_triggering", "[1,19,1,111,[0,1],2,0]",
                    TOKEN, "127.0.0.1")));
            call("{\"id\": 2, \"method\": \"miIO.info\", \"params\": []}");
            call("{\"id\": 3, \"method\": \"set_token\", \"params\": [\"" + TOKEN + "\"]}");
            call(frame(4, 4, 0, 1, "[[\"x.scene.bad\",[\"1.0\",1,[\"0\",{\"token\":\"" + TOKEN + "\"}]"));

            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.allText()).doesNotContain(TOKEN, GATEWAY.encryptedTokenHex(), "timespan");
        }
    }

    @Test
    void theHeaderIsBigEndianAndUnsignedForLargeDids() {
        gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0).token(TOKEN).did(0xFFFFFFF0L).build());
        client.send(PacketCodec.helloRequest(), gateway.localAddress());

        byte[] reply = client.receive();
        assertThat(ByteBuffer.wrap(reply).getInt(8)).isEqualTo(0xFFFFFFF0);
        assertThat(PacketCodec.header(reply)).get().extracting(PacketHeader::did).isEqualTo(0xFFFFFFF0L);
    }
}
