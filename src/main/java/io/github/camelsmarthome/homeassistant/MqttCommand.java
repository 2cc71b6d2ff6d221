package io.github.camelsmarthome.homeassistant;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One command from Home Assistant, read from {@code <base>/<system>/<deviceId>/<entity>/set}
 * (design 5) and checked before anything runs: a retained command is refused (brief rule 9: a
 * replayed "unlock" must never open a door), and so is an unknown system, entity or action, a
 * device id that is not one, and a payload that is too long or not what the entity's discovery
 * config declares.
 *
 * @param system   {@code simplisafe}, ...
 * @param deviceId the device, as in the topic (already {@code [a-zA-Z0-9_-]})
 * @param entity   the entity key of the command topic ({@code alarm}, {@code lock}, {@code power})
 * @param action   what to do, in upper case ({@code ARM_AWAY}, {@code LOCK}, {@code ON})
 * @param code     the code Home Assistant's keypad sent, or {@code null}; never in {@link #toString()}
 * @param program  the Home Connect program named by a program command, short ({@code Cotton}) or
 *                 whole ({@code LaundryCare.Washer.Program.Cotton}), or {@code null}
 */
public record MqttCommand(String system, String deviceId, String entity, String action, String code, String program) {

    /** Longest payload read, in characters; Home Assistant's are a few dozen. */
    public static final int MAX_PAYLOAD_LENGTH = 1024;
    /**
     * Longest payload decoded, in bytes: any longer one is over {@link #MAX_PAYLOAD_LENGTH}
     * characters whatever it holds (UTF-8 takes at most 3 bytes per character), so it is refused
     * before it is turned into text.
     */
    public static final int MAX_PAYLOAD_BYTES = 4 * MAX_PAYLOAD_LENGTH;

    /** The entity of the program select: the payload is a program to select. */
    public static final String PROGRAM_SELECTED = "program/selected";
    /** The entity of the program buttons and the active-program select. */
    public static final String PROGRAM_ACTIVE = "program/active";
    /** The action of a program select. */
    public static final String SELECT = "SELECT";
    /** The action of the active-program select ({@code {"program": ...}}): start that program. */
    public static final String START_PROGRAM = "START_PROGRAM";

    /** The entity of a miio gateway's method command: the payload is a {@link MiioMethodCall}. */
    public static final String MIIO_METHOD = "method";
    /** The action of a miio method command. */
    public static final String SEND = "SEND";

