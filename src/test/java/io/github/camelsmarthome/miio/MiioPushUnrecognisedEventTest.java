package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.LocalSceneEncoder;
import io.github.camelsmarthome.miio.protocol.MiioClientOptions;
import io.github.camelsmarthome.miio.protocol.MiioDeviceClient;
import io.github.camelsmarthome.miio.protocol.MiioToken;
import io.github.camelsmarthome.miio.protocol.SceneTargetToken;
import io.github.camelsmarthome.miio.protocol.SendDataFrames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scene put on the gateway by someone else, whose command the component would never write (an
 * action with a space), fires with the route's own scene: its request is acknowledged and counted,
 * but only the route's event is emitted.
 */
class MiioPushUnrecognisedEventTest extends MiioPushComponentTestSupport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void anEventWhoseMethodIsNotActionColonSidIsCountedAndNotEmitted() throws Exception {
        startCamel(eventsRoute("subscriptions=" + SWITCH + ":" + SWITCH_MODEL + ":click_ch0"));
        awaitHealthy();
        uploadForeignScene("chuangmi.plug.v3.bad action:lumi_158d0001a2b3c4");
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == 2);

        gateway.fire(SWITCH, "[1,13,1,85,[0,1],0,0]").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        MiioPushConsumer consumer = (MiioPushConsumer) context.getRoute(ROUTE).getConsumer();
        await().atMost(TIMEOUT).until(() -> consumer.unrecognisedEvents() == 1 && events().getReceivedCounter() == 1);
        assertThat(received("click_ch0")).hasSize(1);
    }

    private void uploadForeignScene(String command) throws Exception {
        ObjectNode trigger = NODES.objectNode().put("did", SWITCH).put("extra", "[1,13,1,85,[0,1],0,0]")
                .put("key", "event." + SWITCH_MODEL + ".click_ch0").put("model", SWITCH_MODEL).put("src", "device")
                .put("token", "");
        trigger.set("timespan", NODES.arrayNode().add(LocalSceneEncoder.ALWAYS).add(LocalSceneEncoder.ALWAYS));
        ObjectNode action = NODES.objectNode().put("command", command).put("did", "120009025").put("extra", "")
                .put("id", 0).put("ip", "127.0.0.1").put("model", "chuangmi.plug.v3")
                .put("token", SceneTargetToken.forGateway(MiioToken.fromHex(TOKEN))).put("value", "");
        ArrayNode body = NODES.arrayNode().add("1.0").add(1_700_000_000L).add(NODES.arrayNode().add("0").add(trigger))
                .add(NODES.arrayNode().add(action));
        String scene = new ObjectMapper().writeValueAsString(
                NODES.arrayNode().add(NODES.arrayNode().add("x.scene.1234567890").add(body)));
        try (MiioDeviceClient client = new MiioDeviceClient(InetAddress.getByName(GATEWAY_HOST), MiioToken.fromHex(TOKEN),
                MiioClientOptions.defaults().withPort(gateway.localAddress().getPort()))) {
            for (ObjectNode frame : SendDataFrames.params(scene, 1)) {
                JsonNode result = client.send(SendDataFrames.METHOD, frame).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(SendDataFrames.isSuccess(result)).isTrue();
            }
        }
    }
}
