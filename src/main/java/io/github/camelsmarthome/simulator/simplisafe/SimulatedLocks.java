package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The smart locks, type 16 entries of the sensors list (brief sections 4.2 and 4.5). A command
 * answers at once; the motor turns for the lock actuation time and then the lock reports 9701
 * (locked), 9700 (unlocked) or, jammed, 9703 with {@code lockJamState} set and
 * {@code lockState} unchanged. Raw {@code lockState}: 1 locked, 2 unlocked.
 *
 * <p>Guarded by the owning {@link SimulatedSystem}'s monitor.
 */
public final class SimulatedLocks {

    /** Raw {@code status.lockState} of a locked lock. */
    public static final int LOCKED = 1;
    /** Raw {@code status.lockState} of an unlocked lock. */
    public static final int UNLOCKED = 2;

    private final SimulatedSystem system;
    private final SensorBoard sensors;
    private final SystemScheduler scheduler;
    private final SimulatedTime time;
    private final Set<String> jamOnNextCommand = new HashSet<>();
    private final Map<String, Instant> lastChanged = new HashMap<>();
    private volatile Duration actuationTime;

    SimulatedLocks(SimulatedSystem system, SensorBoard sensors, SystemScheduler scheduler, SimulatedTime time, Duration actuationTime) {
        this.system = system;
        this.sensors = sensors;
        this.scheduler = scheduler;
        this.time = time;
        this.actuationTime = actuationTime;
    }

    /** Raw {@code status.lockState}: {@link #LOCKED}, {@link #UNLOCKED} or anything else (unknown, like fixture lock 321's 42). */
    public int lockState(String serial) {
        synchronized (system) {
            return SensorBoard.status(sensors.requireLock(serial)).path("lockState").asInt();
        }
    }

    /** Whether {@code status.lockJamState} is non-zero. */
    public boolean isJammed(String serial) {
        synchronized (system) {
            return SensorBoard.status(sensors.requireLock(serial)).path("lockJamState").asInt() != 0;
        }
    }

    /** Someone locks it by hand or on its keypad: the state changes now and 9701 is emitted. */
    public void lock(String serial) {
        synchronized (system) {
            settle(sensors.requireLock(serial), true);
        }
    }

    /** Someone unlocks it by hand or on its keypad: 9700. */
    public void unlock(String serial) {
        synchronized (system) {
            settle(sensors.requireLock(serial), false);
        }
    }

    /** The bolt jams now: {@code lockJamState} 1 and 9703. Commands then fail the same way until {@link #clearJam}. */
    public void jam(String serial) {
        synchronized (system) {
            markJammed(sensors.requireLock(serial));
        }
    }

    /** The next lock or unlock command of this lock jams instead of completing. */
    public void jamNextCommand(String serial) {
        synchronized (system) {
            sensors.requireLock(serial);
            jamOnNextCommand.add(serial);
        }
    }

    /** Frees the bolt ({@code lockJamState} 0); no event, the next command works. */
    public void clearJam(String serial) {
        synchronized (system) {
            SensorBoard.status(sensors.requireLock(serial)).put("lockJamState", 0);
            sensors.touch(time.epochSeconds());
        }
    }

    /** How long the motor turns before the lock reports; in system time. */
    public void setActuationTime(Duration actuationTime) {
        if (actuationTime.isNegative()) {
            throw new IllegalArgumentException("Actuation time must not be negative, got " + actuationTime);
        }
        this.actuationTime = actuationTime;
    }

    // ---- REST ----

    /** Whether the serial names a lock. */
    boolean isLock(String serial) {
        synchronized (system) {
            ObjectNode device = sensors.find(serial);
            return device != null && SensorBoard.typeOf(device) == DeviceType.LOCK;
        }
    }

    /** {@code POST doorlock/{sid}/{serial}/state}: the answer is immediate, the outcome follows after the actuation time. */
    void command(String serial, boolean lock) {
        scheduler.after(actuationTime, () -> {
            synchronized (system) {
                ObjectNode device = sensors.requireLock(serial);
                if (SensorBoard.flags(device).path("offline").asBoolean(false)) {
                    return; // an unreachable lock never answers; the client sees no confirmation
                }
                if (jamOnNextCommand.remove(serial) || SensorBoard.status(device).path("lockJamState").asInt() != 0) {
                    markJammed(device);
                } else {
                    settle(device, lock);
                }
            }
        });
    }

    /** {@code GET doorlock/{sid}}: the locks, each with {@code status.lastUpdated} as an ISO string. */
    ArrayNode doorlockView() {
        synchronized (system) {
            ArrayNode locks = SimpliSafeJson.array();
            for (ObjectNode lock : sensors.locks()) {
                ObjectNode view = lock.deepCopy();
                Instant changed = lastChanged.getOrDefault(lock.path("serial").asText(),
                        Instant.ofEpochSecond(sensors.lastUpdated()));
                SensorBoard.status(view).put("lastUpdated", changed.toString());
                locks.add(view);
            }
            return locks;
        }
    }

    private void settle(ObjectNode lock, boolean locked) {
        SensorBoard.status(lock).put("lockState", locked ? LOCKED : UNLOCKED);
        changed(lock);
        system.emit(SensorBoard.draftFor(locked ? EventCode.LOCK_LOCKED : EventCode.LOCK_UNLOCKED, lock));
    }

    private void markJammed(ObjectNode lock) {
        SensorBoard.status(lock).put("lockJamState", 1);
        changed(lock);
        system.emit(SensorBoard.draftFor(EventCode.LOCK_ERROR, lock));
    }

    private void changed(ObjectNode lock) {
        lastChanged.put(lock.path("serial").asText(), time.now());
        sensors.touch(time.epochSeconds());
    }
}
