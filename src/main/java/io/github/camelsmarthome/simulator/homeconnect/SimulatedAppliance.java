package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One appliance of the simulated household. Tests and the demo act on it as a person would at
 * the appliance (open the door, switch it off, start a program with its buttons, pull the plug),
 * and the REST routes act on it as the cloud would; either way the matching events go out on the
 * stream.
 *
 * <p>Every change happens under this appliance's lock, so a REST read never sees half of one.
 * Control methods throw {@link IllegalStateException} when the appliance could not physically do
 * what is asked (open a locked door).
 */
public final class SimulatedAppliance {

    private final Object lock = new Object();
    private final ApplianceProfile profile;
    private final ApplianceEmitter emitter;
    private final ApplianceState state;
    private final ProgramControl programs;
    private final Map<String, ApplianceImage> images = new LinkedHashMap<>();
    private final ApplianceCommands commands;

    SimulatedAppliance(ApplianceProfile profile, SimulationClock clock, ApplianceEventSink sink, SimulationScheduler scheduler,
            ApplianceTiming timing) {
        this.profile = profile;
        this.emitter = new ApplianceEmitter(profile.haId(), clock, sink);
        this.state = new ApplianceState(profile, emitter);
        this.programs = new ProgramControl(lock, profile, state, emitter, scheduler, timing);
        this.commands = new ApplianceCommands(profile, state, programs, emitter);
    }

    /** The appliance id, e.g. {@code SIEMENS-HCS03WCH1-7BC6383CF794}. */
    public String haId() {
        return profile.haId();
    }

    /** The appliance type as the API names it: {@code Washer}, {@code Dryer}, {@code Oven} … */
    public String type() {
        return profile.type();
    }

    /** The brand, e.g. {@code BOSCH}. */
    public String brand() {
        return profile.identity().path("brand").asText();
    }

    /** Whether the appliance has its cloud link. */
    public boolean isConnected() {
        return locked(state::connected);
    }

    /** Whether the appliance belongs to the account. */
    public boolean isPaired() {
        return locked(state::paired);
    }

    /** The full OperationState value, e.g. {@code BSH.Common.EnumType.OperationState.Run}. */
    public String operationState() {
        return locked(() -> {
            JsonNode value = state.statusValue(BshKeys.OPERATION_STATE);
            return value == null ? null : value.asText();
        });
    }

    /** A status value, or {@code null} when the appliance has no such status. */
    public JsonNode status(String key) {
        return locked(() -> copyOf(state.statusValue(key)));
    }

    /** A setting value, or {@code null} when the appliance has no such setting. */
    public JsonNode setting(String key) {
        return locked(() -> copyOf(state.settingValue(key)));
    }

    /** The active program's key. */
    public Optional<String> activeProgram() {
        return locked(() -> Optional.ofNullable(programs.run()).map(run -> run.program().key()));
    }

    /** The selected program's key. */
    public Optional<String> selectedProgram() {
        return locked(() -> Optional.ofNullable(programs.selectedKey()));
    }

    /** Restores the cloud link and sends CONNECTED. */
    public void connect() {
        locked(() -> {
            if (!state.connected()) {
                state.setConnected(true);
                if (state.paired()) {
                    emitter.connection(EventType.CONNECTED);
                }
            }
        });
    }

    /** Cuts the cloud link (Wi-Fi lost, mains off) and sends DISCONNECTED; later events are lost. */
    public void disconnect() {
        locked(() -> {
            if (state.connected()) {
                if (state.paired()) {
                    emitter.connection(EventType.DISCONNECTED);
                }
                state.setConnected(false);
            }
        });
    }

    /** Opens the door: a running program pauses, a finished one is done and the appliance is Ready. */
    public void openDoor() {
        locked(() -> {
            String refusal = commands.openDoorRefusal();
            if (refusal != null) {
                throw new IllegalStateException(haId() + ": " + refusal);
            }
            commands.openDoor();
        });
    }

    /** Closes the door; a program the door paused resumes. */
    public void closeDoor() {
        locked(() -> {
            if (profile.door() == DoorBehaviour.NONE) {
                throw new IllegalStateException(haId() + " has no door the simulator models");
            }
            commands.closeDoor();
        });
    }

    /** Switches the appliance on with its power button. */
    public void powerOn() {
        setSetting(BshKeys.POWER_STATE, BshKeys.POWER_STATE_PREFIX + "On");
    }

    /**
     * Switches the appliance off with its power button, to {@code Off} or {@code Standby}
     * (whichever its PowerState allows).
     */
    public void powerOff() {
        locked(() -> {
            if (programs.programActive()) {
                throw new IllegalStateException(haId() + ": a program is active; stop it first");
            }
            ObjectNode constraints = profile.settingConstraints().get(BshKeys.POWER_STATE);
            String off = BshKeys.POWER_STATE_PREFIX + "Off";
            if (constraints != null && !constraints.path("allowedvalues").toString().contains(off)) {
                off = BshKeys.POWER_STATE_PREFIX + "Standby";
            }
            state.applySetting(BshKeys.POWER_STATE, SimulatorJson.NODES.textNode(off));
        });
    }

