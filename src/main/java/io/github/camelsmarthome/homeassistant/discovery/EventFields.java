package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reading the JSON form of an event (docs/events.md) defensively, and the value templates the
 * mappings share. Fields may be missing or of the wrong type in hostile input: readers answer
 * {@code null} rather than throw.
 */
final class EventFields {

    private EventFields() {
    }

    /** A text field, {@code null} when missing, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A nested value {@code node.a.b}, or a missing node. */
    static JsonNode path(JsonNode node, String... fields) {
        JsonNode current = node;
        for (String field : fields) {
            if (current == null) {
                break;
            }
            current = current.path(field);
        }
        return current == null ? JsonNodeFactory.instance.missingNode() : current;
    }

    /**
     * The event message of {@code <base>/<system>/<deviceId>/event}: {@code event_type} first, then
     * every field of the event's JSON form (the same document {@code MqttEventMessages.eventJson}
     * writes, so consumers see one format whichever path published it); mappings add the fields
     * their event entities should show.
     */
    static ObjectNode eventMessage(JsonNode event, String eventType) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("event_type", eventType);
        if (event instanceof ObjectNode fields) {
            fields.fields().forEachRemaining(field -> {
                if (!"event_type".equals(field.getKey())) {
                    message.set(field.getKey(), field.getValue());
                }
            });
        }
        return message;
    }

    static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** {@code {{ value_json.<field> }}}: renders {@code None} (unknown) while the state holds null. */
    static String valueOf(String field) {
        return "{{ value_json." + field + " }}";
    }

    /** {@code ON} when the state's boolean {@code field} is true. */
    static String onWhen(String field) {
        return "{{ 'ON' if value_json." + field + " else 'OFF' }}";
    }

    /** {@code ON} when the state's {@code field} equals {@code value}. */
    static String onWhenEquals(String field, String value) {
        return "{{ 'ON' if value_json." + field + " == '" + value + "' else 'OFF' }}";
    }

    /**
     * For sensors that only report "on" through events: {@code ON} for the {@code on} types,
     * {@code OFF} for the {@code off} type, empty (ignored by HA) for every other event.
     */
    static String eventSwitch(List<String> onTypes, String offType) {
        String on = onTypes.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        return "{{ 'ON' if value_json.event_type in [" + on + "] else ('OFF' if value_json.event_type == '"
                + offType + "' else '') }}";
    }
}
