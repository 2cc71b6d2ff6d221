package io.github.camelsmarthome.homeassistant.discovery;

/**
 * How discovery configs are published (brief 2.2). Both modes give the same {@code unique_id}s and
 * device identifiers, so switching is a migration, not a reset.
 */
public enum DiscoveryMode {

    /** One retained config per device on {@code <prefix>/device/<node>/<object>/config}, entities under {@code cmps} (HA 2024.12 and later). */
    DEVICE,

    /** One retained config per entity on {@code <prefix>/<platform>/<node>/<unique_id>/config}, for HA before 2024.12 and openHAB. */
    COMPONENT
}
