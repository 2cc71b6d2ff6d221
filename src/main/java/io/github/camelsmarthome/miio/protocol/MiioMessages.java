package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.MiioPacketException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON payloads carried inside miIO packets: reading decrypted plaintext (with or without the
 * trailing NUL byte senders may add) and writing requests and replies.
 *
 * <p>Writing uses python-miio's encoding by default, the one real gateways are known to accept:
 * separators {@code ", "} and {@code ": "}, non-ASCII escaped, one {@code 0x00} appended.
 */
public final class MiioMessages {

    /**
     * Largest plaintext that fits in one packet: the whole 16-byte blocks after the 32-byte header
     * within 65535 bytes (4093 blocks), minus at least one padding byte.
     */
    public static final int MAX_PLAINTEXT_BYTES =
            (MiioPacketCodec.MAX_PACKET_LENGTH - MiioPacket.HEADER_LENGTH) / 16 * 16 - 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PYTHON_STYLE =
            MAPPER.writer(new PythonSeparators()).with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private MiioMessages() {
    }

    /**
     * Reads a decrypted payload as a JSON object after removing trailing NUL bytes.
     *
     * @throws MiioPacketException {@code TOO_LARGE}, {@code NOT_JSON} or {@code NOT_AN_OBJECT};
     *     the message never quotes the payload
     */
    public static ObjectNode read(byte[] plaintext) throws MiioPacketException {
        return parseObject(stripTrailingNuls(checkSize(plaintext)));
    }

    /**
     * Reads a device response the way tolerant clients do: also cuts at a NUL byte left inside the
     * text, and when the JSON does not parse, repairs the known broken device outputs ({@code ,,}
     * → {@code ,}, {@code "value":00} → {@code "value":0}, an empty {@code "result":,}) and tries
     * again. Not for push events, which gateways send well-formed.
     */
    public static ObjectNode readLenient(byte[] plaintext) throws MiioPacketException {
        byte[] text = stripTrailingNuls(checkSize(plaintext));
        for (int i = text.length - 1; i >= 0; i--) {
            if (text[i] == 0) {
                text = Arrays.copyOf(text, i);
                break;
            }
        }
        try {
            return parseObject(text);
        } catch (MiioPacketException e) {
            if (e.reason() != Reason.NOT_JSON) {
                throw e;
            }
            String repaired = new String(text, StandardCharsets.UTF_8)
                    .replace(",,\"otu_stat\"", ",\"otu_stat\"")
                    .replace("\"value\":00", "\"value\":0")
                    .replace(",,", ",")
                    .replace("\"result\":,", "");
            return parseObject(repaired.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Serialises python-miio style: {@code ", "} and {@code ": "} separators, ASCII only, NUL appended. */
    public static byte[] write(JsonNode message) {
        byte[] json = serialise(PYTHON_STYLE, message);
        return Arrays.copyOf(json, json.length + 1);
    }

    /** Serialises compactly without a trailing NUL (openHAB style); devices accept both. */
    public static byte[] writeCompact(JsonNode message) {
        return serialise(COMPACT, message);
    }

    /** {@code {"id": id, "method": method, "params": params}}; null params become {@code []}. */
    public static ObjectNode request(long id, String method, JsonNode params) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("id", id);
        request.put("method", method);
        request.set("params", params == null || params.isNull() ? JsonNodeFactory.instance.arrayNode() : params);
        return request;
    }

    /** The push server's acknowledgement {@code {"result": 0, "id": id}} (the number 0, not ["ok"]). */
    public static ObjectNode ack(long id) {
        ObjectNode ack = JsonNodeFactory.instance.objectNode();
        ack.put("result", 0);
        ack.put("id", id);
        return ack;
    }

    /**
     * The bytes {@link #write(JsonNode) write}{@code (ack(id))} makes, {@code {"result": 0, "id": id}}
     * and a NUL, written without Jackson: the push server sends one per event, and building and
     * serialising the tree was a large share of its work per event (issue #8).
     */
    public static byte[] writeAck(long id) {
        return ("{\"result\": 0, \"id\": " + id + "}\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** A reply carrying {@code result}: {@code {"result": result, "id": id}}. */
    public static ObjectNode result(long id, JsonNode result) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.set("result", result);
        reply.put("id", id);
        return reply;
    }

    /** An error reply as devices send it: {@code {"error": {"code": code, "message": message}, "id": id}}. */
    public static ObjectNode error(long id, int code, String message) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.putObject("error").put("code", code).put("message", message);
        reply.put("id", id);
        return reply;
    }

    private static byte[] checkSize(byte[] plaintext) throws MiioPacketException {
        if (plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new MiioPacketException(Reason.TOO_LARGE, "miIO payload of " + plaintext.length
                    + " bytes exceeds what one packet can carry");
        }
        return plaintext;
    }

    private static byte[] stripTrailingNuls(byte[] plaintext) {
        int end = plaintext.length;
        while (end > 0 && plaintext[end - 1] == 0) {
            end--;
        }
        return end == plaintext.length ? plaintext : Arrays.copyOf(plaintext, end);
    }

    private static ObjectNode parseObject(byte[] json) throws MiioPacketException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            // Jackson's message quotes the payload, which may hold a token: keep only the position
            throw new MiioPacketException(Reason.NOT_JSON, "miIO payload of " + json.length
                    + " bytes is not valid JSON" + location(e));
        }
        if (node == null || !node.isObject()) {
            throw new MiioPacketException(Reason.NOT_AN_OBJECT, "miIO payload is JSON but not an object ("
                    + (node == null ? "empty" : node.getNodeType().toString().toLowerCase()) + ")");
        }
        return (ObjectNode) node;
    }

    private static String location(IOException e) {
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            return " (error at byte " + processing.getLocation().getByteOffset() + ")";
        }
        return "";
    }

    private static byte[] serialise(ObjectWriter writer, JsonNode message) {
        try {
            return writer.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode tree always serialises", e);
        }
    }

    /** python's json.dumps default separators. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
