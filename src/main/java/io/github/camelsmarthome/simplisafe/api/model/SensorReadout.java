package io.github.camelsmarthome.simplisafe.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code ss3/subscriptions/{sid}/sensors} (brief 4.2): the sensors and, split off,
 * the locks.
 *
 * @param sensors every entry that is not a lock, in upstream order
 * @param locks the entries of type 16, in upstream order
 * @param lastUpdated {@code lastUpdated}
 * @param lastSynced {@code lastSynced}
 * @param lastStatusUpdate {@code lastStatusUpdate}
 */
public record SensorReadout(List<Sensor> sensors, List<Lock> locks, Instant lastUpdated, Instant lastSynced,
        Instant lastStatusUpdate) {

    /** Copies the lists. */
    public SensorReadout {
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        locks = locks == null ? List.of() : List.copyOf(locks);
    }
}
