package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Health of the base station, from {@code basestationStatus} of the V3 settings (brief 4.3). Any
 * field may be {@code null} when upstream leaves it out.
 *
 * @param rfJamming radio interference detected
 * @param wifiRssi Wi-Fi signal (dBm)
 * @param gsmRssi cellular signal (dBm)
 * @param backupBattery backup battery level (upstream's raw number)
 * @param wallPower wall power level (upstream's raw number)
 * @param raw the object as sent; treat as read-only
 */
public record BaseStationStatus(Boolean rfJamming, Integer wifiRssi, Integer gsmRssi, Integer backupBattery,
        Integer wallPower, JsonNode raw) {

    /** Without {@code raw}. */
    @Override
    public String toString() {
        return "BaseStationStatus[rfJamming " + rfJamming + ", wifi " + wifiRssi + ", gsm " + gsmRssi + "]";
    }
}
