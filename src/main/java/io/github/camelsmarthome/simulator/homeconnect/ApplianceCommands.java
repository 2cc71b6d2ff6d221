package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The door and the commands of one appliance (brief section 4.4): opening the door pauses a
 * running program or ends a finished one, closing it resumes what the door paused; commands pause,
 * resume, open the door and acknowledge events. Callers hold the appliance's lock.
 */
final class ApplianceCommands {

    private final ApplianceProfile profile;
    private final ApplianceState state;
    private final ProgramControl programs;
    private final ApplianceEmitter emitter;
    /** Appliance events that are Present, with their handling ({@code acknowledge} ones end on AcknowledgeEvent). */
    private final Map<String, String> presentEvents = new LinkedHashMap<>();
    private boolean pausedByDoor;

    ApplianceCommands(ApplianceProfile profile, ApplianceState state, ProgramControl programs, ApplianceEmitter emitter) {
        this.profile = profile;
        this.state = state;
        this.programs = programs;
        this.emitter = emitter;
    }

    ObjectNode commandsBody() {
        state.requireOnline();
        ObjectNode body = SimulatorJson.object();
        body.set("commands", profile.commands().deepCopy());
        return body;
    }

    void execute(String key, JsonNode value) {
        state.requireOnline();
        boolean offered = false;
        for (JsonNode command : profile.commands()) {
            offered |= command.path("key").asText().equals(key);
        }
        if (!offered) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.UnsupportedCommand", "Command not supported: " + key));
        }
        if (value == null || !value.isBoolean() || !value.booleanValue()) {
            throw new ApiErrorException(ApiError.badRequest("The value of a command must be true"));
        }
        switch (key) {
            case BshKeys.PAUSE_PROGRAM -> {
                requireRemoteControl();
                programs.pause();
            }
            case BshKeys.RESUME_PROGRAM -> {
                requireRemoteControl();
                if (profile.door() != DoorBehaviour.NONE && "Open".equals(state.doorState())) {
                    throw new ApiErrorException(new ApiError(409, "SDK.Error.WrongDoorState", "The door is open"));
                }
                pausedByDoor = false;
                programs.resume();
            }
            case BshKeys.OPEN_DOOR, BshKeys.PARTLY_OPEN_DOOR -> {
                String refusal = openDoorRefusal();
                if (refusal != null) {
                    throw new ApiErrorException(new ApiError(409, "SDK.Error.WrongDoorState", refusal));
                }
                openDoor();
            }
            case BshKeys.ACKNOWLEDGE_EVENT -> presentEvents.entrySet().removeIf(entry -> {
                if (!"acknowledge".equals(entry.getValue())) {
                    return false;
                }
                emitter.event(entry.getKey(), BshKeys.OFF, "hint", "none");
                return true;
            });
            default -> {
                // Listed for the type but without a modelled effect: accepted like the cloud accepts it.
            }
        }
    }

    /** Why the door cannot open now, or {@code null}. */
    String openDoorRefusal() {
        if (profile.door() == DoorBehaviour.NONE) {
            return "the appliance has no door the simulator models";
        }
        if ("Locked".equals(state.doorState())) {
            return "the door is locked while a program runs";
        }
        return null;
    }

    void openDoor() {
        if ("Open".equals(state.doorState())) {
            return;
        }
        state.setDoorState("Open");
        ProgramRun run = programs.run();
        if (run == null) {
            return;
        }
        if (run.phase() == ProgramRun.Phase.FINISHED) {
            run.acknowledgeFinished();
        } else if (run.phase() == ProgramRun.Phase.RUNNING || run.phase() == ProgramRun.Phase.DELAYED) {
            run.pause();
            pausedByDoor = true;
        }
    }

    void closeDoor() {
        if (!"Open".equals(state.doorState())) {
            return;
        }
        state.setDoorState("Closed");
        ProgramRun run = programs.run();
        if (pausedByDoor && run != null && run.phase() == ProgramRun.Phase.PAUSED) {
            run.resume();
        }
        pausedByDoor = false;
    }

    void raise(String key, String level, String handling) {
        presentEvents.put(key, handling);
        emitter.event(key, BshKeys.PRESENT, level, handling);
    }

    void clear(String key) {
        presentEvents.remove(key);
        emitter.event(key, BshKeys.OFF, "hint", "none");
    }

    private void requireRemoteControl() {
        if (!state.statusFlag(BshKeys.REMOTE_CONTROL_ACTIVE)) {
            throw new ApiErrorException(new ApiError(409, "BSH.Common.Error.RemoteControlNotActive", "Remote control is not active"));
        }
    }
}
