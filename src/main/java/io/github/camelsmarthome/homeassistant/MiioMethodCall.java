package io.github.camelsmarthome.homeassistant;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payload of a miio method command, {@code {"method": "miIO.info", "params": [...]}}
 * (docs/home-assistant.md): one miIO request for the gateway, checked before anything is sent.
 *
 * @param method the miIO method, letters, digits and {@code _ . : -}
 * @param params its params, a JSON array or object ({@code []} when the payload has none)
 */
public record MiioMethodCall(String method, JsonNode params) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** Rejects a call the gateway could not read. */
    public MiioMethodCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
    }

    /**
     * Reads a command payload.
     *
     * @throws MqttCommand.InvalidCommandException naming what is wrong
     */
    public static MiioMethodCall parse(String payload) {
        JsonNode node;
        try {
            node = payload == null ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw MqttCommand.notJson(e);
        }
        if (node == null || !node.isObject()) {
            throw new MqttCommand.InvalidCommandException("send {\"method\": \"miIO.info\", \"params\": []}");
        }
        JsonNode method = node.path("method");
        if (!method.isTextual() || !METHOD.matcher(method.asText()).matches()) {
            throw new MqttCommand.InvalidCommandException("\"method\" must be a miIO method name such as miIO.info");
        }
        JsonNode params = node.has("params") ? node.get("params") : JSON.createArrayNode();
        if (!params.isArray() && !params.isObject()) {
            throw new MqttCommand.InvalidCommandException("\"params\" must be a JSON array or object");
        }
        return new MiioMethodCall(method.asText(), params);
    }
}
