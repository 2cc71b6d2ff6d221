package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.LockState;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ss3/subscriptions/{sid}/sensors} (brief 4.2) into sensors and locks, with
 * simplipy's derived values. Any field may be missing: a missing name is the serial, missing
 * {@code flags}, {@code status} and {@code setting} are empty (simplisafe-python fix #1155). Only
 * entries without a serial are skipped, and logged.
 *
 * <p>Stateless and thread-safe.
 */
public final class SensorsMapper {

    private static final Logger LOG = LoggerFactory.getLogger(SensorsMapper.class);

    /**
     * The sensors and locks of a body.
     *
     * @param body the response body
     * @param systemId the system asked about, for log lines
     */
    public SensorReadout readout(JsonNode body, long systemId) {
        List<JsonNode> entries = LenientJson.array(body, "sensors");
        List<Sensor> sensors = new ArrayList<>(entries.size());
        List<Lock> locks = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : entries) {
            if (LenientJson.nonBlankText(entry, "serial") == null) {
                skipped++;
            } else if (SensorType.LOCK.equals(typeOf(entry))) {
                locks.add(lock(entry));
            } else {
                sensors.add(sensor(entry));
            }
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} of {} sensor entries of system {} without a serial", skipped, entries.size(), systemId);
        }
        return new SensorReadout(sensors, locks, LenientJson.epochSeconds(body, "lastUpdated"),
                LenientJson.epochSeconds(body, "lastSynced"), LenientJson.epochSeconds(body, "lastStatusUpdate"));
    }

    /**
     * One sensor entry.
     *
     * @throws IllegalArgumentException when the entry has no serial
     */
    public Sensor sensor(JsonNode entry) {
        SensorType type = typeOf(entry);
        JsonNode status = LenientJson.object(entry, "status");
        JsonNode flags = LenientJson.object(entry, "flags");
        JsonNode setting = LenientJson.object(entry, "setting");
        return new Sensor(
                LenientJson.nonBlankText(entry, "serial"),
                LenientJson.nonBlankText(entry, "name"),
                type,
                triggered(type, status),
                LenientJson.isTrue(flags, "lowBattery"),
                LenientJson.isTrue(flags, "offline"),
                LenientJson.isTrue(status, "malfunction"),
                LenientJson.isTrue(setting, "instantTrigger"),
                SensorType.TEMPERATURE.equals(type) ? LenientJson.intValue(status, "temperature") : null,
                entry);
    }

    /**
     * One lock entry (type 16). Raw {@code lockState} 1 is locked, 2 unlocked; a non-zero
     * {@code lockJamState} is jammed whatever the lock state (brief 4.2, 5.3).
     *
     * @throws IllegalArgumentException when the entry has no serial
     */
    public Lock lock(JsonNode entry) {
        JsonNode status = LenientJson.object(entry, "status");
        JsonNode flags = LenientJson.object(entry, "flags");
        Integer rawState = LenientJson.intValue(status, "lockState");
        return new Lock(
                LenientJson.nonBlankText(entry, "serial"),
                LenientJson.nonBlankText(entry, "name"),
                LockState.fromRaw(rawState, LenientJson.intValue(status, "lockJamState")),
                rawState,
                LenientJson.isTrue(flags, "lowBattery") || LenientJson.isTrue(status, "lockLowBattery"),
                LenientJson.isTrue(flags, "offline"),
                LenientJson.isTrue(status, "pinPadOffline"),
                LenientJson.isTrue(status, "pinPadLowBattery"),
                LenientJson.isTrue(status, "lockDisabled"),
                entry);
    }

    private static SensorType typeOf(JsonNode entry) {
        return SensorType.ofNullable(LenientJson.intValue(entry, "type"));
    }

    private static boolean triggered(SensorType type, JsonNode status) {
        if (type == null) {
            return false;
        }
        if (SensorType.SMOKE_AND_CARBON_MONOXIDE.equals(type)) {
            return LenientJson.isTrue(status, "coTriggered") || LenientJson.isTrue(status, "smokeTriggered");
        }
        return type.reportsTriggeredStatus() && LenientJson.isTrue(status, "triggered");
    }
}
