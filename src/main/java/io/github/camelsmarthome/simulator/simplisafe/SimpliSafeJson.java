package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The simulator's one JSON mapper and its classpath data.
 *
 * <p>Bodies are Jackson trees seeded from the simplisafe-python fixtures rather than DTOs: the
 * wire shapes are what is under test, and a tree keeps field order and every field the fixture
 * carries, including the ones no client reads.
 */
final class SimpliSafeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String FIXTURES = "/simulator/simplisafe/simplisafe-python/";

    private SimpliSafeJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A fixture as a fresh, mutable tree. */
    static JsonNode fixture(String name) {
        try {
            return MAPPER.readTree(fixtureBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse simulator fixture " + name, e);
        }
    }

    /** A fixture's bytes, for bodies the simulator answers exactly as the cloud does. */
    static byte[] fixtureBytes(String name) {
        try (InputStream in = SimpliSafeJson.class.getResourceAsStream(FIXTURES + name)) {
            if (in == null) {
                throw new IllegalStateException("Simulator fixture missing from the classpath: " + FIXTURES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read simulator fixture " + name, e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Jackson tree always serialises", e);
        }
    }

    /** Parses a request or message body; {@code null} when it is not JSON. */
    static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
