package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The selected and the active program of one appliance and the rules for changing them
 * (brief sections 4.3 and 9): what may start when, which options are valid, what a stop needs.
 * Callers hold the appliance's lock.
 */
final class ProgramControl {

    /** Who asks: the API enforces remote-control flags, the appliance's own buttons do not. */
    enum Origin { API, APPLIANCE }

    private final Object lock;
    private final ApplianceProfile profile;
    private final ApplianceState state;
    private final ApplianceEmitter emitter;
    private final SimulationScheduler scheduler;
    private final ApplianceTiming timing;
    private String selectedKey;
    private Map<String, ObjectNode> selectedOptions = new LinkedHashMap<>();
    private ProgramRun run;

    ProgramControl(Object lock, ApplianceProfile profile, ApplianceState state, ApplianceEmitter emitter,
            SimulationScheduler scheduler, ApplianceTiming timing) {
        this.lock = lock;
        this.profile = profile;
        this.state = state;
        this.emitter = emitter;
        this.scheduler = scheduler;
        this.timing = timing;
    }

    boolean programActive() {
        return run != null && run.active();
    }

    ProgramRun run() {
        return programActive() ? run : null;
    }

    String selectedKey() {
        return selectedKey;
    }

    ObjectNode listingBody() {
        state.requireOnline();
        ObjectNode body = SimulatorJson.object();
        body.set("programs", profile.programListing().deepCopy());
        if (programActive()) {
            body.putObject("active").put("key", run.program().key());
        }
        if (selectedKey != null) {
            body.putObject("selected").put("key", selectedKey);
        }
        return body;
    }

    ObjectNode availableBody() {
        state.requireOnline();
        if (running() || !state.poweredOn()) {
            throw new ApiErrorException(ApiError.wrongOperationState("No programs are available in operation state "
                    + state.operationState()));
        }
        ObjectNode body = SimulatorJson.object();
        body.set("programs", profile.availableListing().deepCopy());
        return body;
    }

