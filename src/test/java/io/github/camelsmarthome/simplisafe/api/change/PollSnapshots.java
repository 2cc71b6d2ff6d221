package io.github.camelsmarthome.simplisafe.api.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.rest.SensorsMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SubscriptionsMapper;
import java.time.Instant;

/**
 * Builds the snapshots of successive polls from the fixtures, changed the way the cloud would
 * report a change, and mapped by the real mappers: the system of {@code subscriptions_response.json}
 * with the sensors and locks of {@code v3_sensors_response.json}.
 */
final class PollSnapshots {

    static final long SID = 12345;
    static final Instant T0 = Instant.parse("2024-01-01T12:00:00Z");

    private final ObjectNode subscriptions = SimplisafeFixtures.object("subscriptions_response.json");
    private final ObjectNode sensors = SimplisafeFixtures.object("v3_sensors_response.json");
    private int polls;

    /** The {@code location.system} object, to change. */
    ObjectNode system() {
        return (ObjectNode) subscriptions.get("subscriptions").get(0).get("location").get("system");
    }

    /** The sensor or lock entry with this serial and type, to change. */
    ObjectNode device(String serial, int type) {
        for (JsonNode entry : sensors.get("sensors")) {
            if (entry.get("serial").asText().equals(serial) && entry.get("type").asInt() == type) {
                return (ObjectNode) entry;
            }
        }
        throw new IllegalArgumentException("no device " + serial + " of type " + type);
    }

    ObjectNode status(String serial, int type) {
        return (ObjectNode) device(serial, type).get("status");
    }

    ObjectNode flags(String serial, int type) {
        return (ObjectNode) device(serial, type).get("flags");
    }

    /** The next poll as the cloud answers now, one minute after the previous one. */
    SystemSnapshot poll() {
        Instant observedAt = T0.plusSeconds(60L * polls++);
        SimplisafeSystem system = new SubscriptionsMapper().systems(subscriptions.deepCopy()).get(0);
        SensorReadout readout = new SensorsMapper().readout(sensors.deepCopy(), SID);
        return SystemSnapshot.of(system, readout, observedAt);
    }

    /** Like {@link #poll()}, but the sensors endpoint was not read this time. */
    SystemSnapshot pollWithoutSensors() {
        SystemSnapshot full = poll();
        return new SystemSnapshot(full.systemId(), full.status(), null, null, full.observedAt());
    }
}
