package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item of a STATUS, NOTIFY or EVENT message (brief section 8.4).
 *
 * @param key       status, setting, option, event or root key
 * @param value     the value; JSON {@code null} is allowed (an ended active program)
 * @param unit      unit of a numeric value, or {@code null}
 * @param level     {@code hint}, {@code info}, {@code warning}, {@code alert} or {@code critical}
 * @param handling  {@code none}, {@code acknowledge} or {@code decision}
 * @param uri       relative API path of the changed resource; {@code null} on EVENT items
 * @param timestamp Unix seconds, or {@code null}
 */
public record EventItem(String key, JsonNode value, String unit, String level, String handling, String uri, Long timestamp) {

    /**
     * The item as the production stream writes it. STATUS and NOTIFY items come with their fields
     * in alphabetical order and EVENT items in the order the captured samples show, so a client
     * that depends on field order is caught rather than served a friendlier layout.
     */
    ObjectNode toJson(boolean eventOrder) {
        ObjectNode item = SimulatorJson.object();
        if (eventOrder) {
            putTimestamp(item);
            item.put("handling", handling);
            item.put("key", key);
            item.set("value", value == null ? SimulatorJson.NODES.nullNode() : value);
            item.put("level", level);
            if (unit != null) {
                item.put("unit", unit);
            }
            return item;
        }
        item.put("handling", handling);
        item.put("key", key);
        item.put("level", level);
        putTimestamp(item);
        if (unit != null) {
            item.put("unit", unit);
        }
        if (uri != null) {
            item.put("uri", uri);
        }
        item.set("value", value == null ? SimulatorJson.NODES.nullNode() : value);
        return item;
    }

    private void putTimestamp(ObjectNode item) {
        if (timestamp == null) {
            item.putNull("timestamp");
        } else {
            item.put("timestamp", timestamp);
        }
    }
}
