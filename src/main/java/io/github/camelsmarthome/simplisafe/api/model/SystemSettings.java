package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The settings of a V3 system, from {@code ss3/subscriptions/{sid}/settings/normal} (brief 4.3).
 * Any value may be {@code null} when upstream leaves it out.
 *
 * @param alarmDurationSeconds {@code alarmDuration}
 * @param alarmVolume {@code alarmVolume}
 * @param chimeVolume {@code doorChime}
 * @param voicePromptVolume {@code voicePrompts}
 * @param entryDelayAwaySeconds {@code entryDelayAway}
 * @param entryDelayHomeSeconds {@code entryDelayHome}
 * @param exitDelayAwaySeconds {@code exitDelayAway}
 * @param exitDelayHomeSeconds {@code exitDelayHome}
 * @param light base-station light
 * @param wifiSsid {@code wifiSSID}
 * @param baseStation {@code basestationStatus}, {@code null} when absent
 * @param pinSlots which PIN slots are in use, without the PINs
 * @param normal the {@code settings.normal} object as sent, unknown keys included; PINs live
 *     elsewhere and are not kept. Treat as read-only.
 */
public record SystemSettings(Integer alarmDurationSeconds, Volume alarmVolume, Volume chimeVolume, Volume voicePromptVolume,
        Integer entryDelayAwaySeconds, Integer entryDelayHomeSeconds, Integer exitDelayAwaySeconds,
        Integer exitDelayHomeSeconds, Boolean light, String wifiSsid, BaseStationStatus baseStation,
        List<PinSlot> pinSlots, JsonNode normal) {

    /** Copies the list. */
    public SystemSettings {
        pinSlots = pinSlots == null ? List.of() : List.copyOf(pinSlots);
    }

    /** Without the raw object. */
    @Override
    public String toString() {
        return "SystemSettings[alarm " + alarmDurationSeconds + " s at " + alarmVolume + ", entry delay away "
                + entryDelayAwaySeconds + " s, exit delay away " + exitDelayAwaySeconds + " s]";
    }
}
