package io.github.camelsmarthome.simulator.simplisafe;

/** {@code location.system.alarmState} values the simulator reports (brief section 5.1). */
public enum AlarmState {
    /** Disarmed. */
    OFF,
    /** Armed home. */
    HOME,
    /** Armed away. */
    AWAY,
    /** Arming home, exit delay running. */
    HOME_COUNT,
    /** Arming away, exit delay running. */
    AWAY_COUNT,
    /** A sensor tripped while armed; the entry delay is running. */
    ALARM_COUNT,
    /** The alarm is sounding. */
    ALARM
}
