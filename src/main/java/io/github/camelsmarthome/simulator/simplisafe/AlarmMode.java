package io.github.camelsmarthome.simulator.simplisafe;

import java.util.Locale;

/** What arming asks for: the last path segment of {@code POST ss3/subscriptions/{sid}/state/{mode}}. */
public enum AlarmMode {
    /** Disarmed. */
    OFF,
    /** Armed while people are at home (perimeter). */
    HOME,
    /** Armed while everyone is away. */
    AWAY;

    /** The lower-case path segment. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a path segment, or {@code null} when there is none. */
    static AlarmMode ofPathName(String name) {
        for (AlarmMode mode : values()) {
            if (mode.pathName().equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
