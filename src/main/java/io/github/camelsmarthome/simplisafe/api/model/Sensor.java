package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One device of the sensors list that is not a lock (brief 4.2; locks are {@link Lock}), with the
 * values simplipy derives from it.
 *
 * @param serial the device serial; the only field a sensor must have
 * @param name {@code name}, else the serial (sensors without a name exist since 2026)
 * @param type {@code type}, unknown codes kept; {@code null} when absent
 * @param triggered {@code status.triggered} for the types that report it, {@code coTriggered ||
 *     smokeTriggered} for smoke/CO combos, else {@code false}
 * @param lowBattery {@code flags.lowBattery}
 * @param offline {@code flags.offline}
 * @param malfunction {@code status.malfunction}
 * @param instantTrigger {@code setting.instantTrigger}
 * @param temperature {@code status.temperature} (°F) of freeze sensors, {@code null} for the others
 * @param raw the sensor object as sent, unknown fields included; treat as read-only
 */
public record Sensor(String serial, String name, SensorType type, boolean triggered, boolean lowBattery, boolean offline,
        boolean malfunction, boolean instantTrigger, Integer temperature, JsonNode raw) {

    /** Rejects a missing serial: without it a sensor cannot be told apart from another. */
    public Sensor {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("a sensor needs a serial");
        }
        if (name == null || name.isBlank()) {
            name = serial;
        }
    }

    /** Without {@code raw}. */
    @Override
    public String toString() {
        return "Sensor[" + serial + " " + name + ", " + type + (triggered ? ", triggered" : "")
                + (lowBattery ? ", low battery" : "") + (offline ? ", offline" : "") + "]";
    }
}
