package io.github.camelsmarthome.simplisafe.api.client;

/** The states a V3 system can be told to take ({@code POST ss3/subscriptions/{sid}/state/{off|home|away}}, brief 4.4). */
public enum TargetState {
    /** Disarm. */
    OFF,
    /** Arm home (stay). */
    HOME,
    /** Arm away; the system counts down its exit delay first. */
    AWAY;

    /** The path word, lower case as the cloud wants it. */
    String pathWord() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
