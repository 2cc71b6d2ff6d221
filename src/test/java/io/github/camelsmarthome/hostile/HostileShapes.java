package io.github.camelsmarthome.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Real envelopes with generated insides, so that hostile values reach the parsers' inner code. */
final class HostileShapes {

    private HostileShapes() {
    }

    /** {@code {"subscriptions":[{"sid":12345,"location":{...,"system":<system>}}]}}. */
    static JsonNode subscriptions(JsonNode system, JsonNode location) {
        ObjectNode locationNode = location instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        locationNode.set("system", system);
        ObjectNode subscription = JsonNodeFactory.instance.objectNode().put("sid", 12345);
        subscription.set("location", locationNode);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("subscriptions").add(subscription);
        return body;
    }
}
