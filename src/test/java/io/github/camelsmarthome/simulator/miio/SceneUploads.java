package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Scene uploads built by hand from brief section 6.4, as the push server's client would send them. */
final class SceneUploads {

    static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final TokenCipher GATEWAY = TokenCipher.ofHex(TOKEN);
    static final String BUTTON = "lumi.158d0001a2b3c4";
    static final String BUTTON_MODEL = "lumi.sensor_switch.aq2";
    static final String CLICK = "[1,13,1,85,[0,1],0,0]";
    static final long GATEWAY_DID = 123456789L;

    /** The exact plaintext of vector V08 (brief 6.4): the click_ch0 scene for 192.168.1.50. */
    static final String V08 = "{\"id\": 2, \"method\": \"send_data_frame\", \"params\": {\"cur\": 0, \"data\": \"[[\\\"x.scene.1000001\\\",[\\\"1.0\\\","
            + "1700000000,[\\\"0\\\",{\\\"did\\\":\\\"lumi.158d0001a2b3c4\\\",\\\"extra\\\":\\\"[1,13,1,85,[0,1],0,0]\\\",\\\"key\\\":"
            + "\\\"event.lumi.sensor_switch.aq2.click_ch0\\\",\\\"model\\\":\\\"lumi.sensor_switch.aq2\\\",\\\"src\\\":\\\"device\\\","
            + "\\\"timespan\\\":[\\\"0 0 * * 0,1,2,3,4,5,6\\\",\\\"0 0 * * 0,1,2,3,4,5,6\\\"],\\\"token\\\":\\\"\\\"}],[{\\\"command\\\":"
            + "\\\"chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4\\\",\\\"did\\\":\\\"120009025\\\",\\\"extra\\\":\\\"\\\",\\\"id\\\":0,"
            + "\\\"ip\\\":\\\"192.168.1.50\\\",\\\"model\\\":\\\"chuangmi.plug.v3\\\",\\\"token\\\":\\\"937ff2747147a227f331220010f6d9ff\\\","
            + "\\\"value\\\":\\\"\\\"}]]]]\", \"data_tkn\": 29576, \"total\": 1, \"type\": \"scene\"}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SceneUploads() {
    }

    /** The compact scene array text for one subscription (brief 6.4). */
    static String scene(String sceneId, String sid, String model, String event, String extra, String triggerToken, String ip) {
        ObjectNode trigger = JSON.createObjectNode().put("did", sid).put("extra", extra).put("key", "event." + model + "." + event)
                .put("model", model).put("src", "device").put("token", triggerToken);
        trigger.putArray("timespan").add("0 0 * * 0,1,2,3,4,5,6").add("0 0 * * 0,1,2,3,4,5,6");
        ObjectNode action = JSON.createObjectNode().put("command", "chuangmi.plug.v3." + event + ":" + sid.replace('.', '_'))
                .put("did", "120009025").put("extra", "").put("id", 0).put("ip", ip).put("model", "chuangmi.plug.v3")
                .put("token", GATEWAY.encryptedTokenHex()).put("value", "");
        ArrayNode body = JSON.createArrayNode().add("1.0").add(1700000000L);
        body.addArray().add("0").add(trigger);
        body.addArray().add(action);
        ArrayNode root = JSON.createArrayNode();
        root.addArray().add(sceneId).add(body);
        return root.toString();
    }

    /** One {@code send_data_frame} request carrying frame {@code cur} of {@code total}. */
    static String frame(int id, int dataToken, int cur, int total, String data) {
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", "send_data_frame");
        request.putObject("params").put("cur", cur).put("data", data).put("data_tkn", dataToken).put("total", total).put("type", "scene");
        return request.toString();
    }

    /** A request sealed with the gateway token as a client would send it (python-miio style: trailing NUL). */
    static byte[] sealed(String json) {
        return PacketCodec.seal(GATEWAY, GATEWAY_DID, 1002, (json + '\0').getBytes(StandardCharsets.UTF_8));
    }
}
