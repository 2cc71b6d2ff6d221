package io.github.camelsmarthome.homeassistant.discovery;

import java.util.Objects;

/**
 * The {@code origin} block of every discovery config (brief 2.6): which software created the
 * entity. Home Assistant logs it on every discovery, and device-based discovery requires it.
 *
 * @param name       the software name, required
 * @param swVersion  its version, {@code null} when unknown
 * @param supportUrl where users get help, {@code null} when none
 */
public record HaOrigin(String name, String swVersion, String supportUrl) {

    /** Rejects a blank name: HA rejects an origin without one. */
    public HaOrigin {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("the origin needs a name");
        }
    }
}
