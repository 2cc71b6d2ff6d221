package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges from an appliance's status whether a program start can succeed (developer brief,
 * section 9), so that a start bound to fail is not sent and does not count toward the "10
 * successive errors" lock.
 *
 * <p>The status may come in any of these shapes, all with the optional boolean member
 * {@code connected} (false means offline):
 * <ul>
 *   <li>the {@code data} of {@code GET .../status}: <code>{"status":[{"key":..,"value":..}, ...]}</code>;</li>
 *   <li>a list of such items;</li>
 *   <li>an object of keys to values: <code>{"BSH.Common.Status.OperationState": "BSH.Common.EnumType.OperationState.Run"}</code>,
 *       or of keys to items with a {@code value};</li>
 *   <li>the event stream's saved state, {@code ApplianceStateStore.knownStatus}: such an object under {@code values}.</li>
 * </ul>
 * {@code BSH.Common.Root.ActiveProgram} with a program key also counts as an active program. A
 * key that is missing is not held against the start: appliances differ in what they report, and
 * the appliance itself still has the last word.
 */
final class ProgramStartCheck {

    static final String REMOTE_CONTROL_ACTIVE = "BSH.Common.Status.RemoteControlActive";
    static final String REMOTE_START_ALLOWED = "BSH.Common.Status.RemoteControlStartAllowed";
    static final String LOCAL_CONTROL_ACTIVE = "BSH.Common.Status.LocalControlActive";
    static final String OPERATION_STATE = "BSH.Common.Status.OperationState";
    static final String ACTIVE_PROGRAM = "BSH.Common.Root.ActiveProgram";

    /** Operation states in which a program is active (brief section 9, rule 6). */
    private static final Set<String> ACTIVE_STATES = Set.of("delayedstart", "run", "pause", "actionrequired");

    /** Why a start would fail, with the value that says so. */
    record Refusal(ProgramStartRefusedException.Reason reason, String detail) {
    }

    private ProgramStartCheck() {
    }

    /** The refusal the status implies, or empty when nothing speaks against the start. */
    static Optional<Refusal> judge(JsonNode state) {
        if (state == null || state.isNull() || state.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode connected = state.isObject() ? state.get("connected") : null;
        if (connected != null && isFalse(connected)) {
            return refuse(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE, null);
        }
        Map<String, JsonNode> values = valuesOf(state);
        JsonNode operationState = values.get(OPERATION_STATE);
        if (operationState != null && operationState.isTextual()
                && ACTIVE_STATES.contains(lastSegment(operationState.asText()))) {
            return refuse(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE, "OperationState is " + lastSegment(operationState));
        }
        JsonNode activeProgram = values.get(ACTIVE_PROGRAM);
        if (activeProgram != null && activeProgram.isTextual() && !activeProgram.asText().isBlank()) {
            return refuse(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE, "the active program is " + activeProgram.asText());
        }
        if (isFalse(values.get(REMOTE_CONTROL_ACTIVE))) {
            return refuse(ProgramStartRefusedException.Reason.REMOTE_CONTROL_NOT_ACTIVE, null);
        }
        if (isFalse(values.get(REMOTE_START_ALLOWED))) {
            return refuse(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED, null);
        }
        if (isTrue(values.get(LOCAL_CONTROL_ACTIVE))) {
            return refuse(ProgramStartRefusedException.Reason.LOCAL_CONTROL_ACTIVE, null);
        }
        return Optional.empty();
    }

    /** The state's values by key, whatever its shape. */
    private static Map<String, JsonNode> valuesOf(JsonNode state) {
        Map<String, JsonNode> values = new HashMap<>();
        JsonNode items = state.isArray() ? state : state.get("status");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                JsonNode key = item.get("key");
                if (key != null && key.isTextual()) {
                    values.put(key.asText(), item.path("value"));
                }
            }
            return values;
        }
        // The event stream's saved state nests the keys under "values" (ApplianceStateStore.knownStatus).
        JsonNode byKey = state.isObject() && state.path("values").isObject() ? state.get("values") : state;
        if (byKey.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = byKey.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                values.put(field.getKey(), value.isObject() && value.has("value") ? value.get("value") : value);
            }
        }
        return values;
    }

    private static Optional<Refusal> refuse(ProgramStartRefusedException.Reason reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }

    private static boolean isFalse(JsonNode value) {
        return value != null && (value.isBoolean() ? !value.asBoolean() : value.isTextual() && "false".equalsIgnoreCase(value.asText()));
    }

    private static boolean isTrue(JsonNode value) {
        return value != null && (value.isBoolean() ? value.asBoolean() : value.isTextual() && "true".equalsIgnoreCase(value.asText()));
    }

    private static String lastSegment(JsonNode value) {
        String text = value.asText();
        return text.substring(text.lastIndexOf('.') + 1);
    }

    private static String lastSegment(String enumValue) {
        return enumValue.substring(enumValue.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
