package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A smart lock: an entry of type 16 in the sensors list (brief 4.2). Its PIN pad is a separate
 * entry of type 253 and appears as a {@link Sensor}.
 *
 * @param serial the lock serial, used in {@code doorlock/{sid}/{serial}/state} and in lock events
 * @param name {@code name}, else the serial
 * @param state normalised state; {@link LockState#JAMMED} whenever {@code lockJamState} is non-zero
 * @param rawLockState {@code status.lockState} as sent (1 locked, 2 unlocked), {@code null} when absent
 * @param lowBattery {@code flags.lowBattery} or {@code status.lockLowBattery}
 * @param offline {@code flags.offline}
 * @param pinPadOffline {@code status.pinPadOffline}
 * @param pinPadLowBattery {@code status.pinPadLowBattery}
 * @param disabled {@code status.lockDisabled}
 * @param raw the lock object as sent; treat as read-only
 */
public record Lock(String serial, String name, LockState state, Integer rawLockState, boolean lowBattery, boolean offline,
        boolean pinPadOffline, boolean pinPadLowBattery, boolean disabled, JsonNode raw) {

    /** Rejects a missing serial; a missing state is {@link LockState#UNKNOWN}. */
    public Lock {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("a lock needs a serial");
        }
        if (name == null || name.isBlank()) {
            name = serial;
        }
        if (state == null) {
            state = LockState.UNKNOWN;
        }
    }

    /** Without {@code raw}. */
    @Override
    public String toString() {
        return "Lock[" + serial + " " + name + ", " + state + (rawLockState == null ? "" : " (raw " + rawLockState + ")")
                + (lowBattery ? ", low battery" : "") + (offline ? ", offline" : "") + "]";
    }
}
