package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One subscription of the account, that is one alarm system, from
 * {@code users/{uid}/subscriptions} (brief 4.1).
 *
 * @param sid the subscription id, which is the system id in every other path
 * @param userId {@code uid}
 * @param planStatus {@code sStatus}: 7 self-monitoring, 10 Standard, 20 Interactive; {@code null} when absent
 * @param activated {@code activated}, {@code null} for never-activated duplicates (upstream 0)
 * @param planName e.g. {@code Interactive Monitoring}
 * @param active {@code status.isActive}
 * @param hasBaseStation {@code status.hasBaseStation}
 * @param account {@code location.account}, the account number users know
 * @param addressLabel a short human name of the place: street and city, else {@code System <sid>}
 * @param timeZone {@code location.timeZone} (a SimpliSafe code, kept as text)
 * @param locationOffsetMinutes {@code location.locationOffset}, minutes from UTC
 * @param version {@code location.system.version}, {@code null} without a system object
 * @param serial base-station serial
 * @param status the live state, {@code null} without a system object
 * @param cameras the cameras, empty for V2 and systems without any
 * @param remoteControl {@code subscriptionFeatures.remoteControl}: what the plan allows
 *     ({@code ArmDisarm}, {@code LockUnlock} ...)
 * @param raw the subscription as sent, except {@code location.safeWord} (the word the monitoring
 *     centre asks for: a secret, removed so it can never reach a log or a broker); treat as read-only
 */
public record SimplisafeSystem(long sid, Long userId, Integer planStatus, Instant activated, String planName, boolean active,
        boolean hasBaseStation, String account, String addressLabel, String timeZone, Integer locationOffsetMinutes,
        SystemVersion version, String serial, SystemStatus status, List<Camera> cameras, List<String> remoteControl,
        JsonNode raw) {

    /** Copies the lists. */
    public SimplisafeSystem {
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        remoteControl = remoteControl == null ? List.of() : List.copyOf(remoteControl);
    }

    /**
     * Whether the client can work with this system: it has a base station and a system object
     * (simplipy skips the others; brief 11 P5).
     */
    public boolean isUsable() {
        return hasBaseStation && status != null;
    }

    /** Whether this is a V3 system (arming and sensors under {@code ss3/...}). */
    public boolean isV3() {
        return SystemVersion.V3.equals(version);
    }

    /** Without {@code raw}, which holds addresses and contacts. */
    @Override
    public String toString() {
        return "SimplisafeSystem[sid " + sid + ", " + version + ", " + addressLabel + ", " + status + "]";
    }
}
