package io.github.camelsmarthome.kafka;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsmarthome.event.DeviceEvent;

/**
 * Maps a {@link DeviceEvent} to a CloudEvents 1.0 JSON object in structured mode, the value of
 * every record the bundle writes to Kafka (design, section 4).
 *
 * <p>{@code id} is the event's stable id, so a consumer can de-duplicate re-deliveries;
 * {@code source} names the bundle, the system and the account or gateway; {@code subject} is the
 * device, which is also the record key.
 */
public class CloudEventMapper {

    /** The CloudEvents version this mapper writes. */
    public static final String SPEC_VERSION = "1.0";

    private final ObjectMapper mapper;

    /** @param mapper the Jackson mapper that serialises the event itself into {@code data} */
    public CloudEventMapper(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @param event  the event
     * @param origin the account or gateway the event came through, the last segment of
     *               {@code source}
     */
    public ObjectNode toCloudEvent(DeviceEvent event, String origin) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", "/camel-smarthome/" + event.system() + "/" + origin);
        node.put("type", event.system() + "." + event.type());
        node.put("subject", event.deviceId());
        node.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        node.put("datacontenttype", "application/json");
        node.set("data", mapper.valueToTree(event));
        return node;
    }

    /** {@link #toCloudEvent} as JSON text. */
    public String toJson(DeviceEvent event, String origin) {
        try {
            return mapper.writeValueAsString(toCloudEvent(event, origin));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a " + event.system() + " event as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
