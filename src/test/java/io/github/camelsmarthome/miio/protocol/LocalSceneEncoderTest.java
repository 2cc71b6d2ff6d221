package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief 6.4 and vector V08: the scene and the send_data_frame request, byte for byte. */
class LocalSceneEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY_TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    /** token_enc of the gateway token, brief table 10.1. */
    private static final String TOKEN_ENC = "937ff2747147a227f331220010f6d9ff";
    private static final SceneTokens TOKENS = SceneTokens.of(TOKEN_ENC, GATEWAY_TOKEN);
    private static final LocalSceneEncoder ENCODER = new LocalSceneEncoder(PushTarget.at("192.168.1.50"));

    /** The brief's V08 plaintext (section 6.4), copied unchanged into a test resource. */
    @Test
    void theButtonSubscriptionRequestIsTheBriefsVectorV08ByteForByte() throws Exception {
        EventInfo click = MiioEventCatalog.builtIn().event("lumi.sensor_switch.aq2", "click_ch0").orElseThrow()
                .withSource("lumi.158d0001a2b3c4", "lumi.sensor_switch.aq2");
        PlannedScene scene = new PlannedScene("x.scene.1000001", click, SceneCommand.of("click_ch0", click.sourceSid()));

        List<ObjectNode> frames = SendDataFrames.params(ENCODER.encode(scene, 1700000000L, TOKENS),
                SendDataFrames.PYTHON_MIIO_DATA_TOKEN);

        assertThat(frames).hasSize(1);
        ObjectNode request = JSON.createObjectNode().put("id", 2).put("method", SendDataFrames.METHOD);
        request.set("params", frames.get(0));
        assertThat(pythonStyle(request)).isEqualTo(resource("v08-plaintext.txt"));
    }

    @Test
    void theGatewayAlarmSceneCarriesTheGatewayTokenInTheTriggerAndTheGatewayAsSource() throws Exception {
        EventInfo alarm = MiioEventCatalog.builtIn().event("lumi.gateway.v3", "alarm_triggering").orElseThrow()
                .withSource("123456789", "lumi.gateway.v3");
        SubscriptionPlan plan = SubscriptionPlan.of("123456789", List.of(alarm));

        JsonNode scene = JSON.readTree(ENCODER.encode(plan.scenes(), 1700000000L, TOKENS)).get(0);

        assertThat(scene.get(0).asText()).isEqualTo(plan.sceneIds().get(0));
        JsonNode trigger = scene.get(1).get(2).get(1);
        assertThat(trigger.get("did").asText()).isEqualTo("123456789");
        assertThat(trigger.get("extra").asText()).isEqualTo("[1,19,1,111,[0,1],2,0]");
        assertThat(trigger.get("key").asText()).isEqualTo("event.lumi.gateway.v3.alarm_triggering");
        assertThat(trigger.get("token").asText()).isEqualTo(GATEWAY_TOKEN);
        JsonNode action = scene.get(1).get(3).get(0);
        assertThat(action.get("command").asText()).isEqualTo("chuangmi.plug.v3.alarm_triggering:123456789");
        assertThat(action.get("token").asText()).isEqualTo(TOKEN_ENC);
    }

    @Test
    void aProtectedTriggerWithoutTheGatewayTokenIsRefused() {
        EventInfo alarm = MiioEventCatalog.builtIn().event("lumi.gateway.v3", "alarm_triggering").orElseThrow()
                .withSource("123456789", "lumi.gateway.v3");
        SubscriptionPlan plan = SubscriptionPlan.of("123456789", List.of(alarm));

        assertThatThrownBy(() -> ENCODER.encode(plan.scenes(), 1L, SceneTokens.of(TOKEN_ENC, null)))
                .hasMessageContaining("action 'alarm_triggering': this trigger needs the gateway token");
    }

    @Test
    void aTriggerValueAndCommandExtraAreCarried() throws Exception {
        EventInfo rotate = MiioEventCatalog.builtIn().event("lumi.sensor_cube.v1", "rotate").orElseThrow();
        EventInfo dark = new EventInfo("dark", "[1,1024,1,0,[3,20],0,0]", "illumination", null,
                JSON.readTree("{\"max\":20,\"min\":0}"), null, "lumi.158d0001a2b3c4", "lumi.sensor_motion.aq2");
        SubscriptionPlan plan = SubscriptionPlan.of("gw",
                List.of(rotate.withSource("lumi.158d0001a2b3c5", "lumi.sensor_cube.v1"), dark));

        JsonNode scenes = JSON.readTree(ENCODER.encode(plan.scenes(), 1L, TOKENS));

        assertThat(scenes.get(0).get(1).get(3).get(0).get("extra").asText())
                .isEqualTo("[1,19,7,1006,[42,[6066005667474548,12,3,85,0]],0,0]");
        JsonNode darkTrigger = scenes.get(1).get(1).get(2).get(1);
        assertThat(darkTrigger.get("value").toString()).isEqualTo("{\"max\":20,\"min\":0}");
        assertThat(darkTrigger.get("key").asText()).isEqualTo("event.lumi.sensor_motion.aq2.illumination");
    }

    /** python-miio serialises with ", " and ": " (brief 5); the test reproduces that to compare with V08. */
    static String pythonStyle(JsonNode node) throws IOException {
        MinimalPrettyPrinter printer = new MinimalPrettyPrinter() {
            @Override
            public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(": ");
            }

            @Override
            public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
                g.writeRaw(", ");
            }

            @Override
            public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(", ");
            }
        };
        return JSON.writer(printer).writeValueAsString(node);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LocalSceneEncoderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
