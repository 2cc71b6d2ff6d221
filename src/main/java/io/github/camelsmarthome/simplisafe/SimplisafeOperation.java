package io.github.camelsmarthome.simplisafe;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What {@code simplisafe:<operation>} does. */
public enum SimplisafeOperation {
    /** The account's systems (a list of SimplisafeSystem). */
    getSystems(false),
    /** The live state of a system (SystemStatus). */
    getState(true),
    /** Arms or disarms: off, home or away. */
    setState(true),
    /** The sensors of a system (a list of Sensor). */
    getSensors(true),
    /** The locks of a system (a list of Lock). */
    getLocks(true),
    /** Locks a lock. */
    lock(true),
    /** Unlocks a lock (refused when allowUnlock is false). */
    unlock(true),
    /** The latest events of the history (a list of SimplisafeEvent, newest first). */
    getEvents(true),
    /** The settings of a V3 system (SystemSettings, or null when the cloud sent none). */
    getSettings(true);

    private final boolean needsSystem;

    SimplisafeOperation(boolean needsSystem) {
        this.needsSystem = needsSystem;
    }

    /** Whether the operation addresses one system. */
    public boolean needsSystem() {
        return needsSystem;
    }

    /** The operation of a name, with a message listing the valid ones otherwise. */
    public static SimplisafeOperation fromName(String name) {
        for (SimplisafeOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "': use one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
