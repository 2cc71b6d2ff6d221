package io.github.camelsmarthome.simplisafe.api.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads an answer body the way simplipy does (brief section 2, parsing rules 1 to 3): JSON whatever
 * the {@code Content-Type}; a bare string such as {@code "Unauthorized"} becomes
 * {@code {"error": "Unauthorized"}}; an empty body is {@link MissingNode}. Text that is not JSON is
 * {@link #NOT_JSON}; unlike simplipy, its raw text is not kept, since a gateway's HTML page says
 * nothing a caller can use and must not reach the logs.
 */
final class ResponseJson {

    /** The stand-in for a body that is not JSON ({@code {"type":"DataParsingError"}}). */
    static final JsonNode NOT_JSON = JsonNodeFactory.instance.objectNode().put("type", "DataParsingError");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ResponseJson() {
    }

    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0 || isBlank(body)) {
            return MissingNode.getInstance();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException notJson) {
            return NOT_JSON;
        }
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (node.isTextual()) {
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.put("error", node.asText());
            return wrapped;
        }
        return node;
    }

    /** The SimpliSafe error {@code type} of a body, or {@code null}. */
    static String errorType(JsonNode body) {
        JsonNode type = body.path("type");
        return type.isTextual() && !type.asText().isBlank() ? type.asText() : null;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
