package io.github.camelsmarthome.simplisafe.api.change;

import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one REST poll saw of one system: its state (subscriptions), its sensors and its locks
 * (sensors endpoint). A part is {@code null} when this poll did not read it (a plan without sensor
 * access answers {@code NoRemoteManagement}, brief 11 P5; the cooldown after arming skips the
 * sensors, P7); {@link SimplisafeChangeDetector} compares only parts both snapshots have.
 *
 * @param systemId the system
 * @param status the live state, {@code null} when not read
 * @param sensors the sensors, {@code null} when not read
 * @param locks the locks, {@code null} when not read
 * @param observedAt when the poll's answers arrived; the time of the events derived from it
 */
public record SystemSnapshot(long systemId, SystemStatus status, List<Sensor> sensors, List<Lock> locks, Instant observedAt) {

    /** Copies the lists; requires the time. */
    public SystemSnapshot {
        Objects.requireNonNull(observedAt, "observedAt");
        sensors = sensors == null ? null : List.copyOf(sensors);
        locks = locks == null ? null : List.copyOf(locks);
    }

    /**
     * A snapshot from the mapped answers of one poll.
     *
     * @param system the system from the subscriptions answer
     * @param readout the sensors answer, {@code null} when not read
     * @param observedAt when the answers arrived
     */
    public static SystemSnapshot of(SimplisafeSystem system, SensorReadout readout, Instant observedAt) {
        return new SystemSnapshot(system.sid(), system.status(), readout == null ? null : readout.sensors(),
                readout == null ? null : readout.locks(), observedAt);
    }

    /**
     * This snapshot with the parts it lacks taken from an earlier one, so that a poll that could not
     * read the sensors does not make the next poll compare against nothing. Keep the result as the
     * "previous" snapshot for the next comparison.
     */
    public SystemSnapshot orElse(SystemSnapshot earlier) {
        if (earlier == null) {
            return this;
        }
        return new SystemSnapshot(systemId, status != null ? status : earlier.status,
                sensors != null ? sensors : earlier.sensors, locks != null ? locks : earlier.locks, observedAt);
    }
}
