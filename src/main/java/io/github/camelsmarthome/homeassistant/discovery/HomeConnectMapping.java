package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.onWhen;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.text;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.valueOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Home Connect events (docs/events.md) as one Home Assistant device per appliance (brief 7.2, 9.6,
 * 9.7): status keys become normalised state fields ({@code operation_state}, {@code door_state},
 * ...), programs become selects whose options grow as programs are seen, EVENT keys that become
 * {@code Present} fire the event entity. Events about the account (gap markers, re-authorisation)
 * only update the bridge's health.
 */
final class HomeConnectMapping implements SystemMapping {

    static final String SYSTEM = "homeconnect";

    /** The fact holding every full program key seen ({@code LaundryCare.Washer.Program.Cotton}). */
    static final String PROGRAM_KEYS = "program_keys";
    /** The fact holding the full key of the selected program, at most one element. */
    static final String SELECTED_PROGRAM_KEY = "selected_program_key";

    /** Brief 7.2 normalised operation states. */
    static final List<String> OPERATION_STATES = List.of("inactive", "ready", "delayed_start", "run", "pause",
            "action_required", "finished", "error", "aborting");

    /** EVENT keys every appliance may send, as event types. */
    static final List<String> COMMON_EVENTS = List.of("program_finished", "program_aborted", "alarm_clock_elapsed");

    /** EVENT keys of appliance families, by the program key prefix that names the family. */
    private static final Map<String, List<String>> FAMILY_EVENTS = Map.of(
            "Cooking.Oven", List.of("preheat_finished"),
            "ConsumerProducts.CoffeeMaker", List.of("water_tank_empty", "bean_container_empty", "drip_tray_full"),
            "Dishcare.Dishwasher", List.of("salt_nearly_empty", "rinse_aid_nearly_empty"));

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    @Override
    public void apply(ObjectNode event, EventContext context) {
        String type = text(event, "type");
        if ("bridge".equals(text(event, "origin")) || "stream_reconnected".equals(type) || "auth_required".equals(type)) {
            accountEvent(type, event, context);
            return;
        }
        String haId = text(event, "deviceId");
        KnownDevice appliance = context.device(SYSTEM, haId, () -> block(context, haId));
        if (appliance.entities().isEmpty()) {
            for (String field : List.of("operation_state", "door_state", "remote_control_active", "remote_start_allowed",
                    "program_progress", "remaining_program_time", "program_finish_time", "selected_program",
                    "active_program", "power")) {
                appliance.state().putNull(field);
            }
        }
        switch (type) {
            case "CONNECTED", "PAIRED" -> appliance.availability(DeviceTopics.ONLINE);
            case "DISCONNECTED", "DEPAIRED" -> appliance.availability(DeviceTopics.OFFLINE);
            default -> {
                // Items below say what changed.
            }
        }
        // Events replayed from a resync or a restart are state, not news (brief 4.4): only the stream fires events.
        boolean fresh = "EVENT".equals(type) && text(event, "origin") == null;
        for (JsonNode item : event.path("items")) {
            String key = text(item, "key");
            if (key != null) {
                item(appliance, key, item, event, fresh, context);
            }
        }
        define(appliance, context);
    }

    private void accountEvent(String type, ObjectNode event, EventContext context) {
        ObjectNode health = context.health(SYSTEM);
        if ("auth_required".equals(type)) {
            health.put("connected", false).put("auth_required", true);
        } else if ("stream_reconnected".equals(type)) {
            health.put("connected", true).put("auth_required", false);
            EventFields.putIfSet(health, "reconnected_at", text(event, "time"));
        }
    }

