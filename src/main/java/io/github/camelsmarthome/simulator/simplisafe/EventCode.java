package io.github.camelsmarthome.simulator.simplisafe;

/**
 * The event codes of brief section 7 with what the simulator writes for each: the event category
 * ({@code eventType}, section 5.5), an {@code info} text and a notification subject.
 *
 * <p>The texts quoted in the brief are used where it has one; the others are written in the same
 * style and are not claimed to be the cloud's words. {@code %s} is the sensor's name.
 */
public enum EventCode {
    FIRE_ALARM(1110, "alarm_triggered", "alarm", "Fire Alarm Triggered by %s", "SimpliSafe Alarm"),
    PANIC_ALARM(1120, "alarm_triggered", "alarm", "Panic Alarm Triggered by %s", "SimpliSafe Alarm"),
    INTERIOR_BURGLARY(1132, "alarm_triggered", "alarm", "Alarm Triggered by %s", "SimpliSafe Alarm"),
    ENTRY_BURGLARY(1134, "alarm_triggered", "alarm", "Alarm Triggered by %s", "SimpliSafe Alarm"),
    WATER_ALARM(1154, "alarm_triggered", "alarm", "Water Detected by %s", "SimpliSafe Alarm"),
    FREEZE_ALARM(1159, "alarm_triggered", "alarm", "Freeze Alarm Triggered by %s", "SimpliSafe Alarm"),
    CARBON_MONOXIDE_ALARM(1162, "alarm_triggered", "alarm", "Carbon Monoxide Alarm Triggered by %s", "SimpliSafe Alarm"),
    CAMERA_MOTION(1170, "camera_motion_detected", "activityCam", "%s Camera Detected Motion", "Camera Detected Motion"),
    POWER_OUTAGE(1301, "power_outage", "error", "Power Outage - Backup battery in use.", "SimpliSafe Power Outage"),
    RF_INTERFERENCE(1344, "rf_interference_detected", "error", "RF Interference Detected", "SimpliSafe RF Interference"),
    CONNECTION_LOST(1350, "connection_lost", "error", "SimpliSafe WiFi Lost", "SimpliSafe WiFi Lost"),
    SENSOR_NOT_RESPONDING(1381, "sensor_not_responding", "error", "Sensor Not Responding: %s", "SimpliSafe Sensor Error"),
    DISARMED_BY_KEYPAD(1400, "disarmed_by_keypad", "activity", "System Disarmed by %s", "SimpliSafe System Disarmed"),
    ALARM_CANCELED(1406, "alarm_canceled", "alarmCancel", "Alarm Canceled", "SimpliSafe Alarm Canceled"),
    DISARMED_BY_REMOTE(1407, "disarmed_by_remote", "activity", "System Disarmed by Remote", "SimpliSafe System Disarmed"),
    SECRET_ALERT(1409, "secret_alert_triggered", "activity", "Secret Alert Triggered by %s", "SimpliSafe Secret Alert"),
    ENTRY_DELAY(1429, "entry_delay", "activity", "Entry Delay Triggered by %s", "SimpliSafe Entry Delay"),
    DOORBELL(1458, "doorbell_detected", "activityCam", "Someone is at your %s", "Doorbell"),
    SENSOR_PAIRED(1531, "sensor_paired_and_named", "activityQuiet", "Sensor Paired and Named %s", "SimpliSafe Sensor Paired"),
    USER_TEST(1601, "user_initiated_test", "alarm", "User Initiated Test", "SimpliSafe Test"),
    AUTOMATIC_TEST(1602, "automatic_test", "activityQuiet", "Automatic Test", "SimpliSafe Test"),
    DEVICE_TEST(1604, "device_test", "activityQuiet", "%s Test", "SimpliSafe Test"),
    CAMERA_RECORDING(1609, "user_initiated_camera_recording", "activityCam", "User-initiated Camera Recording", "Camera Recording"),
    POWER_RESTORED(3301, "power_restored", "activityQuiet", "Power Restored", "SimpliSafe Power Restored"),
    RF_INTERFERENCE_STOPPED(3344, "rf_interference_stopped", "activityQuiet", "RF Interference Stopped", "SimpliSafe RF Interference"),
    CONNECTION_RESTORED(3350, "connection_restored", "activityQuiet", "SimpliSafe WiFi Restored", "SimpliSafe WiFi Restored"),
    SENSOR_RESTORED(3381, "sensor_restored", "activityQuiet", "Sensor Restored: %s", "SimpliSafe Sensor Restored"),
    ARMED_AWAY_BY_KEYPAD(3401, "armed_away_by_keypad", "activity", "System Armed (Away) by Keypad %s", "SimpliSafe System Armed (away mode)"),
    ARMED_AWAY_BY_REMOTE(3407, "armed_away_by_remote", "activity", "System Armed (Away) by Remote", "SimpliSafe System Armed (away mode)"),
    ARMED_HOME(3441, "armed_home", "activity", "System Armed (Home)", "SimpliSafe System Armed (home mode)"),
    ARMED_AWAY(3481, "armed_away", "activity", "System Armed (Away)", "SimpliSafe System Armed (away mode)"),
    ARMED_AWAY_OTHER(3487, "armed_away", "activity", "System Armed (Away)", "SimpliSafe System Armed (away mode)"),
    ARMED_HOME_OTHER(3491, "armed_home", "activity", "System Armed (Home)", "SimpliSafe System Armed (home mode)"),
    AWAY_EXIT_DELAY_BY_KEYPAD(9401, "away_exit_delay_by_keypad", "activity", "Exit Delay (Away) Started by Keypad %s", "SimpliSafe Exit Delay"),
    AWAY_EXIT_DELAY_BY_REMOTE(9407, "away_exit_delay_by_remote", "activity", "Exit Delay (Away) Started by Remote", "SimpliSafe Exit Delay"),
    HOME_EXIT_DELAY(9441, "home_exit_delay", "activity", "Exit Delay (Home) Started", "SimpliSafe Exit Delay"),
    LOCK_UNLOCKED(9700, "lock_unlocked", "activity", "%s Unlocked", "SimpliSafe Lock Unlocked"),
    LOCK_LOCKED(9701, "lock_locked", "activity", "%s Locked", "SimpliSafe Lock Locked"),
    LOCK_ERROR(9703, "lock_error", "error", "%s Lock Jammed", "SimpliSafe Lock Error"),
    BASE_STATION_UPDATED(9903, "base_station_update_succeeded", "activityQuiet", "Base Station Update Succeeded", "SimpliSafe Update");

    private final int cid;
    private final String eventTypeName;
    private final String category;
    private final String infoFormat;
    private final String subject;

    EventCode(int cid, String eventTypeName, String category, String infoFormat, String subject) {
        this.cid = cid;
        this.eventTypeName = eventTypeName;
        this.category = category;
        this.infoFormat = infoFormat;
        this.subject = subject;
    }

    /** The {@code eventCid}. */
    public int cid() {
        return cid;
    }

    /** The normalized event type a client maps the code to (simplipy's name). */
    public String eventTypeName() {
        return eventTypeName;
    }

    /** The {@code eventType} field the simulator writes (category, brief section 5.5). */
    public String category() {
        return category;
    }

    /** The code's entry, or {@code null} for codes outside the brief's table (1461, 0 …). */
    public static EventCode of(int cid) {
        for (EventCode code : values()) {
            if (code.cid == cid) {
                return code;
            }
        }
        return null;
    }

    String info(String name) {
        return infoFormat.contains("%s") ? infoFormat.formatted(name) : infoFormat;
    }

    String subject() {
        return subject;
    }
}
