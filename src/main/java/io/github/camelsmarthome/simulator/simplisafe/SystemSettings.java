package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The V3 settings object (brief section 4.3), seeded from {@code v3_settings_response.json}:
 * delays and volumes that steer the simulation, PINs, base-station status. Not thread-safe: the
 * owning {@link SimulatedSystem}'s monitor guards it.
 */
final class SystemSettings {

    /** Writable properties and their ranges from the brief's table; other keys of {@code normal} are stored as sent. */
    private static final Map<String, int[]> RANGES = Map.of(
            "alarmDuration", new int[] {30, 480},
            "alarmVolume", new int[] {0, 3},
            "doorChime", new int[] {0, 3},
            "voicePrompts", new int[] {0, 3},
            "entryDelayAway", new int[] {30, 255},
            "entryDelayHome", new int[] {0, 255},
            "exitDelayAway", new int[] {45, 255},
            "exitDelayHome", new int[] {0, 255});
    private static final Pattern PIN = Pattern.compile("\\d{4}");
    private static final int USER_PIN_SLOTS = 4;

    private final ObjectNode body;

    SystemSettings(JsonNode fixture) {
        this.body = (ObjectNode) fixture.deepCopy();
    }

    int exitDelay(AlarmMode mode) {
        return mode == AlarmMode.AWAY ? normal().path("exitDelayAway").asInt() : mode == AlarmMode.HOME ? normal().path("exitDelayHome").asInt() : 0;
    }

    int entryDelay(AlarmMode mode) {
        return mode == AlarmMode.AWAY ? normal().path("entryDelayAway").asInt() : mode == AlarmMode.HOME ? normal().path("entryDelayHome").asInt() : 0;
    }

    int alarmDuration() {
        return normal().path("alarmDuration").asInt(240);
    }

    /** Steering: sets a {@code normal} property without the REST range check (a zero exit delay, say). */
    void put(String key, int value) {
        normal().put(key, value);
    }

    /**
     * Applies {@code {"normal": {...}}}; answers why it is refused, or {@code null} when applied.
     * Nothing is applied when any value is out of range.
     */
    String applyNormal(JsonNode request, Instant now) {
        JsonNode changes = request == null ? null : request.path("normal");
        if (changes == null || !changes.isObject()) {
            return "The body must be {\"normal\": {...}}";
        }
        ObjectNode normal = normal();
        for (var it = changes.fields(); it.hasNext();) {
            var field = it.next();
            int[] range = RANGES.get(field.getKey());
            if (range != null && (!field.getValue().isInt() || field.getValue().asInt() < range[0] || field.getValue().asInt() > range[1])) {
                return field.getKey() + " must be an integer from " + range[0] + " to " + range[1];
            }
            if (field.getKey().equals("light") && !field.getValue().isBoolean()) {
                return "light must be true or false";
            }
        }
        changes.fields().forEachRemaining(field -> {
            if (RANGES.containsKey(field.getKey()) || normal.has(field.getKey())) {
                normal.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        normal.put("lastUpdated", now.toString());
        touch(now);
        return null;
    }

    /**
     * Replaces every PIN from {@code {"pins": {"master", "duress", "users": {"0".."3"}}}} (users an
     * object keyed by slot, brief section 4.3); answers why it is refused, or {@code null}.
     */
    String replacePins(JsonNode request, Instant now) {
        JsonNode pins = request == null ? null : request.path("pins");
        if (pins == null || !pins.isObject()) {
            return "The body must be {\"pins\": {...}}";
        }
        String master = pins.path("master").path("pin").asText("");
        String duress = pins.path("duress").path("pin").asText("");
        if (!PIN.matcher(master).matches() || !PIN.matcher(duress).matches()) {
            return "The master and duress PINs are required and must be 4 digits";
        }
        JsonNode users = pins.path("users");
        if (!users.isObject() || users.size() > USER_PIN_SLOTS) {
            return "users must be an object with at most " + USER_PIN_SLOTS + " slots keyed \"0\" to \"3\"";
        }
        Set<String> seen = new HashSet<>(Set.of(master));
        if (!seen.add(duress)) {
            return "PINs must differ";
        }
        ObjectNode stored = (ObjectNode) body.path("settings").path("pins");
        ArrayNode slots = (ArrayNode) stored.path("users");
        String[] newPins = new String[USER_PIN_SLOTS];
        String[] newNames = new String[USER_PIN_SLOTS];
        for (int slot = 0; slot < USER_PIN_SLOTS; slot++) {
            JsonNode user = users.path(Integer.toString(slot));
            newPins[slot] = user.path("pin").asText("");
            newNames[slot] = user.path("name").asText("");
            if (!newPins[slot].isEmpty() && (!PIN.matcher(newPins[slot]).matches() || !seen.add(newPins[slot]))) {
                return "User PIN in slot " + slot + " must be 4 digits and differ from the others";
            }
        }
        for (int slot = 0; slot < USER_PIN_SLOTS && slot < slots.size(); slot++) {
            ObjectNode user = (ObjectNode) slots.get(slot);
            user.put("pin", newPins[slot]);
            user.put("name", newNames[slot]);
        }
        stored.putObject("master").put("pin", master);
        stored.putObject("duress").put("pin", duress);
        stored.put("lastUpdated", now.toString());
        touch(now);
        return null;
    }

    ObjectNode view() {
        return body.deepCopy();
    }

    private ObjectNode normal() {
        return (ObjectNode) body.path("settings").path("normal");
    }

    private void touch(Instant now) {
        body.put("lastUpdated", now.getEpochSecond());
    }
}