    private void item(KnownDevice appliance, String key, JsonNode item, ObjectNode event, boolean fresh,
            EventContext context) {
        ObjectNode state = appliance.state();
        JsonNode value = item.path("value");
        switch (key) {
            case "BSH.Common.Status.OperationState" -> state.put("operation_state", enumValue(value));
            case "BSH.Common.Status.DoorState" -> state.put("door_state", enumValue(value));
            case "BSH.Common.Status.RemoteControlActive" -> putBoolean(state, "remote_control_active", value);
            case "BSH.Common.Status.RemoteControlStartAllowed" -> putBoolean(state, "remote_start_allowed", value);
            case "BSH.Common.Option.ProgramProgress" -> putNumber(state, "program_progress", value);
            case "BSH.Common.Option.RemainingProgramTime" -> {
                putNumber(state, "remaining_program_time", value);
                Instant at = itemTime(item, event);
                state.put("program_finish_time", value.isNumber() && at != null
                        ? WITH_OFFSET.format(at.plusSeconds(value.asLong())) : null);
            }
            case "BSH.Common.Root.SelectedProgram" -> {
                state.put("selected_program", program(appliance, value));
                appliance.fact(SELECTED_PROGRAM_KEY).clear();
                if (value.isTextual()) {
                    appliance.fact(SELECTED_PROGRAM_KEY).add(value.asText());
                }
            }
            case "BSH.Common.Root.ActiveProgram" -> state.put("active_program", program(appliance, value));
            case "BSH.Common.Setting.PowerState" -> state.put("power", enumValue(value));
            case "Cooking.Oven.Status.CurrentCavityTemperature" -> {
                putNumber(state, "cavity_temperature", value);
                appliance.fact("features").add("cavity_temperature");
            }
            default -> {
                if (key.contains(".Event.")) {
                    String eventType = snake(lastSegment(key));
                    appliance.fact("event_types").add(eventType);
                    if (fresh && value.asText("").endsWith(".Present")) {
                        ObjectNode message = EventFields.eventMessage(event, eventType);
                        message.put("key", key);
                        context.emitEvent(appliance, message);
                    }
                }
            }
        }
    }

    private void define(KnownDevice appliance, EventContext context) {
        DeviceTopics topics = context.topics();
        String id = appliance.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        appliance.entity(new EntityDefinition.Sensor("operation_state", "Operation state", "enum", null, null,
                OPERATION_STATES, stateTopic, valueOf("operation_state"), null, true));
        appliance.entity(new EntityDefinition.BinarySensor("door", "Door", "door", stateTopic,
                EventFields.onWhenEquals("door_state", "open"), null, null));
        appliance.entity(new EntityDefinition.BinarySensor("remote_control", "Remote control active", null, stateTopic,
                onWhen("remote_control_active"), null, "diagnostic"));
        appliance.entity(new EntityDefinition.BinarySensor("remote_start", "Remote start allowed", null, stateTopic,
                onWhen("remote_start_allowed"), null, "diagnostic"));
        appliance.entity(new EntityDefinition.Sensor("program_progress", "Program progress", null, "%", "measurement", null,
                stateTopic, valueOf("program_progress"), null, true));
        appliance.entity(new EntityDefinition.Sensor("remaining_time", "Remaining program time", "duration", "s", null, null,
                stateTopic, valueOf("remaining_program_time"), null, true));
        appliance.entity(new EntityDefinition.Sensor("finish_time", "Program finish time", "timestamp", null, null, null,
                stateTopic, valueOf("program_finish_time"), null, true));
        if (appliance.fact("features").contains("cavity_temperature")) {
            appliance.entity(new EntityDefinition.Sensor("cavity_temperature", "Cavity temperature", "temperature", "°C",
                    "measurement", null, stateTopic, valueOf("cavity_temperature"), null, true));
        }
        List<String> programs = new ArrayList<>(appliance.fact("programs"));
        appliance.entity(new EntityDefinition.Select("program", "Program", programs, stateTopic,
                valueOf("selected_program"), topics.command(SYSTEM, id, "program/selected"), null));
        appliance.entity(new EntityDefinition.Select("active_program", "Active program", programs, stateTopic,
                valueOf("active_program"), topics.command(SYSTEM, id, "program/active"),
                "{\"program\": \"{{ value }}\"}"));
        String active = topics.command(SYSTEM, id, "program/active");
        appliance.entity(new EntityDefinition.Button("start", "Start program", active, "start",
                new EntityDefinition.AvailabilityGate(stateTopic,
                        "{{ 'online' if value_json.remote_start_allowed else 'offline' }}")));
        appliance.entity(new EntityDefinition.Button("stop", "Stop program", active, "stop", null));
        appliance.entity(new EntityDefinition.Button("pause", "Pause program", active, "pause", null));
        appliance.entity(new EntityDefinition.Button("resume", "Resume program", active, "resume", null));
        appliance.entity(new EntityDefinition.Switch("power", "Power", stateTopic, valueOf("power"),
                topics.command(SYSTEM, id, "power"), "on", "standby"));
        Set<String> types = new LinkedHashSet<>(COMMON_EVENTS);
        appliance.fact("families").forEach(family -> types.addAll(FAMILY_EVENTS.getOrDefault(family, List.of())));
        types.addAll(appliance.fact("event_types"));
        String eventTopic = topics.event(SYSTEM, id);
        appliance.entity(new EntityDefinition.Event("program_event", "Event", null, new ArrayList<>(types), eventTopic));
        for (String type : types) {
            appliance.entity(new EntityDefinition.DeviceTrigger("trigger_" + DeviceTopics.segment(type), type, "appliance", eventTopic, type));
        }
    }

