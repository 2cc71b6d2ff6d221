package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sensors of a legacy V2 system from {@code subscriptions/{sid}/settings?settingsType=all}
 * ({@code v2_settings_response.json}). The brief documents no V2 sensor semantics, so this reads
 * only what the fixture shows plainly: serial, name, type, {@code error} as malfunction, and an
 * entry sensor whose {@code entryStatus} is {@code open} as triggered. V2 reports no battery or
 * offline flags here. Empty placeholder entries ({@code {}}, the unused slots of the base station)
 * are skipped silently; PINs in the same body are not read.
 *
 * <p>Stateless and thread-safe.
 */
public final class V2SettingsMapper {

    /** The sensors with a serial, in upstream order. */
    public List<Sensor> sensors(JsonNode body) {
        List<Sensor> sensors = new ArrayList<>();
        for (JsonNode entry : LenientJson.array(LenientJson.field(body, "settings"), "sensors")) {
            String serial = LenientJson.nonBlankText(entry, "serial");
            if (serial == null) {
                continue;
            }
            SensorType type = SensorType.ofNullable(LenientJson.intValue(entry, "type"));
            boolean open = SensorType.ENTRY.equals(type) && "open".equalsIgnoreCase(LenientJson.text(entry, "entryStatus"));
            sensors.add(new Sensor(serial, LenientJson.nonBlankText(entry, "name"), type, open, false, false,
                    LenientJson.isTrue(entry, "error"), LenientJson.isTrue(entry, "instant"), null, entry));
        }
        return List.copyOf(sensors);
    }
}
