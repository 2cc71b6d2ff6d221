package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One program from start to {@code Ready} again, emitting what a real appliance emits: optional
 * {@code DelayedStart} with a count-down, {@code Run} with RemainingProgramTime and ProgramProgress
 * NOTIFYs at the progress cadence, {@code Finished} with {@code ProgramFinished}, then
 * {@code Ready} with the active program cleared.
 *
 * <p>Ticks run on Vert.x timers in appliance time and take the appliance's lock, so a REST call
 * never sees half a tick.
 */
final class ProgramRun {

    enum Phase { DELAYED, RUNNING, PAUSED, FINISHED, ABORTING, ENDED }

    private final Object lock;
    private final ProgramDefinition program;
    private final Map<String, ObjectNode> options;
    private final ApplianceProfile profile;
    private final ApplianceState state;
    private final ApplianceEmitter emitter;
    private final SimulationScheduler scheduler;
    private final ApplianceTiming timing;
    private final Runnable onEnded;
    private long totalSeconds;
    private long elapsedSeconds;
    private long delayRemaining;
    private Phase phase;
    private Phase pausedFrom;
    private long timer = -1;
    private boolean preheatAnnounced;

    ProgramRun(Object lock, ProgramDefinition program, Map<String, ObjectNode> options, long delaySeconds,
            ApplianceProfile profile, ApplianceState state, ApplianceEmitter emitter, SimulationScheduler scheduler,
            ApplianceTiming timing, Runnable onEnded) {
        this.lock = lock;
        this.program = program;
        this.options = new LinkedHashMap<>(options);
        this.profile = profile;
        this.state = state;
        this.emitter = emitter;
        this.scheduler = scheduler;
        this.timing = timing;
        this.onEnded = onEnded;
        this.totalSeconds = durationFrom(options, program);
        this.delayRemaining = delaySeconds;
        profile.activeProgramExtras().forEach(extra -> this.options.put(extra.path("key").asText(), extra.deepCopy()));
        putOption(BshKeys.REMAINING_PROGRAM_TIME, totalSeconds, "seconds");
        putOption(BshKeys.PROGRAM_PROGRESS, 0, "%");
    }

    static long durationFrom(Map<String, ObjectNode> options, ProgramDefinition program) {
        ObjectNode duration = options.get(ProgramDefinition.DURATION);
        return duration != null ? Math.max(1, duration.path("value").asLong()) : Math.max(1, program.runSeconds());
    }

    ProgramDefinition program() {
        return program;
    }

    Phase phase() {
        return phase;
    }

    /** Whether the program still counts as active ({@code programs/active} answers it). */
    boolean active() {
        return phase != Phase.ENDED;
    }

    boolean stoppable() {
        return phase == Phase.DELAYED || phase == Phase.RUNNING || phase == Phase.PAUSED;
    }

    /** Option values of {@code programs/active}, progress included. */
    Map<String, ObjectNode> options() {
        return options;
    }

    ObjectNode body() {
        ObjectNode body = SimulatorJson.object();
        body.put("key", program.key());
        if (program.name() != null) {
            body.put("name", program.name());
        }
        ArrayNode array = body.putArray("options");
        options.values().forEach(option -> array.add(option.deepCopy()));
        return body;
    }

    void begin() {
        if (delayRemaining > 0) {
            phase = Phase.DELAYED;
            state.setOperationState("DelayedStart");
            scheduleTick();
        } else {
            startRunning();
        }
    }

    void pause() {
        if (phase == Phase.RUNNING || phase == Phase.DELAYED) {
            cancelTimer();
            pausedFrom = phase;
            phase = Phase.PAUSED;
            state.setOperationState("Pause");
        }
    }

    void resume() {
        if (phase == Phase.PAUSED) {
            phase = pausedFrom;
            state.setOperationState(phase == Phase.DELAYED ? "DelayedStart" : "Run");
            scheduleTick();
        }
    }

    void abort() {
        cancelTimer();
        phase = Phase.ABORTING;
        state.setOperationState("Aborting");
        unlockDoor();
        emitter.event(BshKeys.PROGRAM_ABORTED, BshKeys.PRESENT, "hint", "none");
        timer = scheduler.afterApplianceTime(ApplianceTiming.ABORTING, () -> {
            synchronized (lock) {
                timer = -1;
                if (phase == Phase.ABORTING) {
                    end();
                }
            }
        });
    }

    /** Ends a finished program at once, as opening the door of a finished appliance does. */
    void acknowledgeFinished() {
        if (phase == Phase.FINISHED) {
            cancelTimer();
            returnToReady();
        }
    }

    /** Cancels timers without emitting anything; for depairing and shutdown. */
    void cancel() {
        cancelTimer();
        phase = Phase.ENDED;
    }

