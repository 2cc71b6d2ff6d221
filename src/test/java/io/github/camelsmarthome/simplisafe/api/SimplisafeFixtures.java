package io.github.camelsmarthome.simplisafe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The simplisafe-python fixtures under {@code src/test/resources/fixtures/simplisafe/} (see the
 * README there), and websocket frames assembled around them the way simplipy's
 * {@code tests/conftest.py} does (envelope of brief 6.3/6.4 plus the fixture as {@code data}).
 */
public final class SimplisafeFixtures {

    /** The mapper tests read and write with. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private SimplisafeFixtures() {
    }

    /** A fixture's text, exactly as stored. */
    public static String text(String name) {
        try (InputStream in = SimplisafeFixtures.class.getResourceAsStream("/fixtures/simplisafe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture parsed. */
    public static JsonNode json(String name) {
        return tree(text(name));
    }

    /** A fixture parsed, as an object to modify. */
    public static ObjectNode object(String name) {
        return (ObjectNode) json(name);
    }

    /** JSON text parsed. */
    public static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A server frame of the given type with the envelope of the brief's samples and the given data (none when {@code null}). */
    public static String frame(String type, String source, JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("type", type)
                .put("source", source)
                .put("specversion", "1.0")
                .put("datacontenttype", "application/json")
                .put("id", "id:16803409109")
                .put("time", "2021-09-29T23:14:46.000Z");
        if (data != null) {
            envelope.set("data", data);
        }
        return envelope.toString();
    }

    /** An event frame carrying the given event object. */
    public static String eventFrame(JsonNode data) {
        return frame("com.simplisafe.event.standard", "messagequeue", data);
    }
}
