package io.github.camelsmarthome.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
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

    /** About the size of one Home Connect status event's CloudEvent, so the text is rarely copied to grow. */
    private static final int TYPICAL_LENGTH = 1_024;

    private final ObjectMapper mapper;
    private final ObjectWriter data;

    /** @param mapper the Jackson mapper that serialises the event itself into {@code data} */
    public CloudEventMapper(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.data = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /**
     * @param event  the event
     * @param origin the account or gateway the event came through, the last segment of
     *               {@code source}
     */
    public ObjectNode toCloudEvent(DeviceEvent event, String origin) {
        try {
            return (ObjectNode) mapper.readTree(toJson(event, origin));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read back the CloudEvent of a " + event.system() + " event: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@link #toCloudEvent} as JSON text, the same attributes in the same order, written in one pass
     * (no tree in between: this runs once per event on the Kafka routes, issue #8).
     */
    public String toJson(DeviceEvent event, String origin) {
        return new String(toJsonBytes(event, origin), StandardCharsets.UTF_8);
    }

    /**
     * {@link #toJson} as UTF-8 bytes, the value of a Kafka record as it is: written straight as
     * bytes, with no text in between to encode again (issue #8: writing through a
     * {@code StringWriter} and encoding the text took a third of the CloudEvent's cost).
     */
    public byte[] toJsonBytes(DeviceEvent event, String origin) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(TYPICAL_LENGTH)) {
            try (JsonGenerator json = mapper.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("specversion", SPEC_VERSION);
                json.writeStringField("id", event.id());
                json.writeStringField("source", "/camel-smarthome/" + event.system() + "/" + origin);
                json.writeStringField("type", event.system() + "." + event.type());
                json.writeStringField("subject", event.deviceId());
                json.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
                json.writeStringField("datacontenttype", "application/json");
                json.writeFieldName("data");
                data.writeValue(json, event);
                json.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a " + event.system() + " event as JSON: " + e.getMessage(), e);
        }
    }
}
