package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A whole configuration turned into the requests the device client sends. */
class SceneUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySceneOfThePlanBecomesOneUploadWhoseFramesHoldExactlyThatScene() throws Exception {
        SubscriptionPlan plan = SubscriptionPlan.of("123456789", MiioSubscriptions.parseDevices(
                "lumi.158d0001a2b3c4:lumi.sensor_switch.aq2,123456789:lumi.gateway.v3", MiioEventCatalog.builtIn()));

        List<SceneUpload> uploads = SceneUpload.perScene(plan, new LocalSceneEncoder(PushTarget.at("192.168.1.50")),
                SceneTokens.of("937ff2747147a227f331220010f6d9ff", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"), 1700000000L,
                new Random(7));

        assertThat(uploads).extracting(SceneUpload::scene).containsExactlyElementsOf(plan.scenes());
        for (SceneUpload upload : uploads) {
            JsonNode scenes = JSON.readTree(SendDataFrames.reassemble(upload.frameParams()));
            assertThat(scenes).hasSize(1);
            assertThat(scenes.get(0).get(0).asText()).isEqualTo(upload.scene().sceneId());
            assertThat(scenes.get(0).get(1).get(3).get(0).get("command").asText()).isEqualTo(upload.scene().command().text());
        }
    }
}
