package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The live state of one system as the subscriptions endpoint reports it in
 * {@code location.system} (brief 4.1): arming state, alarm, exit delay, power and connectivity.
 *
 * @param alarmState {@code alarmState} normalised, {@code null} when absent
 * @param alarming {@code isAlarming}: the alarm is sounding, whatever {@code alarmState} says
 * @param alarmStateTime {@code alarmStateTimestamp}, {@code null} when absent or 0
 * @param exitDelayRemaining {@code exitDelayRemaining} in seconds, {@code null} when absent
 * @param temperature base-station temperature (°F), {@code null} when absent or null
 * @param connectionType {@code connType}: {@code wifi} or {@code cell}
 * @param offline {@code isOffline}: the base station is not reachable by the cloud
 * @param powerOutage {@code powerOutage}: the base station runs on its battery
 * @param lastPowerOutage {@code lastPowerOutage}
 * @param stateUpdated {@code stateUpdated}
 * @param messageCount number of active notifications in {@code messages[]}
 * @param raw the {@code location.system} object without {@code cameras} (modelled as {@link Camera}
 *     and large); every other field as upstream sent it. Treat as read-only.
 */
public record SystemStatus(AlarmState alarmState, boolean alarming, Instant alarmStateTime, Integer exitDelayRemaining,
        Integer temperature, String connectionType, boolean offline, boolean powerOutage, Instant lastPowerOutage,
        Instant stateUpdated, int messageCount, JsonNode raw) {

    /** The panel phase: {@link AlarmPhase#TRIGGERED} while alarming, else the phase of the alarm state. */
    public AlarmPhase phase() {
        if (alarming) {
            return AlarmPhase.TRIGGERED;
        }
        return alarmState == null ? AlarmPhase.UNKNOWN : alarmState.phase();
    }

    /** Without {@code raw}, which is too long for a log line. */
    @Override
    public String toString() {
        return "SystemStatus[" + alarmState + (alarming ? ", alarming" : "") + (offline ? ", offline" : "")
                + (powerOutage ? ", power outage" : "") + "]";
    }
}
