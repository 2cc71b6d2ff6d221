package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Brief 6.9: frames of at most 700 bytes, in order, that join back into the scene text. */
class SendDataFramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLargeSceneListSplitsIntoFramesOfAtMost700BytesThatJoinBackToTheText() throws Exception {
        MiioEventCatalog catalog = MiioEventCatalog.builtIn();
        List<EventInfo> events = MiioSubscriptions.parseDevices("lumi.158d0001a2b3c4:lumi.remote.b286acn02,"
                + "lumi.158d0001a2b3c5:lumi.sensor_cube.aqgl01,lumi.158d0001a2b3c6:lumi.vibration.aq1", catalog);
        String text = new LocalSceneEncoder(PushTarget.at("192.168.1.50")).encode(
                SubscriptionPlan.of("gw", events).scenes(), 1700000000L,
                SceneTokens.of("937ff2747147a227f331220010f6d9ff", null));

        List<ObjectNode> frames = SendDataFrames.params(text, 4242);

        assertThat(text.length()).isGreaterThan(10 * SendDataFrames.MAX_FRAME_BYTES);
        assertThat(frames).hasSize((text.length() + 699) / 700);
        for (int i = 0; i < frames.size(); i++) {
            ObjectNode frame = frames.get(i);
            assertThat(frame.get("cur").intValue()).isEqualTo(i);
            assertThat(frame.get("total").intValue()).isEqualTo(frames.size());
            assertThat(frame.get("data_tkn").intValue()).isEqualTo(4242);
            assertThat(frame.get("type").asText()).isEqualTo("scene");
            assertThat(frame.get("data").asText().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(700);
        }
        assertThat(String.join("", frames.stream().map(f -> f.get("data").asText()).toList())).isEqualTo(text);
    }

    @Test
    void framesArrivingInAnyOrderAreReassembledByTheirIndex() throws Exception {
        String text = "x".repeat(1500);
        List<JsonNode> frames = new ArrayList<>();
        for (ObjectNode frame : SendDataFrames.params(text, 7)) {
            frames.add(JSON.readTree(JSON.writeValueAsString(frame)));
        }
        Collections.reverse(frames);

        assertThat(frames).hasSize(3);
        assertThat(SendDataFrames.reassemble(frames)).isEqualTo(text);
        assertThatThrownBy(() -> SendDataFrames.reassemble(frames.subList(0, 2))).hasMessageContaining("only 2 of 3");
    }

    @Test
    void nonAsciiCharactersCountThreeAndSurrogatePairsAreNeverCut() {
        String text = "a" + "\u00e9".repeat(233) + "\uD83D\uDE00".repeat(200);

        List<String> frames = SendDataFrames.split(text);

        assertThat(String.join("", frames)).isEqualTo(text);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(SendDataFrames.weight(frame)).isLessThanOrEqualTo(700);
            assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(700);
            assertThat(Character.isHighSurrogate(frame.charAt(frame.length() - 1))).isFalse();
        });
        assertThat(frames.get(0)).hasSize(234).as("1 + 233 x 3 = 700");
    }

    @Test
    void aSceneOfExactly700BytesIsOneFrameAnd701AreTwo() {
        assertThat(SendDataFrames.split("y".repeat(700))).hasSize(1);
        assertThat(SendDataFrames.split("y".repeat(701))).extracting(String::length).containsExactly(700, 1);
    }

    @Test
    void onlyAResultOfExactlyOkCountsAsSuccess() throws Exception {
        assertThat(SendDataFrames.isSuccess(JSON.readTree("[\"ok\"]"))).isTrue();
        assertThat(SendDataFrames.isSuccess(JSON.readTree("0"))).isFalse();
        assertThat(SendDataFrames.isSuccess(JSON.readTree("[\"ok\",\"ok\"]"))).isFalse();
        assertThat(SendDataFrames.isSuccess(JSON.readTree("[\"error\"]"))).isFalse();
        assertThat(SendDataFrames.isSuccess(null)).isFalse();
    }

    @Test
    void dataTokensStayInTheAppsRange() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(SendDataFrames.randomDataToken(random)).isBetween(0, 65534);
        }
        assertThatThrownBy(() -> SendDataFrames.params("[]", 65535)).hasMessageContaining("data_tkn");
    }
}
