package io.github.camelsmarthome.miio.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scene installation and removal against a scripted gateway that records what it is sent. */
class GatewayScenesTest {

    private static final JsonNode OK = JsonNodeFactory.instance.arrayNode().add("ok");
    private static final String SID = "lumi.158d0001a2b3c4";

    private final List<String> sent = new ArrayList<>();

    private GatewayScenes scenes(Function<String, CompletableFuture<JsonNode>> answer) {
        return new GatewayScenes((method, params) -> {
            sent.add(method + " " + params);
            return answer.apply(method);
        }, "192.168.1.20");
    }

    private static SubscriptionPlan plan(String... actions) {
        List<EventInfo> events = new ArrayList<>();
        for (String action : actions) {
            events.add(EventInfo.of(action, "[1,13,1,85,[0,1],0,0]").withSource(SID, "lumi.sensor_switch.aq2"));
        }
        return SubscriptionPlan.of("192.168.1.20", events);
    }

    private static List<SceneUpload> uploads(SubscriptionPlan plan) {
        return SceneUpload.perScene(plan, new LocalSceneEncoder(PushTarget.at("192.168.1.50")),
                SceneTokens.of("937ff2747147a227f331220010f6d9ff", null), 1_700_000_000L, new Random(1));
    }

    @Test
    void removalSendsOneXdelForEveryScene() throws Exception {
        SubscriptionPlan plan = plan("a", "b", "c", "d");

        GatewayScenes.Removal removal = scenes(method -> CompletableFuture.completedFuture(OK)).remove(plan.sceneIds())
                .get(5, TimeUnit.SECONDS);

        assertThat(removal.removed()).containsExactlyElementsOf(plan.sceneIds());
        assertThat(removal.remaining()).isEmpty();
        assertThat(sent).containsExactlyElementsOf(plan.sceneIds().stream().map(id -> "miIO.xdel [\"" + id + "\"]").toList());
    }

    @Test
    void removalStopsTryingAfterTheGatewayDidNotAnswer() throws Exception {
        SubscriptionPlan plan = plan("a", "b", "c");
        CompletableFuture<JsonNode> timeout = CompletableFuture.failedFuture(
                new MiioDeviceException(MiioDeviceException.Kind.TIMEOUT, "no answer"));

        GatewayScenes.Removal removal = scenes(method -> timeout).remove(plan.sceneIds()).get(5, TimeUnit.SECONDS);

        assertThat(sent).hasSize(1);
        assertThat(removal.removed()).isEmpty();
        assertThat(removal.remaining()).containsExactlyElementsOf(plan.sceneIds());
    }

    @Test
    void installationSendsEveryFrameInOrderAndRemembersTheScenes() throws Exception {
        SubscriptionPlan plan = plan("a", "b");
        GatewayScenes scenes = scenes(method -> CompletableFuture.completedFuture(OK));

        scenes.install(uploads(plan)).get(5, TimeUnit.SECONDS);

        assertThat(sent).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("send_data_frame "));
        assertThat(sent.get(0)).contains(plan.sceneIds().get(0));
        assertThat(sent.get(1)).contains(plan.sceneIds().get(1));
        assertThat(scenes.installed()).containsExactlyInAnyOrderElementsOf(plan.sceneIds());
    }

    @Test
    void anAnswerOtherThanOkFailsTheInstallationAtThatSceneNamingIt() {
        SubscriptionPlan plan = plan("a", "b");
        JsonNode refused = JsonNodeFactory.instance.arrayNode().add("busy");
        GatewayScenes scenes = scenes(method -> CompletableFuture.completedFuture(refused));

        ExecutionException failure = catchThrowableOfType(() -> scenes.install(uploads(plan)).get(5, TimeUnit.SECONDS),
                ExecutionException.class);

        assertThat(failure.getCause()).isInstanceOfSatisfying(SceneInstallException.class, e -> {
            assertThat(e.sceneId()).isEqualTo(plan.sceneIds().get(0));
            assertThat(e.getMessage()).isEqualTo("gateway 192.168.1.20: scene " + plan.sceneIds().get(0)
                    + " (chuangmi.plug.v3.a:lumi_158d0001a2b3c4), frame 1 of 1: the gateway answered [\"busy\"] instead of"
                    + " [\"ok\"]");
        });
        assertThat(sent).hasSize(1);
        assertThat(scenes.installed()).isEmpty();
    }
}
