package io.github.camelsmarthome.homeconnect.api.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of known appliance state, used both for the state file and for
 * {@link ApplianceStateStore#knownStatus(String)}:
 *
 * <pre>{@code
 * {"haId":"SIEMENS-HCS03WCH1-7BC6383CF794","name":"Washer","type":"Washer","brand":"SIEMENS",
 *  "vib":"HCS03WCH1","enumber":"HCS03WCH1/03","connected":true,
 *  "syncedAt":"2026-11-21T10:15:54Z","updatedAt":"2026-11-21T10:16:02Z",
 *  "values":{"BSH.Common.Status.OperationState":{"value":"BSH.Common.EnumType.OperationState.Ready",
 *            "timestamp":1795256162,"updatedAt":"2026-11-21T10:16:02Z"}}}
 * }</pre>
 * The file wraps a list of these: {@code {"version":1,"account":"default","savedAt":"...","appliances":[...]}}.
 * {@code timestamp} is Unix seconds as upstream sends it; absent fields are omitted. Read errors
 * name the position or the field, never a value.
 */
final class ApplianceStateJson {

    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplianceStateJson() {
    }

    static byte[] writeFile(String account, Instant savedAt, List<KnownAppliance> appliances) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("account", account);
        root.put("savedAt", savedAt.toString());
        ArrayNode list = root.putArray("appliances");
        appliances.forEach(appliance -> list.add(toJson(appliance)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static List<KnownAppliance> readFile(byte[] content) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException malformed) {
            throw new IOException("not valid JSON" + (malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("version").asInt(-1) != FORMAT_VERSION) {
            throw new IOException("unknown format version");
        }
        JsonNode list = root.get("appliances");
        if (list == null || !list.isArray()) {
            throw new IOException("'appliances' is missing or not an array");
        }
        List<KnownAppliance> appliances = new ArrayList<>(list.size());
        for (JsonNode node : list) {
            appliances.add(fromJson(node));
        }
        return appliances;
    }

    static ObjectNode toJson(KnownAppliance appliance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("haId", appliance.haId());
        putIfPresent(node, "name", appliance.name());
        putIfPresent(node, "type", appliance.type());
        putIfPresent(node, "brand", appliance.brand());
        putIfPresent(node, "vib", appliance.vib());
        putIfPresent(node, "enumber", appliance.enumber());
        node.put("connected", appliance.connected());
        putIfPresent(node, "syncedAt", appliance.syncedAt() == null ? null : appliance.syncedAt().toString());
        node.put("updatedAt", appliance.updatedAt().toString());
        ObjectNode values = node.putObject("values");
        appliance.values().forEach((key, known) -> {
            ObjectNode value = values.putObject(key);
            value.set("value", known.value());
            putIfPresent(value, "unit", known.unit());
            if (known.timestamp() != null) {
                value.put("timestamp", seconds(known.timestamp()));
            }
            value.put("updatedAt", known.updatedAt().toString());
        });
        return node;
    }

    private static KnownAppliance fromJson(JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException("an appliance is not a JSON object");
        }
        String haId = text(node, "haId");
        if (haId == null) {
            throw new IOException("an appliance has no haId");
        }
        JsonNode connected = node.get("connected");
        if (connected == null || !connected.isBoolean()) {
            throw new IOException("'connected' is missing or not a boolean");
        }
        JsonNode valuesNode = node.path("values");
        if (!valuesNode.isObject()) {
            throw new IOException("'values' is not an object");
        }
        Map<String, KnownValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : valuesNode.properties()) {
            JsonNode value = field.getValue();
            if (!value.isObject() || !value.has("value")) {
                throw new IOException("a value is not an object with 'value'");
            }
            values.put(field.getKey(), new KnownValue(value.get("value"), text(value, "unit"),
                    timestamp(value.get("timestamp")), requiredInstant(value, "updatedAt")));
        }
        return new KnownAppliance(haId, text(node, "name"), text(node, "type"), text(node, "brand"), text(node, "vib"),
                text(node, "enumber"), connected.booleanValue(), instant(node, "syncedAt"), requiredInstant(node, "updatedAt"),
                values);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
    }

    private static Instant timestamp(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new IOException("a timestamp is not a number");
        }
        BigDecimal seconds = node.decimalValue();
        try {
            long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | DateTimeException outOfRange) {
            throw new IOException("a timestamp is out of range");
        }
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IOException("'" + field + "' is not text");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field) throws IOException {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException unreadable) {
            throw new IOException("'" + field + "' is not an ISO-8601 instant");
        }
    }

    private static Instant requiredInstant(JsonNode node, String field) throws IOException {
        Instant value = instant(node, field);
        if (value == null) {
            throw new IOException("'" + field + "' is missing");
        }
        return value;
    }
}
