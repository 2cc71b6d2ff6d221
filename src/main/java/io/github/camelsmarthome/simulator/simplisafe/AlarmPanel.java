package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The arming state machine (brief sections 4.4, 5.1 and 7): exit delays ({@code *_COUNT}), entry
 * delay ({@code ALARM_COUNT}), the sounding alarm, and the event each step emits. Every method
 * runs under the owning {@link SimulatedSystem}'s monitor; timers take it again when they fire.
 *
 * <p>Remote arming emits 9407 then 3407 (away) or 9441 then 3441 (home), disarming 1407, the
 * codes the brief's checklist suggests; the keypad emits 9401/3401 and 1400.
 */
final class AlarmPanel {

    /** Who arms: the codes and the device named in the events differ. */
    interface Source {
        EventDraft exitDelay(AlarmMode mode);

        EventDraft armed(AlarmMode mode);

        EventDraft disarmed();
    }

    /** The app or web app. */
    static final Source REMOTE = new Source() {
        @Override
        public EventDraft exitDelay(AlarmMode mode) {
            return EventDraft.of(mode == AlarmMode.AWAY ? EventCode.AWAY_EXIT_DELAY_BY_REMOTE : EventCode.HOME_EXIT_DELAY);
        }

        @Override
        public EventDraft armed(AlarmMode mode) {
            return EventDraft.of(mode == AlarmMode.AWAY ? EventCode.ARMED_AWAY_BY_REMOTE : EventCode.ARMED_HOME);
        }

        @Override
        public EventDraft disarmed() {
            return EventDraft.of(EventCode.DISARMED_BY_REMOTE);
        }
    };

    /** A keypad, with the PIN that was entered for disarming. */
    static Source keypad(JsonNode keypad, String pinName) {
        return new Source() {
            @Override
            public EventDraft exitDelay(AlarmMode mode) {
                return SensorBoard.draftFor(mode == AlarmMode.AWAY ? EventCode.AWAY_EXIT_DELAY_BY_KEYPAD : EventCode.HOME_EXIT_DELAY, keypad);
            }

            @Override
            public EventDraft armed(AlarmMode mode) {
                return SensorBoard.draftFor(mode == AlarmMode.AWAY ? EventCode.ARMED_AWAY_BY_KEYPAD : EventCode.ARMED_HOME, keypad)
                        .zoneCid("0");
            }

            @Override
            public EventDraft disarmed() {
                return SensorBoard.draftFor(EventCode.DISARMED_BY_KEYPAD, keypad).pinName(pinName).zoneCid("1");
            }
        };
    }

    private final Object monitor;
    private final SystemSettings settings;
    private final SystemScheduler scheduler;
    private final SimulatedTime time;
    private final Consumer<EventDraft> events;
    private AlarmState state;
    private AlarmMode armedMode;
    private boolean alarming;
    private long stateTimestamp;
    private long countdownEndsNanos;
    /** Bumped by every arm or disarm, so that timers of an earlier arming do nothing when they fire. */
    private long generation;

    AlarmPanel(Object monitor, SystemSettings settings, SystemScheduler scheduler, SimulatedTime time,
            Consumer<EventDraft> events, AlarmState initial, long initialTimestamp) {
        this.monitor = monitor;
        this.settings = settings;
        this.scheduler = scheduler;
        this.time = time;
        this.events = events;
        this.state = initial;
        this.armedMode = initial == AlarmState.HOME ? AlarmMode.HOME : initial == AlarmState.AWAY ? AlarmMode.AWAY : AlarmMode.OFF;
        this.stateTimestamp = initialTimestamp;
    }

    AlarmState state() {
        return state;
    }

    boolean isAlarming() {
        return alarming;
    }

    long stateTimestamp() {
        return stateTimestamp;
    }

    /** Seconds of exit delay left while counting; otherwise the away exit delay that would apply next. */
    int exitDelayRemaining() {
        if (countdownEndsNanos == 0) {
            return settings.exitDelay(AlarmMode.AWAY);
        }
        long realMillis = Math.max(0, (countdownEndsNanos - System.nanoTime()) / 1_000_000);
        return (int) Math.ceil(time.systemTime(realMillis).toMillis() / 1000.0);
    }

