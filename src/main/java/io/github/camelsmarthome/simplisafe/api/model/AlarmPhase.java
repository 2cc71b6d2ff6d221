package io.github.camelsmarthome.simplisafe.api.model;

/**
 * What an alarm state means to someone watching the system, in the terms alarm panels use (Home
 * Assistant's states, brief 5.1). Several upstream states share a phase: {@code AWAY_COUNT},
 * {@code HOME_COUNT} and {@code EXIT_DELAY} are all {@link #ARMING}.
 */
public enum AlarmPhase {
    /** Off, or in test mode. */
    DISARMED,
    /** An exit delay is counting down; armed when it ends. */
    ARMING,
    /** Armed, people at home (perimeter only). */
    ARMED_HOME,
    /** Armed, nobody at home. */
    ARMED_AWAY,
    /** An entry delay is counting down; the alarm sounds unless disarmed. */
    PENDING,
    /** The alarm is sounding. */
    TRIGGERED,
    /** A state this version does not know, or {@code ERROR}. */
    UNKNOWN
}