    /** Sets the remote-control flags a user sets on the appliance. */
    public void setRemoteControl(boolean active, boolean startAllowed) {
        locked(() -> {
            state.setStatus(BshKeys.REMOTE_CONTROL_ACTIVE, SimulatorJson.NODES.booleanNode(active));
            state.setStatus(BshKeys.REMOTE_START_ALLOWED, SimulatorJson.NODES.booleanNode(startAllowed));
        });
    }

    /** Someone is (or stops) operating the appliance at its panel. */
    public void setLocalControlActive(boolean active) {
        setStatus(BshKeys.LOCAL_CONTROL_ACTIVE, active);
    }

    /** Changes any status value and sends STATUS; value is a String, Number or Boolean. */
    public void setStatus(String key, Object value) {
        locked(() -> state.setStatus(key, SimulatorJson.MAPPER.valueToTree(value)));
    }

    /** Changes any setting at the appliance (no API checks) and sends NOTIFY. */
    public void setSetting(String key, Object value) {
        locked(() -> state.applySetting(key, SimulatorJson.MAPPER.valueToTree(value)));
    }

    /** Starts a program with the appliance's buttons, default options. */
    public void startProgram(String programKey) {
        startProgram(programKey, Map.of());
    }

    /** Starts a program with the appliance's buttons: no remote-control flags needed. */
    public void startProgram(String programKey, Map<String, Object> options) {
        ArrayNode array = SimulatorJson.NODES.arrayNode();
        options.forEach((key, value) -> array.addObject().put("key", key).set("value", SimulatorJson.MAPPER.valueToTree(value)));
        locked(() -> physical(() -> programs.start(programKey, array, ProgramControl.Origin.APPLIANCE)));
    }

    /** Stops the active program with the appliance's buttons. */
    public void stopProgram() {
        locked(() -> physical(() -> programs.stop(ProgramControl.Origin.APPLIANCE)));
    }

    /** Raises an appliance event ({@code Present}), e.g. {@code ConsumerProducts.CoffeeMaker.Event.WaterTankEmpty}. */
    public void raiseEvent(String key, String level, String handling) {
        locked(() -> commands.raise(key, level, handling));
    }

    /** Raises an event with level {@code hint} that needs acknowledging. */
    public void raiseEvent(String key) {
        raiseEvent(key, "hint", "acknowledge");
    }

    /** Ends an appliance event ({@code Off}). */
    public void clearEvent(String key) {
        locked(() -> commands.clear(key));
    }

    /** Offers a camera image on {@code images}. */
    public void addImage(ApplianceImage image) {
        locked(() -> {
            images.put(image.imageKey(), image);
        });
    }

    // ---- used by the REST routes and the household ----

    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    void locked(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }

    ApplianceState state() {
        return state;
    }

    ProgramControl programs() {
        return programs;
    }

    /** The appliance entry of {@code /homeappliances}. */
    ObjectNode describe() {
        return locked(() -> {
            ObjectNode identity = profile.identity().deepCopy();
            identity.put("connected", state.connected());
            return identity;
        });
    }

    void setPaired(boolean paired) {
        locked(() -> {
            if (state.paired() == paired) {
                return;
            }
            if (!paired) {
                emitter.connection(EventType.DEPAIRED);
                state.setPaired(false);
            } else {
                state.setPaired(true);
                emitter.connection(EventType.PAIRED);
            }
        });
    }

    ApplianceCommands commands() {
        return commands;
    }

    ObjectNode imagesBody() {
        state.requireOnline();
        ObjectNode body = SimulatorJson.object();
        ArrayNode array = body.putArray("images");
        images.values().forEach(image -> array.add(image.listingJson()));
        return body;
    }

    ApplianceImage image(String imageKey) {
        state.requireOnline();
        ApplianceImage image = images.get(imageKey);
        if (image == null) {
            throw new ApiErrorException(ApiError.notFound("SDK.Error.ResourceNotFound", "No image with key " + imageKey));
        }
        return image;
    }

    void shutdown() {
        locked(programs::cancelRun);
    }

    /** Runs a physical action and reports a refusal the way a person at the appliance would see it. */
    private void physical(Runnable action) {
        try {
            action.run();
        } catch (ApiErrorException e) {
            throw new IllegalStateException(haId() + ": " + e.error().key() + " - " + e.error().description(), e);
        }
    }

    private static JsonNode copyOf(JsonNode value) {
        return value == null ? null : value.deepCopy();
    }
}