    /** A changed option of the running program (ovens only): a new duration re-plans the remaining time. */
    void changeOption(ObjectNode changed) {
        String key = changed.path("key").asText();
        JsonNode value = changed.get("value");
        ObjectNode option = options.get(key);
        if (option != null) {
            option.set("value", value);
        }
        var notification = emitter.notification().activeOption(changed);
        if (ProgramDefinition.DURATION.equals(key)) {
            totalSeconds = Math.max(elapsedSeconds + 1, value.asLong());
            long remaining = totalSeconds - elapsedSeconds;
            putOption(BshKeys.REMAINING_PROGRAM_TIME, remaining, "seconds");
            notification.activeOption(BshKeys.REMAINING_PROGRAM_TIME, number(remaining), "seconds");
        }
        notification.send();
    }

    private void startRunning() {
        phase = Phase.RUNNING;
        state.setOperationState("Run");
        if (profile.door() == DoorBehaviour.LOCKED_WHILE_RUNNING) {
            state.setDoorState("Locked");
        }
        emitProgress();
        scheduleTick();
    }

    private void tick() {
        synchronized (lock) {
            timer = -1;
            long step = Math.max(1, timing.progressCadence().toSeconds());
            if (phase == Phase.DELAYED) {
                delayRemaining -= step;
                if (delayRemaining <= 0) {
                    startRunning();
                } else {
                    announceDelay();
                    scheduleTick();
                }
            } else if (phase == Phase.RUNNING) {
                elapsedSeconds = Math.min(totalSeconds, elapsedSeconds + step);
                emitProgress();
                announcePreheat();
                if (elapsedSeconds >= totalSeconds) {
                    finish();
                } else {
                    scheduleTick();
                }
            }
        }
    }

    private void announceDelay() {
        String key = options.containsKey(BshKeys.START_IN_RELATIVE) ? BshKeys.START_IN_RELATIVE : BshKeys.FINISH_IN_RELATIVE;
        long value = key.equals(BshKeys.START_IN_RELATIVE) ? delayRemaining : delayRemaining + totalSeconds;
        putOption(key, value, "seconds");
        emitter.notification().activeOption(key, number(value), "seconds").send();
    }

    private void emitProgress() {
        long remaining = totalSeconds - elapsedSeconds;
        long progress = elapsedSeconds * 100 / totalSeconds;
        putOption(BshKeys.REMAINING_PROGRAM_TIME, remaining, "seconds");
        putOption(BshKeys.PROGRAM_PROGRESS, progress, "%");
        emitter.notification()
                .activeOption(BshKeys.REMAINING_PROGRAM_TIME, number(remaining), "seconds")
                .activeOption(BshKeys.PROGRAM_PROGRESS, number(progress), "%")
                .send();
    }

    /** Ovens say the cavity is hot after a fifth of the program, ten minutes at most. */
    private void announcePreheat() {
        if (profile.preheatEvent() != null && !preheatAnnounced && elapsedSeconds >= Math.min(600, totalSeconds / 5)) {
            preheatAnnounced = true;
            emitter.event(profile.preheatEvent(), BshKeys.PRESENT, "hint", "none");
        }
    }

    private void finish() {
        phase = Phase.FINISHED;
        state.setOperationState("Finished");
        unlockDoor();
        emitter.event(BshKeys.PROGRAM_FINISHED, BshKeys.PRESENT, "hint", "none");
        profile.finishEvents().forEach(event -> emitter.event(event, BshKeys.PRESENT, "hint", "none"));
        timer = scheduler.afterApplianceTime(timing.finishedHold(), () -> {
            synchronized (lock) {
                timer = -1;
                if (phase == Phase.FINISHED) {
                    returnToReady();
                }
            }
        });
    }

    private void returnToReady() {
        end();
        emitter.event(BshKeys.PROGRAM_FINISHED, BshKeys.OFF, "hint", "none");
        profile.finishEvents().forEach(event -> emitter.event(event, BshKeys.OFF, "hint", "none"));
    }

    private void end() {
        phase = Phase.ENDED;
        state.setOperationState(state.poweredOn() ? "Ready" : "Inactive");
        emitter.notification().activeProgram(null).send();
        onEnded.run();
    }

    private void unlockDoor() {
        if ("Locked".equals(state.doorState())) {
            state.setDoorState("Closed");
        }
    }

    private void scheduleTick() {
        cancelTimer();
        timer = scheduler.afterApplianceTime(Duration.ofSeconds(Math.max(1, timing.progressCadence().toSeconds())), this::tick);
    }

    private void cancelTimer() {
        if (timer >= 0) {
            scheduler.cancel(timer);
            timer = -1;
        }
    }

    private void putOption(String key, long value, String unit) {
        ObjectNode option = SimulatorJson.object();
        option.put("key", key);
        option.put("value", value);
        option.put("unit", unit);
        options.put(key, option);
    }

    private static JsonNode number(long value) {
        return SimulatorJson.NODES.numberNode(value);
    }
}