    /** A short program name or a whole BSH key: letters, digits, {@code _} and dots between words. */
    private static final java.util.regex.Pattern PROGRAM = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,64}(\\.[A-Za-z0-9_]{1,64}){0,7}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEGMENT = "[a-zA-Z0-9_-]{1,128}";
    /** The actions each system's entity accepts: the payloads its discovery config declares. */
    private static final Map<String, Map<String, java.util.Set<String>>> ACTIONS = Map.of(
            "simplisafe", Map.of(
                    "alarm", java.util.Set.of("ARM_AWAY", "ARM_HOME", "DISARM"),
                    "lock", java.util.Set.of("LOCK", "UNLOCK")),
            "homeconnect", Map.of(
                    "power", java.util.Set.of("ON", "STANDBY", "OFF"),
                    PROGRAM_SELECTED, java.util.Set.of(SELECT),
                    PROGRAM_ACTIVE, java.util.Set.of("START", "STOP", "PAUSE", "RESUME", START_PROGRAM)),
            "miio", Map.of(
                    MIIO_METHOD, java.util.Set.of(SEND)));

    /** A command without a program. */
    public MqttCommand(String system, String deviceId, String entity, String action, String code) {
        this(system, deviceId, entity, action, code, null);
    }

    /** Rejects missing parts. */
    public MqttCommand {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Reads a command.
     *
     * @param baseTopic the bridge's base topic
     * @param topic     the topic it arrived on
     * @param payload   the payload text: the action ({@code ARM_AWAY}) or JSON {@code {"action": ..., "code": ...}}
     * @param retained  the MQTT retained flag of the message
     * @throws InvalidCommandException naming what is wrong (never the code)
     */
    public static MqttCommand parse(String baseTopic, String topic, String payload, boolean retained) {
        // First, so that no other check reads an oversized payload or topic.
        if (payload != null && payload.length() > MAX_PAYLOAD_LENGTH) {
            throw new OversizedCommandException(payload.length() + " characters");
        }
        String[] parts = partsOf(baseTopic, topic);
        if (retained) {
            throw new InvalidCommandException("retained command refused: a command is only executed when sent live");
        }
        String system = parts[0];
        String deviceId = parts[1];
        String entity = parts[2];
        java.util.Set<String> accepted = Optional.ofNullable(ACTIONS.get(system)).map(entities -> entities.get(entity))
                .orElseThrow(() -> new InvalidCommandException("unknown command " + system + "/" + entity
                                                               + ": commands exist for " + known()));
        if (payload == null || payload.isBlank()) {
            throw new InvalidCommandException("empty payload: send one of " + accepted);
        }
        String text = payload.trim();
        if (entity.startsWith("program/")) {
            return programCommand(system, deviceId, entity, text);
        }
        if ("miio".equals(system)) {
            MiioMethodCall.parse(text);
            return new MqttCommand(system, deviceId, entity, SEND, null, null);
        }
        String action;
        String code = null;
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw notJson(e);
            }
            action = node.path("action").isTextual() ? node.path("action").asText() : null;
            JsonNode codeNode = node.path("code");
            if (codeNode.isTextual() || codeNode.isNumber()) {
                code = codeNode.asText();
            }
            if (action == null) {
                throw new InvalidCommandException("JSON payload without a text \"action\": send one of " + accepted);
            }
        } else {
            action = text;
        }
        action = action.toUpperCase(Locale.ROOT);
        if (!accepted.contains(action)) {
            throw new InvalidCommandException("unknown action for " + system + "/" + entity + ": send one of "
                                              + new java.util.TreeSet<>(accepted));
        }
        // HA's command template renders a code that was not asked for as "None".
        if (code != null && (code.isEmpty() || "None".equals(code))) {
            code = null;
        }
        if ("simplisafe".equals(system) && "alarm".equals(entity) && !deviceId.matches("[0-9]{1,18}")) {
            throw new InvalidCommandException("a SimpliSafe system id is a number, not " + deviceId);
        }
        return new MqttCommand(system, deviceId, entity, action, code);
    }

    /**
     * Home Connect's program commands (docs/home-assistant.md): the select sends a program, the
     * buttons {@code start}, {@code stop}, {@code pause}, {@code resume}, the active-program select
     * {@code {"program": ...}}.
     */
    private static MqttCommand programCommand(String system, String deviceId, String entity, String text) {
        if (PROGRAM_SELECTED.equals(entity)) {
            return new MqttCommand(system, deviceId, entity, SELECT, null, programName(text));
        }
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw notJson(e);
            }
            if (!node.path("program").isTextual()) {
                throw new InvalidCommandException("JSON payload without a text \"program\": send {\"program\": \"Cotton\"}");
            }
            return new MqttCommand(system, deviceId, entity, START_PROGRAM, null, programName(node.path("program").asText()));
        }
        String action = text.toUpperCase(Locale.ROOT);
        if (START_PROGRAM.equals(action) || !ACTIONS.get(system).get(entity).contains(action)) {
            throw new InvalidCommandException("unknown action for " + system + "/" + entity
                                              + ": send start, stop, pause, resume or {\"program\": <program>}");
        }
        return new MqttCommand(system, deviceId, entity, action, null, null);
    }

    private static String programName(String text) {
        if (!PROGRAM.matcher(text).matches()) {
            throw new InvalidCommandException("not a program name: send a program the appliance offers, such as Cotton "
                                              + "or LaundryCare.Washer.Program.Cotton");
        }
        return text;
    }

    /**
     * A refusal for text that is not JSON, saying where it broke but not what Jackson read there:
     * its message quotes the unreadable token, which may be the code.
     */
    static InvalidCommandException notJson(JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return new InvalidCommandException("payload is not valid JSON"
                                           + (at == null ? "" : " (broken at character " + (at.getCharOffset() + 1) + ")"));
    }

    /** {@code <base>/<system>/<deviceId>/<entity>/result}: where the outcome of this command goes. */
    public static Optional<String> resultTopic(String baseTopic, String topic) {
        try {
            String[] parts = partsOf(baseTopic, topic);
            return Optional.of(baseTopic + "/" + parts[0] + "/" + parts[1] + "/" + parts[2] + "/result");
        } catch (InvalidCommandException e) {
            return Optional.empty();
        }
    }

    private static String[] partsOf(String baseTopic, String topic) {
        if (topic == null || !topic.startsWith(baseTopic + "/") || !topic.endsWith("/set")) {
            throw new InvalidCommandException("not a command topic: expected " + baseTopic + "/<system>/<deviceId>/<entity>/set");
        }
        String middle = topic.substring(baseTopic.length() + 1, topic.length() - "/set".length());
        String[] parts = middle.split("/", -1);
        // One entity has two levels: Home Connect's program/selected and program/active.
        boolean twoLevels = parts.length == 4 && "program".equals(parts[2]);
        if ((parts.length != 3 && !twoLevels) || !java.util.Arrays.stream(parts).allMatch(part -> part.matches(SEGMENT))) {
            throw new InvalidCommandException("not a command topic: expected " + baseTopic + "/<system>/<deviceId>/<entity>/set");
        }
        return twoLevels ? new String[] {parts[0], parts[1], parts[2] + "/" + parts[3]} : parts;
    }

    private static String known() {
        return ACTIONS.entrySet().stream().flatMap(system -> system.getValue().keySet().stream()
                .map(entity -> system.getKey() + "/" + entity)).sorted().toList().toString();
    }

    /** The code stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "MqttCommand[" + system + "/" + deviceId + "/" + entity + " " + action + (program == null ? "" : " " + program)
               + (code == null ? "" : ", code given") + "]";
    }

    /** A command that is refused before anything runs; the message says why, for the result topic. */
    public static class InvalidCommandException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** A refusal saying why. */
        public InvalidCommandException(String message) {
            super(message);
        }
    }

    /** A command refused for its size alone: over {@link #MAX_PAYLOAD_LENGTH} characters. */
    public static final class OversizedCommandException extends InvalidCommandException {

        private static final long serialVersionUID = 1L;

        /** A refusal naming the size, such as {@code 5000 bytes}. */
        public OversizedCommandException(String size) {
            super("payload of " + size + " refused (at most " + MAX_PAYLOAD_LENGTH + " characters)");
        }
    }
}