    ObjectNode definitionBody(String programKey) {
        state.requireOnline();
        ProgramDefinition definition = profile.programs().get(programKey);
        if (definition == null || !listed(profile.availableListing(), programKey)) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.ProgramNotAvailable", "Program not available: " + programKey));
        }
        return definition.definitionJson();
    }

    ObjectNode activeBody() {
        state.requireOnline();
        if (!programActive()) {
            throw new ApiErrorException(ApiError.noProgramActive());
        }
        return run.body();
    }

    ObjectNode selectedBody() {
        state.requireOnline();
        requireSelectedForRead();
        ProgramDefinition definition = profile.programs().get(selectedKey);
        ObjectNode body = SimulatorJson.object();
        body.put("key", selectedKey);
        if (definition.name() != null) {
            body.put("name", definition.name());
        }
        body.set("options", values(selectedOptions));
        return body;
    }

    void start(String programKey, JsonNode options, Origin origin) {
        state.requireOnline();
        ProgramDefinition definition = requireProgram(programKey);
        if (!definition.startable()) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.ProgramNotAvailable", "Program cannot be started: " + programKey));
        }
        if (programActive()) {
            throw new ApiErrorException(ApiError.wrongOperationState("A program is already active"));
        }
        if (origin == Origin.API) {
            requireRemoteStart();
        } else if (!state.poweredOn()) {
            state.applySetting(BshKeys.POWER_STATE, SimulatorJson.NODES.textNode(BshKeys.POWER_STATE_PREFIX + "On"));
        }
        if (!"Ready".equals(state.operationState())) {
            throw new ApiErrorException(ApiError.wrongOperationState("Program cannot start in operation state "
                    + state.operationState()));
        }
        if (profile.door() != DoorBehaviour.NONE && !"Closed".equals(state.doorState())) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.WrongDoorState", "The door is not closed"));
        }
        Map<String, ObjectNode> resolved = resolve(definition, parseOptions(options),
                programKey.equals(selectedKey) ? selectedOptions : Map.of());
        long total = ProgramRun.durationFrom(resolved, definition);
        long delay = delayOf(resolved, total);
        boolean selectionChanged = !programKey.equals(selectedKey);
        selectedKey = programKey;
        selectedOptions = copy(resolved);
        run = new ProgramRun(lock, definition, resolved, delay, profile, state, emitter, scheduler, timing, this::runEnded);
        var notification = emitter.notification().activeProgram(programKey);
        if (selectionChanged) {
            notification.selectedProgram(programKey);
        }
        resolved.values().forEach(notification::activeOption);
        notification.send();
        run.begin();
    }

    void stop(Origin origin) {
        state.requireOnline();
        if (!programActive() || !run.stoppable()) {
            throw new ApiErrorException(ApiError.wrongOperationState("No program can be stopped in operation state "
                    + state.operationState()));
        }
        if (origin == Origin.API && !state.statusFlag(BshKeys.REMOTE_CONTROL_ACTIVE)) {
            throw new ApiErrorException(new ApiError(409, "BSH.Common.Error.RemoteControlNotActive", "Remote control is not active"));
        }
        run.abort();
    }

    void select(String programKey, JsonNode options) {
        state.requireOnline();
        ProgramDefinition definition = requireProgram(programKey);
        if (!definition.selectable()) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.ProgramNotAvailable", "Program cannot be selected: " + programKey));
        }
        if (running()) {
            throw new ApiErrorException(ApiError.wrongOperationState("A program is running"));
        }
        Map<String, ObjectNode> resolved = resolve(definition, parseOptions(options),
                programKey.equals(selectedKey) ? selectedOptions : Map.of());
        selectedKey = programKey;
        selectedOptions = resolved;
        var notification = emitter.notification().selectedProgram(programKey);
        resolved.values().forEach(notification::selectedOption);
        // Pitfall 10.11 of the brief: appliances announce a remaining time for a program that is only selected.
        notification.selectedOption(BshKeys.REMAINING_PROGRAM_TIME,
                SimulatorJson.NODES.numberNode(ProgramRun.durationFrom(resolved, definition)), "seconds");
        notification.send();
    }

    ObjectNode activeOptionsBody() {
        return optionsBody(activeRunForRead().options());
    }

    ObjectNode activeOption(String optionKey) {
        return optionOf(activeRunForRead().options(), optionKey);
    }

    void putActiveOptions(JsonNode options) {
        state.requireOnline();
        if (!programActive()) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.ActiveProgramNotSet", "There is no active program"));
        }
        if (!profile.changeActiveOptions()) {
            throw new ApiErrorException(ApiError.unsupportedOperation("Options of a running program cannot be changed on this appliance"));
        }
        if (!run.stoppable()) {
            throw new ApiErrorException(ApiError.wrongOperationState("The program is no longer running"));
        }
        Map<String, JsonNode> changes = parseOptions(options);
        Map<String, ObjectNode> validated = validateChanges(run.program(), changes);
        validated.values().forEach(run::changeOption);
    }

    ObjectNode selectedOptionsBody() {
        state.requireOnline();
        requireSelectedForRead();
        return optionsBody(selectedOptions);
    }

    ObjectNode selectedOption(String optionKey) {
        state.requireOnline();
        requireSelectedForRead();
        return optionOf(selectedOptions, optionKey);
    }

    void putSelectedOptions(JsonNode options) {
        state.requireOnline();
        if (selectedKey == null) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.SelectedProgramNotSet", "There is no selected program"));
        }
        if (running()) {
            throw new ApiErrorException(ApiError.wrongOperationState("A program is running"));
        }
        Map<String, ObjectNode> validated = validateChanges(profile.programs().get(selectedKey), parseOptions(options));
        selectedOptions.putAll(validated);
        var notification = emitter.notification();
        validated.values().forEach(notification::selectedOption);
        notification.send();
    }

    void pause() {
        if (!programActive() || !(run.phase() == ProgramRun.Phase.RUNNING || run.phase() == ProgramRun.Phase.DELAYED)) {
            throw new ApiErrorException(ApiError.wrongOperationState("No running program to pause"));
        }
        run.pause();
    }

    void resume() {
        if (!programActive() || run.phase() != ProgramRun.Phase.PAUSED) {
            throw new ApiErrorException(ApiError.wrongOperationState("No paused program to resume"));
        }
        run.resume();
    }

    /** Stops timers silently; the simulator is closing or the appliance was removed. */
    void cancelRun() {
        if (run != null) {
            run.cancel();
            run = null;
        }
    }

    private boolean running() {
        return programActive() && run.stoppable();
    }

    private void runEnded() {
        run = null;
    }

    private void requireRemoteStart() {
        if (!state.poweredOn()) {
            throw new ApiErrorException(ApiError.wrongOperationState("The appliance is switched off"));
        }
        if (!state.statusFlag(BshKeys.REMOTE_CONTROL_ACTIVE)) {
            throw new ApiErrorException(new ApiError(409, "BSH.Common.Error.RemoteControlNotActive", "Remote control is not active"));
        }
        if (!state.statusFlag(BshKeys.REMOTE_START_ALLOWED)) {
            throw new ApiErrorException(new ApiError(409, "BSH.Common.Error.RemoteStartNotActive", "Remote start is not allowed"));
        }
        if (state.statusFlag(BshKeys.LOCAL_CONTROL_ACTIVE)) {
            throw new ApiErrorException(new ApiError(409, "BSH.Common.Error.LockedByLocalControl", "The appliance is operated locally"));
        }
    }

    private ProgramRun activeRunForRead() {
        state.requireOnline();
        if (!programActive()) {
            throw new ApiErrorException(ApiError.noProgramActive());
        }
        return run;
    }

    private void requireSelectedForRead() {
        if (selectedKey == null) {
            throw new ApiErrorException(ApiError.noProgramSelected());
        }
    }

    private ProgramDefinition requireProgram(String programKey) {
        ProgramDefinition definition = programKey == null ? null : profile.programs().get(programKey);
        if (definition == null) {
            throw new ApiErrorException(new ApiError(409, "SDK.Error.UnsupportedProgram", "Program not supported: " + programKey));
        }
        return definition;
    }

    /** Every option of the program: given values, else the base (a selection), else the default. */
    private static Map<String, ObjectNode> resolve(ProgramDefinition definition, Map<String, JsonNode> given,
            Map<String, ObjectNode> base) {
        Map<String, ObjectNode> validated = validateChanges(definition, given);
        Map<String, ObjectNode> resolved = new LinkedHashMap<>();
        for (OptionDefinition option : definition.options()) {
            ObjectNode value = validated.get(option.key());
            if (value == null && base.containsKey(option.key())) {
                value = base.get(option.key()).deepCopy();
            }
            resolved.put(option.key(), value != null ? value : option.valueJson(option.defaultValue()));
        }
        return resolved;
    }

    private static Map<String, ObjectNode> validateChanges(ProgramDefinition definition, Map<String, JsonNode> given) {
        Map<String, ObjectNode> validated = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : given.entrySet()) {
            OptionDefinition option = definition.option(entry.getKey());
            if (option == null) {
                throw new ApiErrorException(new ApiError(409, "SDK.Error.UnsupportedOption",
                        "Option " + entry.getKey() + " is not supported by program " + definition.key()));
            }
            ApiError refusal = option.refusal(entry.getValue());
            if (refusal != null) {
                throw new ApiErrorException(refusal);
            }
            validated.put(option.key(), option.valueJson(entry.getValue()));
        }
        return validated;
    }

    /** Reads {@code [{"key": …, "value": …}, …]}; a missing list means no options. */
    static Map<String, JsonNode> parseOptions(JsonNode options) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        if (options == null || options.isNull() || options.isMissingNode()) {
            return parsed;
        }
        if (!options.isArray()) {
            throw new ApiErrorException(ApiError.badRequest("options must be a list of {key, value} objects"));
        }
        for (JsonNode option : options) {
            if (!option.isObject() || !option.path("key").isTextual() || !option.has("value")) {
                throw new ApiErrorException(ApiError.badRequest("every option needs a key and a value"));
            }
            parsed.put(option.get("key").asText(), option.get("value"));
        }
        return parsed;
    }

    private static long delayOf(Map<String, ObjectNode> options, long total) {
        ObjectNode startIn = options.get(BshKeys.START_IN_RELATIVE);
        if (startIn != null) {
            return Math.max(0, startIn.path("value").asLong());
        }
        ObjectNode finishIn = options.get(BshKeys.FINISH_IN_RELATIVE);
        return finishIn == null ? 0 : Math.max(0, finishIn.path("value").asLong() - total);
    }

    private static boolean listed(ArrayNode listing, String programKey) {
        for (JsonNode program : listing) {
            if (programKey.equals(program.path("key").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode optionsBody(Map<String, ObjectNode> options) {
        ObjectNode body = SimulatorJson.object();
        body.set("options", values(options));
        return body;
    }

    private static ObjectNode optionOf(Map<String, ObjectNode> options, String optionKey) {
        ObjectNode option = options.get(optionKey);
        if (option == null) {
            throw new ApiErrorException(ApiError.notFound("SDK.Error.UnsupportedOption", "Option is not supported: " + optionKey));
        }
        return option.deepCopy();
    }

    private static ArrayNode values(Map<String, ObjectNode> options) {
        ArrayNode array = SimulatorJson.NODES.arrayNode();
        options.values().forEach(option -> array.add(option.deepCopy()));
        return array;
    }

    private static Map<String, ObjectNode> copy(Map<String, ObjectNode> options) {
        Map<String, ObjectNode> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> copy.put(key, value.deepCopy()));
        return copy;
    }
}