    /** Arms or disarms; answers the exit delay in seconds (0 when none applies). */
    int arm(AlarmMode mode, Source source) {
        boolean wasSounding = alarming;
        generation++;
        alarming = false;
        countdownEndsNanos = 0;
        armedMode = mode;
        if (mode == AlarmMode.OFF) {
            setState(AlarmState.OFF);
            events.accept(source.disarmed());
            if (wasSounding) {
                events.accept(EventDraft.of(EventCode.ALARM_CANCELED));
            }
            return 0;
        }
        int delay = settings.exitDelay(mode);
        AlarmState armed = mode == AlarmMode.AWAY ? AlarmState.AWAY : AlarmState.HOME;
        if (delay <= 0) {
            setState(armed);
            events.accept(source.armed(mode));
            return 0;
        }
        AlarmState counting = mode == AlarmMode.AWAY ? AlarmState.AWAY_COUNT : AlarmState.HOME_COUNT;
        setState(counting);
        countdownEndsNanos = System.nanoTime() + time.realMillis(Duration.ofSeconds(delay)) * 1_000_000;
        events.accept(source.exitDelay(mode));
        long armedGeneration = generation;
        scheduler.after(Duration.ofSeconds(delay), () -> {
            synchronized (monitor) {
                if (generation == armedGeneration && state == counting) {
                    countdownEndsNanos = 0;
                    setState(armed);
                    events.accept(source.armed(mode));
                }
            }
        });
        return delay;
    }

    /**
     * An entry, motion or glass-break sensor tripped. Only an armed system in a mode the sensor
     * watches reacts: entry delay (1429) then alarm, or an instant alarm for instant-trigger
     * sensors, glass breaks and a zero entry delay. Disarmed activity is no event: the cloud only
     * reports what would notify (brief section 7, last paragraph).
     */
    void intrusion(ObjectNode sensor) {
        if (state != AlarmState.HOME && state != AlarmState.AWAY) {
            return;
        }
        JsonNode watches = sensor.path("setting").path(armedMode.pathName());
        if (!watches.isMissingNode() && watches.asInt() == 0) {
            return;
        }
        int type = SensorBoard.typeOf(sensor);
        EventCode alarmCode = type == DeviceType.ENTRY ? EventCode.ENTRY_BURGLARY : EventCode.INTERIOR_BURGLARY;
        int entryDelay = settings.entryDelay(armedMode);
        if (entryDelay <= 0 || type == DeviceType.GLASS_BREAK || sensor.path("setting").path("instantTrigger").asBoolean(false)) {
            soundAlarm(SensorBoard.draftFor(alarmCode, sensor));
            return;
        }
        setState(AlarmState.ALARM_COUNT);
        events.accept(SensorBoard.draftFor(EventCode.ENTRY_DELAY, sensor));
        long trippedGeneration = generation;
        JsonNode tripped = sensor.deepCopy();
        scheduler.after(Duration.ofSeconds(entryDelay), () -> {
            synchronized (monitor) {
                if (generation == trippedGeneration && state == AlarmState.ALARM_COUNT) {
                    soundAlarm(SensorBoard.draftFor(alarmCode, tripped));
                }
            }
        });
    }

    /**
     * A life-safety sensor alarmed, in any state. Smoke and carbon monoxide sound the sirens
     * ({@code isAlarming}); water and freeze alarms are reported without (a guess: the brief only
     * gives their codes).
     */
    void hazard(JsonNode sensor, EventCode code, boolean sounds) {
        if (sounds) {
            soundAlarm(SensorBoard.draftFor(code, sensor));
        } else {
            events.accept(SensorBoard.draftFor(code, sensor));
        }
    }

    /** The sirens sound for {@code alarmDuration} seconds, then the system returns to its armed state. */
    void soundAlarm(EventDraft alarm) {
        alarming = true;
        countdownEndsNanos = 0;
        setState(AlarmState.ALARM);
        events.accept(alarm);
        long alarmGeneration = ++generation;
        scheduler.after(Duration.ofSeconds(settings.alarmDuration()), () -> {
            synchronized (monitor) {
                if (generation == alarmGeneration && alarming) {
                    alarming = false;
                    setState(armedMode == AlarmMode.AWAY ? AlarmState.AWAY : armedMode == AlarmMode.HOME ? AlarmState.HOME : AlarmState.OFF);
                }
            }
        });
    }

    private void setState(AlarmState next) {
        state = next;
        stateTimestamp = time.epochSeconds();
    }
}
