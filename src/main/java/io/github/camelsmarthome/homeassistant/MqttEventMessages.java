package io.github.camelsmarthome.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.event.DeviceEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The MQTT side of the event contract (design 5), for any system: the event message Home
 * Assistant's event entities and device triggers read ({@code event_type} first, then the event's
 * own JSON), and topic segments made safe. Bound as the bean {@code mqttEventMessages} for the
 * routes. Depends only on {@link DeviceEvent}.
 */
public final class MqttEventMessages {

    // Compiled once: String.replaceAll compiles its pattern on every call, once per event and topic (issue #8).
    private static final Pattern NOT_SEGMENT_SAFE = Pattern.compile("[^a-zA-Z0-9_-]");

    private final ObjectMapper json;

    /** Messages written with {@code json} (which must know java.time). */
    public MqttEventMessages(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * The message for {@code <base>/<system>/<deviceId>/event}: {@code {"event_type": <type>, ...}}
     * with every field of the event's JSON form.
     */
    public String eventJson(DeviceEvent event) {
        JsonNode body = json.valueToTree(event);
        ObjectNode message = json.createObjectNode();
        message.put("event_type", event.type());
        if (body instanceof ObjectNode fields) {
            message.setAll(fields);
        }
        try {
            return json.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the MQTT message of event " + event.id(), e);
        }
    }

    /**
     * A value as one topic segment: {@code [a-zA-Z0-9_-]} only (other characters become {@code _}),
     * so an id from outside can never add levels ({@code /}) or wildcards ({@code +}, {@code #}).
     */
    public String topicSegment(String value) {
        if (value == null || value.isEmpty()) {
            return "unknown";
        }
        return NOT_SEGMENT_SAFE.matcher(value).replaceAll("_");
    }

    /** {@code <system>/<deviceId>} of an event, both sanitised: the part of its topics after the base. */
    public String deviceTopic(DeviceEvent event) {
        return topicSegment(event.system().toLowerCase(Locale.ROOT)) + "/" + topicSegment(event.deviceId());
    }
}
