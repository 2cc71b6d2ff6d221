package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trigger codes the gateway knows per Zigbee model (brief section 9): which events a device of
 * a model can report, so that {@code devices=sid:model} can subscribe all of them.
 *
 * <p>The built-in catalog is the classpath resource
 * {@code io/github/camelsmarthome/miio/event-catalog.json}, a copy of the project fixture that
 * re-expresses facts listed by {@code rytilahti/python-miio} ({@code subdevices.yaml}, gateway
 * {@code alarm.py}); see the README next to it. A user file of the same shape
 * ({@link #withUserFile(Path)}) adds events, or replaces those with the same model and action.
 *
 * <p>File shape: {@code {"events":[{"zigbee_model":…,"action":…,"extra":…}, …]}} with optional
 * {@code event}, {@code command_extra}, {@code trigger_value} and {@code trigger_token}; every other
 * field is ignored. {@code zigbee_model} is its first word, so a comment may follow it.
 * {@code trigger_token} is empty, {@code <gateway token …>} (the gateway token in plain hex at
 * subscribe time) or 32 hex digits. A bad entry fails the whole load with one message naming the
 * file, the model and the event.
 *
 * <p>Immutable and thread-safe.
 */
public final class MiioEventCatalog {

    /** The option a user catalog file is given with, named in error messages. */
    public static final String OPTION = "eventCatalog";

    /** Where the built-in catalog lives on the classpath. */
    public static final String RESOURCE = "/io/github/camelsmarthome/miio/event-catalog.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern GATEWAY_TOKEN_PLACEHOLDER = Pattern.compile("<[^>]*gateway token[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static volatile MiioEventCatalog builtIn;

    /** model → action → event, both in file order. */
    private final Map<String, Map<String, EventInfo>> events;

    private MiioEventCatalog(Map<String, Map<String, EventInfo>> events) {
        Map<String, Map<String, EventInfo>> copy = new LinkedHashMap<>();
        events.forEach((model, byAction) -> copy.put(model, Collections.unmodifiableMap(
                new LinkedHashMap<>(byAction))));
        this.events = Collections.unmodifiableMap(copy);
    }

    /** The catalog shipped with the bundle (loaded once). */
    public static MiioEventCatalog builtIn() {
        MiioEventCatalog catalog = builtIn;
        if (catalog == null) {
            try (InputStream in = MiioEventCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in event catalog " + RESOURCE + " is missing from the jar");
                }
                catalog = new MiioEventCatalog(read("built-in " + RESOURCE, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in event catalog " + RESOURCE, e);
            }
            builtIn = catalog;
        }
        return catalog;
    }

    /** The built-in catalog extended by a user file; {@code null} gives the built-in one. */
    public static MiioEventCatalog load(Path userFile) {
        return userFile == null ? builtIn() : builtIn().withUserFile(userFile);
    }

    /**
     * This catalog with the events of a user file added; an event of the file with the same model
     * and action as one here replaces it.
     *
     * @throws InvalidConfigurationException for option {@value #OPTION} when the file cannot be
     *     read or parsed, or an entry is bad: one message naming the file, model and event
     */
    public MiioEventCatalog withUserFile(Path userFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(userFile);
        } catch (IOException e) {
            throw new InvalidConfigurationException(OPTION, "cannot read the event catalog file " + userFile + " ("
                    + e.getClass().getSimpleName() + "); give the path of a readable JSON file");
        }
        return withEvents(read(userFile.toString(), bytes));
    }

    /**
     * This catalog with the events of a JSON document of the catalog's shape added.
     *
     * @param sourceName named in error messages, e.g. a file name
     */
    public MiioEventCatalog withJson(String sourceName, String json) {
        return withEvents(read(sourceName, json.getBytes(StandardCharsets.UTF_8)));
    }

    private MiioEventCatalog withEvents(Map<String, Map<String, EventInfo>> added) {
        Map<String, Map<String, EventInfo>> merged = new LinkedHashMap<>();
        events.forEach((model, byAction) -> merged.put(model, new LinkedHashMap<>(byAction)));
        added.forEach((model, byAction) -> merged.computeIfAbsent(model, m -> new LinkedHashMap<>()).putAll(byAction));
        return new MiioEventCatalog(merged);
    }

    /** The models with at least one event, in file order. */
    public Set<String> models() {
        return events.keySet();
    }

    /** Whether the catalog has events for this model. */
    public boolean knows(String model) {
        return events.containsKey(model);
    }

    /**
     * Every event of a model, in catalog order, unbound ({@link EventInfo#sourceSid()} is
     * {@code null}, {@link EventInfo#sourceModel()} is the model); empty for an unknown model (see
     * {@link #unknownModelMessage(String)}).
     */
    public List<EventInfo> eventsOf(String model) {
        Map<String, EventInfo> byAction = events.get(model);
        return byAction == null ? List.of() : List.copyOf(byAction.values());
    }

    /** The event of a model with this action, if the catalog has it. */
    public Optional<EventInfo> event(String model, String action) {
        Map<String, EventInfo> byAction = events.get(model);
        return byAction == null ? Optional.empty() : Optional.ofNullable(byAction.get(action));
    }

    /** The actions of a model in catalog order; empty for an unknown model. */
    public List<String> actionsOf(String model) {
        Map<String, EventInfo> byAction = events.get(model);
        return byAction == null ? List.of() : List.copyOf(byAction.keySet());
    }

    /** A sentence for a user who named a model the catalog does not have: what exists, what to do. */
    public String unknownModelMessage(String model) {
        return "model '" + SceneCommand.printable(model) + "' is not in the event catalog; known models: "
                + String.join(", ", events.keySet()) + ". Check the spelling, or describe its events in a file given"
                + " with the " + OPTION + " option";
    }

    private static Map<String, Map<String, EventInfo>> read(String source, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() : "";
            throw new InvalidConfigurationException(OPTION, "event catalog " + source + " is not valid JSON" + where
                    + "; fix the file");
        }
        if (root == null || !root.isObject() || !root.path("events").isArray()) {
            throw new InvalidConfigurationException(OPTION, "event catalog " + source
                    + " must be a JSON object with an \"events\" array; see the built-in catalog for the shape");
        }
        Map<String, Map<String, EventInfo>> result = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : root.get("events")) {
            EventInfo event = entry(source, index++, entry);
            EventInfo previous = result.computeIfAbsent(event.sourceModel(), m -> new LinkedHashMap<>())
                    .putIfAbsent(event.action(), event);
            if (previous != null) {
                throw bad(source, event.sourceModel(), event.action(), "is listed twice; keep one entry per model and action");
            }
        }
        return result;
    }

    private static EventInfo entry(String source, int index, JsonNode entry) {
        String fallbackName = "#" + (index + 1);
        if (!entry.isObject()) {
            throw bad(source, "?", fallbackName, "is not a JSON object");
        }
        String model = firstWord(text(entry, "zigbee_model"));
        String action = text(entry, "action");
        String eventName = action == null ? fallbackName : action;
        if (model == null || !MODEL.matcher(model).matches()) {
            throw bad(source, model == null ? "?" : model, eventName,
                    "needs \"zigbee_model\" made of letters, digits, '.', '_' and '-'");
        }
        if (action == null || action.isEmpty()) {
            throw bad(source, model, eventName, "needs an \"action\"");
        }
        try {
            SceneCommand.checkAction(model, action);
        } catch (IllegalArgumentException e) {
            throw bad(source, model, SceneCommand.printable(action), e.getMessage());
        }
        String extra = text(entry, "extra");
        if (extra == null || !isJsonArray(extra)) {
            throw bad(source, model, action, "needs \"extra\": the trigger code as a string holding a JSON array,"
                    + " e.g. \"[1,13,1,85,[0,1],0,0]\"");
        }
        for (String field : List.of("event", "command_extra", "trigger_token")) {
            if (entry.has(field) && !entry.get(field).isTextual() && !entry.get(field).isNull()) {
                throw bad(source, model, action, "\"" + field + "\" must be a string");
            }
        }
        String event = text(entry, "event");
        if (event != null && !event.isEmpty() && !MODEL.matcher(event).matches()) {
            throw bad(source, model, action, "\"event\" may only contain letters, digits, '.', '_' and '-'");
        }
        TriggerToken token = triggerToken(source, model, action, text(entry, "trigger_token"));
        return new EventInfo(action, extra, event, text(entry, "command_extra"), entry.get("trigger_value"), token,
                null, model);
    }

    private static TriggerToken triggerToken(String source, String model, String action, String value) {
        if (value == null || value.isEmpty()) {
            return TriggerToken.NONE;
        }
        if (GATEWAY_TOKEN_PLACEHOLDER.matcher(value).matches()) {
            return TriggerToken.GATEWAY_TOKEN;
        }
        try {
            return TriggerToken.literal(value);
        } catch (IllegalArgumentException e) {
            // the value may be a real token with a typo: never echo it
            throw bad(source, model, action, "\"trigger_token\" must be empty, \"<gateway token>\" or 32 hex digits");
        }
    }

    private static InvalidConfigurationException bad(String source, String model, String event, String problem) {
        return new InvalidConfigurationException(OPTION, "event catalog " + source + ": model " + model + ", event "
                + event + ": " + problem);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String firstWord(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static boolean isJsonArray(String text) {
        try {
            return JSON.readTree(text).isArray();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MiioEventCatalog[" + events.size() + " models]";
    }
}
