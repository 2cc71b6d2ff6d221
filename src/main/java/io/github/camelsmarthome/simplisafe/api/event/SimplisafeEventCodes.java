package io.github.camelsmarthome.simplisafe.api.event;

import static io.github.camelsmarthome.simplisafe.api.event.EventSubject.DEVICE;
import static io.github.camelsmarthome.simplisafe.api.event.EventSubject.SYSTEM;

import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complete event-code table of brief section 7: every {@code eventCid} simplipy maps, to the
 * event type it maps it to. A code not in the table is never dropped: it reads as
 * {@value #UNKNOWN_TYPE} and the event keeps the raw code ({@link SimplisafeEvent#eventCid()}).
 *
 * <p>The table is data, transcribed from the brief; a test checks every row against an independent
 * transcription. Several codes share a type on purpose (seven alarm codes are all
 * {@code alarm_triggered}; 3481 and 3487 are both {@code armed_away}).
 */
public final class SimplisafeEventCodes {

    /** The type of an event whose code is not in the table, or which carries no code. */
    public static final String UNKNOWN_TYPE = "unknown";

    private static final Map<Integer, EventCode> TABLE = table(
            row(1110, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1120, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1132, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1134, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1154, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1159, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1162, "alarm_triggered", SYSTEM, AlarmPhase.TRIGGERED),
            row(1170, "camera_motion_detected", DEVICE, null),
            row(1301, "power_outage", SYSTEM, null),
            row(1344, "rf_interference_detected", SYSTEM, null),
            row(1350, "connection_lost", SYSTEM, null),
            row(1381, "sensor_not_responding", DEVICE, null),
            row(1400, "disarmed_by_keypad", SYSTEM, AlarmPhase.DISARMED),
            // Cancelling an alarm is not proof of the state afterwards: leave the phase to the next poll.
            row(1406, "alarm_canceled", SYSTEM, null),
            row(1407, "disarmed_by_remote", SYSTEM, AlarmPhase.DISARMED),
            row(1409, "secret_alert_triggered", DEVICE, null),
            row(1429, "entry_delay", SYSTEM, AlarmPhase.PENDING),
            row(1458, "doorbell_detected", DEVICE, null),
            row(1531, "sensor_paired_and_named", DEVICE, null),
            row(1601, "user_initiated_test", SYSTEM, null),
            row(1602, "automatic_test", SYSTEM, null),
            row(1604, "device_test", DEVICE, null),
            row(1609, "user_initiated_camera_recording", DEVICE, null),
            row(3301, "power_restored", SYSTEM, null),
            row(3344, "rf_interference_stopped", SYSTEM, null),
            row(3350, "connection_restored", SYSTEM, null),
            row(3381, "sensor_restored", DEVICE, null),
            row(3401, "armed_away_by_keypad", SYSTEM, AlarmPhase.ARMED_AWAY),
            row(3407, "armed_away_by_remote", SYSTEM, AlarmPhase.ARMED_AWAY),
            row(3441, "armed_home", SYSTEM, AlarmPhase.ARMED_HOME),
            row(3481, "armed_away", SYSTEM, AlarmPhase.ARMED_AWAY),
            row(3487, "armed_away", SYSTEM, AlarmPhase.ARMED_AWAY),
            row(3491, "armed_home", SYSTEM, AlarmPhase.ARMED_HOME),
            row(9401, "away_exit_delay_by_keypad", SYSTEM, AlarmPhase.ARMING),
            row(9407, "away_exit_delay_by_remote", SYSTEM, AlarmPhase.ARMING),
            row(9441, "home_exit_delay", SYSTEM, AlarmPhase.ARMING),
            row(9700, "lock_unlocked", DEVICE, null),
            row(9701, "lock_locked", DEVICE, null),
            row(9703, "lock_error", DEVICE, null),
            row(9903, "base_station_update_succeeded", SYSTEM, null));

    private static final Set<String> TYPES = TABLE.values().stream()
            .map(EventCode::eventType)
            .collect(Collectors.toUnmodifiableSet());

    /** Contact-ID event numbers (brief 7, interpretation aid), used only to describe unknown codes in logs. */
    private static final Map<Integer, String> CONTACT_ID_EVENTS = Map.ofEntries(
            Map.entry(110, "fire"), Map.entry(120, "panic"), Map.entry(132, "interior burglary"),
            Map.entry(134, "entry/exit burglary"), Map.entry(154, "water leak"), Map.entry(159, "low temperature"),
            Map.entry(162, "carbon monoxide"), Map.entry(301, "AC power loss"), Map.entry(344, "RF jamming"),
            Map.entry(350, "communication trouble"), Map.entry(381, "supervision loss"),
            Map.entry(400, "open/close by user"), Map.entry(401, "open/close by user"),
            Map.entry(406, "cancel"), Map.entry(407, "open/close by remote"), Map.entry(441, "armed stay"),
            Map.entry(461, "wrong-code lockout"), Map.entry(531, "module added"), Map.entry(601, "manual test"),
            Map.entry(602, "periodic test"), Map.entry(604, "fire/device test"));

    private SimplisafeEventCodes() {
    }

    /** The row of a code, empty for a code not in the table. */
    public static Optional<EventCode> lookup(int cid) {
        return Optional.ofNullable(TABLE.get(cid));
    }

    /** The row of a code, empty for a code not in the table or none at all. */
    public static Optional<EventCode> lookup(Integer cid) {
        return cid == null ? Optional.empty() : lookup(cid.intValue());
    }

    /** The event type of a code; {@value #UNKNOWN_TYPE} for {@code null} and codes not in the table. */
    public static String eventTypeOf(Integer cid) {
        return lookup(cid).map(EventCode::eventType).orElse(UNKNOWN_TYPE);
    }

    /** Every row, in the order of the brief (ascending code). */
    public static Collection<EventCode> all() {
        return TABLE.values();
    }

    /** Every event type the table produces, without {@value #UNKNOWN_TYPE}. */
    public static Set<String> eventTypes() {
        return TYPES;
    }

    /**
     * A human hint for a code not in the table, from its Contact-ID layout {@code Q EEE}
     * ({@code 1461} → "new event 461, wrong-code lockout"), for log lines only: brief 7 forbids using
     * it to map codes.
     */
    public static String describeUnknown(int cid) {
        if (cid < 1000 || cid > 9999) {
            return "not a Contact-ID code";
        }
        int qualifier = cid / 1000;
        int event = cid % 1000;
        String kind = switch (qualifier) {
            case 1 -> "new event";
            case 3 -> "restore";
            case 9 -> "SimpliSafe-specific";
            default -> "qualifier " + qualifier;
        };
        String meaning = CONTACT_ID_EVENTS.get(event);
        return kind + " " + event + (meaning == null ? "" : ", " + meaning);
    }

    private static EventCode row(int cid, String type, EventSubject subject, AlarmPhase impliedPhase) {
        return new EventCode(cid, type, subject, impliedPhase);
    }

    private static Map<Integer, EventCode> table(EventCode... rows) {
        Map<Integer, EventCode> table = new LinkedHashMap<>();
        for (EventCode row : rows) {
            if (table.put(row.cid(), row) != null) {
                throw new IllegalStateException("event code " + row.cid() + " is in the table twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
