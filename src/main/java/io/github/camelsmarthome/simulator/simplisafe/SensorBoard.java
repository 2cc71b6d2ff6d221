package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sensors and locks of the system, as {@code GET ss3/subscriptions/{sid}/sensors} answers
 * them (brief section 4.2), seeded from {@code v3_sensors_response.json}. Not thread-safe: the
 * owning {@link SimulatedSystem}'s monitor guards it.
 */
final class SensorBoard {

    private final ObjectNode body;

    SensorBoard(JsonNode fixture) {
        this.body = (ObjectNode) fixture.deepCopy();
    }

    /** The device with this serial, or {@code null}. */
    ObjectNode find(String serial) {
        for (JsonNode sensor : body.path("sensors")) {
            if (sensor.path("serial").asText().equals(serial)) {
                return (ObjectNode) sensor;
            }
        }
        return null;
    }

    /** The device with this serial; an {@link IllegalArgumentException} naming the known ones otherwise. */
    ObjectNode require(String serial) {
        ObjectNode sensor = find(serial);
        if (sensor == null) {
            throw new IllegalArgumentException("The simulated system has no device with serial " + serial + "; known: " + serials());
        }
        return sensor;
    }

    /** The lock with this serial; an {@link IllegalArgumentException} when it is not a lock. */
    ObjectNode requireLock(String serial) {
        ObjectNode lock = require(serial);
        if (typeOf(lock) != DeviceType.LOCK) {
            throw new IllegalArgumentException("Device " + serial + " is not a lock (type " + typeOf(lock) + ")");
        }
        return lock;
    }

    /** The first device of a type, or {@code null}. */
    ObjectNode firstOfType(int type) {
        for (JsonNode sensor : body.path("sensors")) {
            if (typeOf(sensor) == type) {
                return (ObjectNode) sensor;
            }
        }
        return null;
    }

    List<ObjectNode> locks() {
        List<ObjectNode> locks = new ArrayList<>();
        for (JsonNode sensor : body.path("sensors")) {
            if (typeOf(sensor) == DeviceType.LOCK) {
                locks.add((ObjectNode) sensor);
            }
        }
        return locks;
    }

    static int typeOf(JsonNode sensor) {
        return sensor.path("type").asInt(-1);
    }

    /** The name, or the serial when a sensor has none (brief section 4.2). */
    static String nameOf(JsonNode sensor) {
        return sensor.path("name").asText(sensor.path("serial").asText());
    }

    static ObjectNode status(ObjectNode sensor) {
        return sensor.has("status") && sensor.get("status").isObject() ? (ObjectNode) sensor.get("status") : sensor.putObject("status");
    }

    static ObjectNode flags(ObjectNode sensor) {
        return sensor.has("flags") && sensor.get("flags").isObject() ? (ObjectNode) sensor.get("flags") : sensor.putObject("flags");
    }

    /** An event about this device: serial, type and name filled in. */
    static EventDraft draftFor(EventCode code, JsonNode device) {
        return EventDraft.of(code).sensor(device.path("serial").asText()).sensorType(typeOf(device)).sensorName(nameOf(device));
    }

    /** Records that the cloud heard from the base station now. */
    void touch(long now) {
        body.put("lastUpdated", now);
        body.put("lastSynced", now);
        body.put("lastStatusUpdate", now);
    }

    long lastUpdated() {
        return body.path("lastUpdated").asLong();
    }

    ObjectNode view() {
        return body.deepCopy();
    }

    private List<String> serials() {
        List<String> serials = new ArrayList<>();
        body.path("sensors").forEach(sensor -> serials.add(sensor.path("serial").asText()));
        return serials;
    }
}
