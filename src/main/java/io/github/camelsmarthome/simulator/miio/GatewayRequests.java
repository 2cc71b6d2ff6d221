package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the miIO requests a gateway serves locally (brief section 8.3): {@code miIO.info},
 * {@code send_data_frame} (scene upload), {@code miIO.xdel} (scene removal), and an error for
 * anything else. Params are never logged: a scene may carry the gateway token.
 */
final class GatewayRequests {

    /** JSON-RPC's "method not found": negative, and not one of the codes python-miio retries on (-30001, -9999). */
    static final int UNKNOWN_METHOD = -32601;
    /** JSON-RPC's "invalid params". */
    static final int INVALID_PARAMS = -32602;

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);

    private final ObjectMapper json;
    private final SceneStore scenes;
    private final FakeGatewayOptions options;
    private final LongSupplier uptimeSeconds;
    private final GatewayStats stats;

    GatewayRequests(ObjectMapper json, SceneStore scenes, FakeGatewayOptions options, LongSupplier uptimeSeconds, GatewayStats stats) {
        this.json = json;
        this.scenes = scenes;
        this.options = options;
        this.uptimeSeconds = uptimeSeconds;
        this.stats = stats;
    }

    /** The reply to a request that has a method and an id. */
    ObjectNode answer(String method, JsonNode id, JsonNode params) {
        return switch (method) {
            case "miIO.info" -> result(id, info());
            case "send_data_frame" -> sendDataFrame(id, params);
            case "miIO.xdel" -> deleteScenes(id, params);
            default -> error(id, UNKNOWN_METHOD, "Method not found");
        };
    }

    private JsonNode info() {
        ObjectNode info = json.createObjectNode();
        info.put("life", uptimeSeconds.getAsLong());
        info.put("model", options.model());
        info.put("fw_ver", "1.4.1_175");
        info.put("hw_ver", "MW300");
        info.put("mac", mac(options.did()));
        // A provisioned device hides its token in miIO.info as it does in the hello reply.
        info.put("token", "ffffffffffffffffffffffffffffffff");
        return info;
    }

    private ObjectNode sendDataFrame(JsonNode id, JsonNode params) {
        if (params == null || !params.isObject() || !params.path("data").isTextual() || !params.path("cur").canConvertToInt()
                || !params.path("total").canConvertToInt() || !params.path("data_tkn").canConvertToInt()) {
            return invalid(id, "send_data_frame needs params cur, total, data_tkn and a string data");
        }
        try {
            List<StoredScene> stored = scenes.acceptFrame(params.get("data_tkn").asInt(), params.get("cur").asInt(),
                    params.get("total").asInt(), params.get("data").asText());
            for (StoredScene scene : stored) {
                LOG.info("Fake gateway {}: stored scene {} (trigger {} {}, target {})", options.did(), scene.id(),
                        scene.trigger().did(), scene.trigger().eventName(), scene.targetIp());
            }
            return result(id, okList());
        } catch (InvalidSceneException e) {
            return invalid(id, "send_data_frame refused: " + e.getMessage());
        }
    }

    private ObjectNode deleteScenes(JsonNode id, JsonNode params) {
        if (params == null || !params.isArray()) {
            return invalid(id, "miIO.xdel needs a list of scene ids");
        }
        List<String> ids = new ArrayList<>();
        params.forEach(value -> ids.add(value.asText()));
        int removed = scenes.remove(ids);
        LOG.info("Fake gateway {}: miIO.xdel removed {} of {} scenes", options.did(), removed, ids.size());
        return result(id, okList());
    }

    private ObjectNode invalid(JsonNode id, String why) {
        stats.invalidRequests.increment();
        LOG.warn("Fake gateway {}: request {} answered with an error: {}", options.did(), id, why);
        return error(id, INVALID_PARAMS, "Invalid params");
    }

    private JsonNode okList() {
        return json.createArrayNode().add("ok");
    }

    private ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode reply = json.createObjectNode();
        reply.set("result", result);
        reply.set("id", id);
        return reply;
    }

    private ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode reply = json.createObjectNode();
        reply.putObject("error").put("code", code).put("message", message);
        reply.set("id", id);
        return reply;
    }

    private static String mac(long did) {
        return String.format(Locale.ROOT, "04:CF:8C:%02X:%02X:%02X", (did >> 16) & 0xFF, (did >> 8) & 0xFF, did & 0xFF);
    }
}