    /** The short program name ({@code Cotton}); remembers it as an option and the appliance family it reveals. */
    private static String program(KnownDevice appliance, JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String key = value.asText();
        String[] parts = key.split("\\.");
        if (parts.length >= 2) {
            String family = parts[0] + "." + parts[1];
            if (FAMILY_EVENTS.containsKey(family) && appliance.fact("families").add(family)) {
                appliance.device(appliance.device().withModel(appliance.device().manufacturer(), parts[1],
                        appliance.device().modelId()));
            }
        }
        String shortName = lastSegment(key);
        appliance.fact("programs").add(shortName);
        // HA's selects show short names; commands come back with them and the API needs the whole key.
        appliance.fact(PROGRAM_KEYS).add(key);
        return shortName;
    }

    private static HaDevice block(EventContext context, String haId) {
        // haIds read BRAND-MODEL-SERIAL (brief 1.1); anything else is kept whole as the name.
        String[] parts = haId.split("-");
        String brand = parts.length == 3 ? parts[0].charAt(0) + parts[0].substring(1).toLowerCase(Locale.ROOT) : null;
        String modelId = parts.length == 3 ? parts[1] : null;
        return HaDevice.of(context.topics().identifier(SYSTEM, haId), brand == null ? haId : brand + " " + modelId)
                .withModel(brand, null, modelId).via(context.topics().bridgeIdentifier());
    }

    /** {@code BSH.Common.EnumType.OperationState.DelayedStart} → {@code delayed_start}; null stays null. */
    private static String enumValue(JsonNode value) {
        return value.isTextual() ? snake(lastSegment(value.asText())) : null;
    }

    private static void putBoolean(ObjectNode state, String field, JsonNode value) {
        if (value.isBoolean()) {
            state.put(field, value.asBoolean());
        } else {
            state.putNull(field);
        }
    }

    private static void putNumber(ObjectNode state, String field, JsonNode value) {
        if (value.isNumber()) {
            state.set(field, value);
        } else {
            state.putNull(field);
        }
    }

    private static Instant itemTime(JsonNode item, ObjectNode event) {
        if (item.path("timestamp").isNumber()) {
            return Instant.ofEpochSecond(item.path("timestamp").asLong());
        }
        try {
            String time = text(event, "time");
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String lastSegment(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /** {@code ProgramFinished} → {@code program_finished}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
