package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Home Connect events (docs/events.md) as one Home Assistant device per appliance (brief 7.2, 9.6,
 * 9.7): status keys become normalised state fields ({@code operation_state}, {@code door_state},
 * ...), programs become selects whose options grow as programs are seen, EVENT keys that become
 * {@code Present} fire the event entity, settings fill the fields of their switches and numbers.
 * What the appliance is (its {@code applianceType}, else the family its keys name) and what it
 * reported are remembered as facts; {@link HomeConnectEntities} turns them into its entities. Events
 * about the account (gap markers, re-authorisation) only update the bridge's health.
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

    /** The fact holding the appliance type of the appliance list ({@code Washer}), at most one element. */
    static final String TYPE = "type";
    /** The fact holding the types that family keys named ({@code LaundryCare.Washer...} names {@code Washer}). */
    static final String INFERRED_TYPES = "inferred_types";
    /** The fact holding what the appliance showed it has, beyond its type's row ({@link #PROGRAMS_SEEN}). */
    static final String SEEN = "seen";
    static final String PROGRAMS_SEEN = "programs";
    /** The fact holding the keys of {@link HomeConnectApplianceTypes#KNOWN_SETTINGS} the appliance reported. */
    static final String SETTINGS_SEEN = "settings_seen";
    /** The fact holding other Boolean setting keys the appliance reported: each becomes a switch. */
    static final String BOOLEAN_SETTINGS = "boolean_settings";
    /** The fact holding the compartment doors reported ({@code Refrigeration.Common.Status.Door.Freezer}: {@code Freezer}). */
    static final String COMPARTMENT_DOORS = "compartment_doors";

    /** Field of the event's JSON form that the route adds from the appliance list (docs/home-assistant.md). */
    static final String APPLIANCE_TYPE_FIELD = "applianceType";

    private static final String COMPARTMENT_DOOR = "Refrigeration.Common.Status.Door.";
    private static final String SETTING = ".Setting.";
    private static final String POWER_STATE = "BSH.Common.Setting.PowerState";
    /** A hostile appliance could report any number of keys: entities made from keys are capped per appliance. */
    static final int MAX_KEYED_ENTITIES = 32;
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9]{1,48}");
    /** Compiled once: {@link #snake} runs for enum values of many events (issue #8). */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

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
        applianceType(appliance, text(event, APPLIANCE_TYPE_FIELD));
        if (!appliance.hasEntities()) {
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
        HomeConnectEntities.define(appliance, context.topics());
    }

    /** The type from the appliance list: it replaces what keys suggested, and names the model. */
    private static void applianceType(KnownDevice appliance, String type) {
        if (type == null || type.isBlank() || type.length() > 48 || appliance.fact(TYPE).contains(type)) {
            return;
        }
        appliance.fact(TYPE).clear();
        appliance.fact(TYPE).add(type);
        model(appliance, DeviceTopics.segment(type));
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
            case "BSH.Common.Root.SelectedProgram" -> {
                state.put("selected_program", program(appliance, value));
                Set<String> selected = appliance.fact(SELECTED_PROGRAM_KEY);
                // Only a different program changes the fact: a changed fact derives the entity set again.
                if (value.isTextual() ? !selected.equals(Set.of(value.asText())) : !selected.isEmpty()) {
                    selected.clear();
                    if (value.isTextual()) {
                        selected.add(value.asText());
                    }
                }
            }
            case "BSH.Common.Root.ActiveProgram" -> state.put("active_program", program(appliance, value));
            case POWER_STATE -> state.put("power", enumValue(value));
            case "Cooking.Oven.Status.CurrentCavityTemperature" -> {
                putNumber(state, "cavity_temperature", value);
                appliance.fact(SEEN).add("cavity_temperature");
            }
            case "BSH.Common.Option.ProgramProgress", "BSH.Common.Option.RemainingProgramTime" -> {
                progress(appliance, key, item, event);
            }
            default -> otherItem(appliance, key, value, event, fresh, context);
        }
    }

    private static void progress(KnownDevice appliance, String key, JsonNode item, ObjectNode event) {
        ObjectNode state = appliance.state();
        JsonNode value = item.path("value");
        appliance.fact(SEEN).add(PROGRAMS_SEEN);
        if (key.endsWith("ProgramProgress")) {
            putNumber(state, "program_progress", value);
            return;
        }
        putNumber(state, "remaining_program_time", value);
        Instant at = itemTime(item, event);
        state.put("program_finish_time", value.isNumber() && at != null
                ? WITH_OFFSET.format(at.plusSeconds(value.asLong())) : null);
    }

    private void otherItem(KnownDevice appliance, String key, JsonNode value, ObjectNode event, boolean fresh,
            EventContext context) {
        ObjectNode state = appliance.state();
        inferType(appliance, key);
        HomeConnectSetting known = HomeConnectApplianceTypes.KNOWN_SETTINGS.get(key);
        if (known != null) {
            appliance.fact(SETTINGS_SEEN).add(key);
            if (known.numeric()) {
                putNumber(state, known.field(), value);
            } else {
                putBoolean(state, known.field(), value);
            }
        } else if (key.startsWith(COMPARTMENT_DOOR)) {
            if (keyed(appliance, COMPARTMENT_DOORS, door(key), door(key), context)) {
                state.put(HomeConnectEntities.compartmentDoorField(door(key)), enumValue(value));
            }
        } else if (key.contains(SETTING) && value.isBoolean() && !POWER_STATE.equals(key)) {
            if (keyed(appliance, BOOLEAN_SETTINGS, key, key.substring(key.indexOf(SETTING) + SETTING.length()), context)) {
                putBoolean(state, HomeConnectEntities.settingField(key), value);
            }
        } else if (key.contains(".Event.")) {
            String eventType = snake(lastSegment(key));
            appliance.fact("event_types").add(eventType);
            // Brief pitfall 10: the simulator sends FridgeFreezer door alarms as DoorState.Open.
            String presence = value.asText("");
            if (fresh && (presence.endsWith(".Present") || key.contains(".DoorAlarm") && presence.endsWith(".Open"))) {
                ObjectNode message = EventFields.eventMessage(event, eventType);
                message.put("key", key);
                context.emitEvent(appliance, message);
            }
        }
    }

    /**
     * Whether an entity may be made from a key: its name must be usable in an entity id, and an
     * appliance gets at most {@link #MAX_KEYED_ENTITIES} of them. Remembers {@code value} in {@code fact}.
     */
    private static boolean keyed(KnownDevice appliance, String fact, String value, String name, EventContext context) {
        Set<String> known = appliance.fact(fact);
        if (known.contains(value)) {
            return true;
        }
        if (!KEY_NAME.matcher(name).matches()) {
            context.skippedKey(appliance, value, "its name is not letters and digits");
            return false;
        }
        if (appliance.fact(COMPARTMENT_DOORS).size() + appliance.fact(BOOLEAN_SETTINGS).size() >= MAX_KEYED_ENTITIES) {
            context.skippedKey(appliance, value, "the appliance has " + MAX_KEYED_ENTITIES + " entities made from keys");
            return false;
        }
        known.add(value);
        return true;
    }

    /** The short program name ({@code Cotton}); remembers it as an option, and the type its key names. */
    private static String program(KnownDevice appliance, JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String key = value.asText();
        appliance.fact(SEEN).add(PROGRAMS_SEEN);
        inferType(appliance, key);
        String shortName = lastSegment(key);
        appliance.fact("programs").add(shortName);
        // HA's selects show short names; commands come back with them and the API needs the whole key.
        appliance.fact(PROGRAM_KEYS).add(key);
        return shortName;
    }

    /** Without a type from the appliance list, a family key names it ({@code LaundryCare.Washer...}). */
    private static void inferType(KnownDevice appliance, String key) {
        HomeConnectApplianceTypes.typeNamedBy(key).ifPresent(type -> {
            if (appliance.fact(INFERRED_TYPES).add(type) && appliance.fact(TYPE).isEmpty()) {
                model(appliance, type);
            }
        });
    }

    private static void model(KnownDevice appliance, String type) {
        appliance.device(appliance.device().withModel(appliance.device().manufacturer(), type, appliance.device().modelId()));
    }

    private static String door(String key) {
        return key.substring(COMPARTMENT_DOOR.length());
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
        return WORD_BOUNDARY.matcher(camel).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
