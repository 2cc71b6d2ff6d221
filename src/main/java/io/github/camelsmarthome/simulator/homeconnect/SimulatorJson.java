package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the simulator and the way it reads its classpath data.
 *
 * <p>The simulator builds bodies as Jackson trees rather than DTOs: the wire shapes are the
 * contract under test, and a tree keeps field order and unknown fields exactly as written.
 */
final class SimulatorJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String RESOURCE_ROOT = "/simulator/homeconnect/";

    private SimulatorJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static JsonNode resource(String name) {
        try (InputStream in = SimulatorJson.class.getResourceAsStream(RESOURCE_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Simulator resource missing from the classpath: " + RESOURCE_ROOT + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read simulator resource " + name, e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Jackson tree always serialises", e);
        }
    }

    /** Wraps a body in the API envelope, {@code {"data": …}}. */
    static ObjectNode data(JsonNode body) {
        ObjectNode envelope = object();
        envelope.set("data", body);
        return envelope;
    }
}
