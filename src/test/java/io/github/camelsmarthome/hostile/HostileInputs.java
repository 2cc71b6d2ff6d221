package io.github.camelsmarthome.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile input: JSON trees whose keys are mostly the names the parsers look for
 * (so the generator reaches deep into them) with values of every type, truncated and mutated
 * text, and raw bytes.
 */
final class HostileInputs {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of(
            // SimpliSafe REST and websocket
            "subscriptions", "sid", "uid", "location", "system", "alarmState", "isAlarming", "alarmStateTimestamp",
            "isOffline", "powerOutage", "cameras", "sensors", "locks", "serial", "type", "name", "status", "flags",
            "triggered", "lowBattery", "offline", "lockState", "events", "eventId", "eventCid", "eventTimestamp",
            "sensorType", "sensorSerial", "pinName", "info", "video", "_links", "playback/hls", "data", "id", "time",
            "specversion", "source", "datacontenttype", "version", "settings", "normal", "activated", "planSku",
            // Home Connect
            "items", "key", "value", "unit", "haId", "timestamp", "level", "handling", "uri",
            // miIO
            "method", "params", "result", "error", "code", "message");

    private HostileInputs() {
    }

    /** JSON trees up to four levels deep. */
    static Arbitrary<JsonNode> json() {
        return json(4);
    }

    private static Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.just(JSON.nullNode()),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 4294967296L).map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                text().map(JSON::textNode),
                Arbitraries.of("OFF", "HOME", "AWAY", "ALARM", "1400", "3401", "9999", "", "null", "2021-09-29T23:14:46.000Z",
                        "-1", "1e400", "\u0000").map(JSON::textNode));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> object = Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.of(KEYS), text()).list().ofMaxSize(8),
                        Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(8))
                .as((keys, values) -> {
                    ObjectNode node = JSON.objectNode();
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        node.set(keys.get(i), values.get(i));
                    }
                    return (JsonNode) node;
                });
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(6).map(values -> {
            ArrayNode node = JSON.arrayNode();
            values.forEach(node::add);
            return (JsonNode) node;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(5, object), net.jqwik.api.Tuple.of(2, array));
    }

    /** Short strings of any characters, control characters and surrogates included. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    /** Valid JSON text cut short or with one character replaced: the shapes a truncated frame takes. */
    static Arbitrary<String> damagedJson() {
        return Combinators.combine(json().map(JsonNode::toString), Arbitraries.integers().between(0, 10_000),
                Arbitraries.chars(), Arbitraries.of(Damage.values()))
                .as((text, at, replacement, damage) -> damage.apply(text, at, replacement));
    }

    /** Raw bytes, up to {@code max}. */
    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    /** Text as UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** How a JSON text gets damaged. */
    enum Damage {
        NONE, TRUNCATE, REPLACE, DUPLICATE;

        String apply(String text, int at, char replacement) {
            if (text.isEmpty()) {
                return text;
            }
            int position = at % text.length();
            return switch (this) {
                case NONE -> text;
                case TRUNCATE -> text.substring(0, position);
                case REPLACE -> text.substring(0, position) + replacement + text.substring(position + 1);
                case DUPLICATE -> text + text;
            };
        }
    }
}
