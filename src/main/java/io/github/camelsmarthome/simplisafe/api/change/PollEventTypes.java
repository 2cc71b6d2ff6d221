package io.github.camelsmarthome.simplisafe.api.change;

import java.util.Set;

/**
 * The event types {@link SimplisafeChangeDetector} gives the events it derives from two polls.
 * Where the event-code table (brief 7) has a type for the same change, the poll event uses that
 * name, so a consumer handles a realtime {@code armed_away} and a polled one alike; the others are
 * named in the same style.
 */
public final class PollEventTypes {

    /** The system was disarmed (OFF); the table's two disarm types name a keypad or remote the poll cannot know. */
    public static final String DISARMED = "disarmed";
    /** Armed home (table 3441, 3491). */
    public static final String ARMED_HOME = "armed_home";
    /** Armed away (table 3481, 3487). */
    public static final String ARMED_AWAY = "armed_away";
    /** Home exit delay started, {@code HOME_COUNT} (table 9441). */
    public static final String HOME_EXIT_DELAY = "home_exit_delay";
    /** Away exit delay started, {@code AWAY_COUNT}; the table has it only per source (9401 keypad, 9407 remote). */
    public static final String AWAY_EXIT_DELAY = "away_exit_delay";
    /** An exit delay without a mode, {@code EXIT_DELAY}. */
    public static final String EXIT_DELAY = "exit_delay";
    /** Entry delay: {@code ALARM_COUNT} or {@code ENTRY_DELAY} (table 1429); the panel is pending. */
    public static final String ENTRY_DELAY = "entry_delay";
    /** The alarm sounds: {@code ALARM} or {@code isAlarming} (table 1110 .. 1162). */
    public static final String ALARM_TRIGGERED = "alarm_triggered";
    /** The system entered test mode, {@code TEST}. */
    public static final String TEST_MODE = "test_mode";
    /** The system reports {@code ERROR}. */
    public static final String SYSTEM_ERROR = "system_error";
    /** The alarm state changed to a value this version does not know; {@code info} names it. */
    public static final String ALARM_STATE_CHANGED = "alarm_state_changed";
    /** The base station runs on battery (table 1301). */
    public static final String POWER_OUTAGE = "power_outage";
    /** Wall power is back (table 3301). */
    public static final String POWER_RESTORED = "power_restored";
    /** The cloud lost the base station ({@code isOffline}). */
    public static final String SYSTEM_OFFLINE = "system_offline";
    /** The cloud reaches the base station again. */
    public static final String SYSTEM_ONLINE = "system_online";
    /** A sensor tripped: door opened, motion, smoke, water, freeze ({@code sensorType} says which). */
    public static final String SENSOR_TRIGGERED = "sensor_triggered";
    /** A tripped sensor is back to normal: door closed, smoke cleared. */
    public static final String SENSOR_CLEARED = "sensor_cleared";
    /** A sensor or lock reports a low battery. */
    public static final String LOW_BATTERY = "low_battery";
    /** The low-battery flag went away (battery replaced). */
    public static final String LOW_BATTERY_CLEARED = "low_battery_cleared";
    /** A sensor or lock went offline (table 1381). */
    public static final String SENSOR_NOT_RESPONDING = "sensor_not_responding";
    /** It is back (table 3381). */
    public static final String SENSOR_RESTORED = "sensor_restored";
    /** A lock locked (table 9701). */
    public static final String LOCK_LOCKED = "lock_locked";
    /** A lock unlocked (table 9700). */
    public static final String LOCK_UNLOCKED = "lock_unlocked";
    /** A lock jammed (table 9703). */
    public static final String LOCK_ERROR = "lock_error";
    /** A lock reports a raw state this version does not know; {@code info} names it. */
    public static final String LOCK_STATE_CHANGED = "lock_state_changed";
    /**
     * Not a change: the system's state when the bridge starts watching it ({@code info} the alarm
     * state, {@code raw} the {@code location.system} object), so consumers know the state before the
     * first change.
     */
    public static final String STATE_SNAPSHOT = "state_snapshot";

    private static final Set<String> ALL = Set.of(DISARMED, ARMED_HOME, ARMED_AWAY, HOME_EXIT_DELAY, AWAY_EXIT_DELAY,
            EXIT_DELAY, ENTRY_DELAY, ALARM_TRIGGERED, TEST_MODE, SYSTEM_ERROR, ALARM_STATE_CHANGED, POWER_OUTAGE,
            POWER_RESTORED, SYSTEM_OFFLINE, SYSTEM_ONLINE, SENSOR_TRIGGERED, SENSOR_CLEARED, LOW_BATTERY,
            LOW_BATTERY_CLEARED, SENSOR_NOT_RESPONDING, SENSOR_RESTORED, LOCK_LOCKED, LOCK_UNLOCKED, LOCK_ERROR,
            LOCK_STATE_CHANGED, STATE_SNAPSHOT);

    private PollEventTypes() {
    }

    /** Every type a poll event can have, for publishing device triggers up front. */
    public static Set<String> all() {
        return ALL;
    }
}
