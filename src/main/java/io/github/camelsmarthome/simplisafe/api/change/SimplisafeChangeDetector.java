package io.github.camelsmarthome.simplisafe.api.change;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.LockState;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives events from two successive REST polls of one system, for what the websocket never
 * delivers (sensor states, battery, offline; brief 7 last paragraph, 11 P9) and for REST-only mode
 * when the websocket is refused (P1). Events have origin {@link SimplisafeEventOrigin#POLL} and the
 * types of {@link PollEventTypes}.
 *
 * <ul>
 *   <li>Alarm state: one event when the effective state changes, {@code isAlarming} counting as
 *       the state {@code ALARM} whatever {@code alarmState} says, so an alarm is reported once.
 *       {@code deviceId} is the system.</li>
 *   <li>Base station: power outage and restore, offline and online.</li>
 *   <li>Locks (matched by serial): locked, unlocked, jammed, unknown raw state; low battery;
 *       offline.</li>
 *   <li>Sensors (matched by serial): triggered and cleared, low battery, offline.
 *       {@code deviceId} is the serial.</li>
 * </ul>
 * The first snapshot is a baseline: without a previous one, or without a part in either snapshot,
 * nothing is reported for it. Devices that appear or disappear between polls are not events.
 * Events come in that order: state, base station, locks, sensors (sensors in upstream order).
 *
 * <p>Ids are content hashes over the system, type, device, the generated {@code info} and the time
 * (see {@link SimplisafeEvent#id()}), so comparing the same two snapshots again gives the same ids.
 *
 * <p>Stateless and thread-safe: the caller keeps the previous snapshot.
 */
public final class SimplisafeChangeDetector {

    private static final Map<AlarmState, String> STATE_TYPES = Map.ofEntries(
            Map.entry(AlarmState.OFF, PollEventTypes.DISARMED),
            Map.entry(AlarmState.HOME, PollEventTypes.ARMED_HOME),
            Map.entry(AlarmState.AWAY, PollEventTypes.ARMED_AWAY),
            Map.entry(AlarmState.HOME_COUNT, PollEventTypes.HOME_EXIT_DELAY),
            Map.entry(AlarmState.AWAY_COUNT, PollEventTypes.AWAY_EXIT_DELAY),
            Map.entry(AlarmState.EXIT_DELAY, PollEventTypes.EXIT_DELAY),
            Map.entry(AlarmState.ALARM_COUNT, PollEventTypes.ENTRY_DELAY),
            Map.entry(AlarmState.ENTRY_DELAY, PollEventTypes.ENTRY_DELAY),
            Map.entry(AlarmState.ALARM, PollEventTypes.ALARM_TRIGGERED),
            Map.entry(AlarmState.TEST, PollEventTypes.TEST_MODE),
            Map.entry(AlarmState.ERROR, PollEventTypes.SYSTEM_ERROR));

    /**
     * The events between two snapshots of the same system.
     *
     * @param previous the earlier snapshot, {@code null} for the first poll
     * @param current the new snapshot
     * @return the events, possibly empty; never {@code null}
     * @throws IllegalArgumentException when the snapshots are of different systems
     */
    public List<SimplisafeEvent> changes(SystemSnapshot previous, SystemSnapshot current) {
        Objects.requireNonNull(current, "current");
        if (previous == null) {
            return List.of();
        }
        if (previous.systemId() != current.systemId()) {
            throw new IllegalArgumentException("snapshots of systems " + previous.systemId() + " and "
                    + current.systemId() + " cannot be compared");
        }
        List<SimplisafeEvent> events = new ArrayList<>();
        if (previous.status() != null && current.status() != null) {
            alarmState(previous.status(), current, events);
            baseStation(previous.status(), current, events);
        }
        if (previous.locks() != null && current.locks() != null) {
            Map<String, Lock> before = bySerial(previous.locks(), Lock::serial);
            for (Lock lock : current.locks()) {
                Lock earlier = before.get(lock.serial());
                if (earlier != null) {
                    lock(earlier, lock, current, events);
                }
            }
        }
        if (previous.sensors() != null && current.sensors() != null) {
            Map<String, Sensor> before = bySerial(previous.sensors(), Sensor::serial);
            for (Sensor sensor : current.sensors()) {
                Sensor earlier = before.get(sensor.serial());
                if (earlier != null) {
                    sensor(earlier, sensor, current, events);
                }
            }
        }
        return List.copyOf(events);
    }

    private static void alarmState(SystemStatus before, SystemSnapshot current, List<SimplisafeEvent> events) {
        SystemStatus now = current.status();
        AlarmState was = effectiveState(before);
        AlarmState is = effectiveState(now);
        if (was == null || is == null || was.equals(is)) {
            return;
        }
        String type = STATE_TYPES.getOrDefault(is, PollEventTypes.ALARM_STATE_CHANGED);
        // The state's own timestamp is better than the poll time, but only if it moved with the state.
        Instant time = now.alarmStateTime() != null && !now.alarmStateTime().equals(before.alarmStateTime())
                ? now.alarmStateTime() : current.observedAt();
        events.add(systemEvent(current, type, time, "alarm state " + is + " (was " + was + ")", now.raw()));
    }

    /** {@code ALARM} while alarming, whatever {@code alarmState} says; otherwise {@code alarmState}. */
    private static AlarmState effectiveState(SystemStatus status) {
        return status.alarming() ? AlarmState.ALARM : status.alarmState();
    }

    private static void baseStation(SystemStatus before, SystemSnapshot current, List<SimplisafeEvent> events) {
        SystemStatus now = current.status();
        if (before.powerOutage() != now.powerOutage()) {
            events.add(systemEvent(current, now.powerOutage() ? PollEventTypes.POWER_OUTAGE : PollEventTypes.POWER_RESTORED,
                    current.observedAt(), now.powerOutage() ? "base station on battery" : "wall power restored", now.raw()));
        }
        if (before.offline() != now.offline()) {
            events.add(systemEvent(current, now.offline() ? PollEventTypes.SYSTEM_OFFLINE : PollEventTypes.SYSTEM_ONLINE,
                    current.observedAt(), now.offline() ? "base station offline" : "base station online", now.raw()));
        }
    }

    private static void lock(Lock before, Lock now, SystemSnapshot current, List<SimplisafeEvent> events) {
        boolean unknownRawChanged = now.state() == LockState.UNKNOWN
                && !Objects.equals(before.rawLockState(), now.rawLockState());
        if (before.state() != now.state() || unknownRawChanged) {
            String type = switch (now.state()) {
                case LOCKED -> PollEventTypes.LOCK_LOCKED;
                case UNLOCKED -> PollEventTypes.LOCK_UNLOCKED;
                case JAMMED -> PollEventTypes.LOCK_ERROR;
                case UNKNOWN -> PollEventTypes.LOCK_STATE_CHANGED;
            };
            String detail = now.state() == LockState.UNKNOWN ? "raw lock state " + now.rawLockState() : lowerCase(now.state());
            events.add(deviceEvent(current, type, now.serial(), now.name(), SensorType.LOCK,
                    now.name() + ": " + detail + " (was " + lowerCase(before.state()) + ")", now.raw()));
        }
        flags(before.lowBattery(), now.lowBattery(), before.offline(), now.offline(), current, now.serial(), now.name(),
                SensorType.LOCK, now.raw(), events);
    }

    private static void sensor(Sensor before, Sensor now, SystemSnapshot current, List<SimplisafeEvent> events) {
        if (before.triggered() != now.triggered()) {
            events.add(deviceEvent(current, now.triggered() ? PollEventTypes.SENSOR_TRIGGERED : PollEventTypes.SENSOR_CLEARED,
                    now.serial(), now.name(), now.type(), now.name() + (now.triggered() ? ": triggered" : ": cleared"),
                    now.raw()));
        }
        flags(before.lowBattery(), now.lowBattery(), before.offline(), now.offline(), current, now.serial(), now.name(),
                now.type(), now.raw(), events);
    }

    private static void flags(boolean lowBatteryBefore, boolean lowBattery, boolean offlineBefore, boolean offline,
            SystemSnapshot current, String serial, String name, SensorType type, JsonNode raw, List<SimplisafeEvent> events) {
        if (lowBatteryBefore != lowBattery) {
            events.add(deviceEvent(current, lowBattery ? PollEventTypes.LOW_BATTERY : PollEventTypes.LOW_BATTERY_CLEARED,
                    serial, name, type, name + (lowBattery ? ": low battery" : ": battery ok"), raw));
        }
        if (offlineBefore != offline) {
            events.add(deviceEvent(current, offline ? PollEventTypes.SENSOR_NOT_RESPONDING : PollEventTypes.SENSOR_RESTORED,
                    serial, name, type, name + (offline ? ": offline" : ": online"), raw));
        }
    }

    private static SimplisafeEvent systemEvent(SystemSnapshot current, String type, Instant time, String info, JsonNode raw) {
        return SimplisafeEvent.builder()
                .systemId(current.systemId())
                .deviceId(Long.toString(current.systemId()))
                .type(type)
                .time(time)
                .info(info)
                .origin(SimplisafeEventOrigin.POLL)
                .raw(raw)
                .receivedAt(current.observedAt())
                .build();
    }

    private static SimplisafeEvent deviceEvent(SystemSnapshot current, String type, String serial, String name,
            SensorType sensorType, String info, JsonNode raw) {
        return SimplisafeEvent.builder()
                .systemId(current.systemId())
                .deviceId(serial)
                .type(type)
                .time(current.observedAt())
                .info(info)
                .sensorType(sensorType)
                .sensorSerial(serial)
                .sensorName(name)
                .origin(SimplisafeEventOrigin.POLL)
                .raw(raw)
                .receivedAt(current.observedAt())
                .build();
    }

    private static String lowerCase(LockState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** First entry wins: two devices with one serial are an upstream error, not a reason to fail. */
    private static <T> Map<String, T> bySerial(List<T> devices, Function<T, String> serial) {
        return devices.stream().collect(Collectors.toMap(serial, Function.identity(), (first, second) -> first));
    }
}
