package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.onWhen;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.path;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.text;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.valueOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SimpliSafe events (docs/events.md) as Home Assistant devices: the system (base station) with its
 * alarm panel (brief 7.1), connection mode, power and an event entity; each sensor, lock and camera
 * as a child device with the entities its type calls for, battery diagnostics and an event entity.
 * Every device gets one device trigger per event type it can emit, up front, from
 * {@code simplisafe-event-types.json}; a type never seen before is added when it arrives.
 */
final class SimplisafeMapping implements SystemMapping {

    static final String SYSTEM = "simplisafe";
    static final String TYPES_RESOURCE = "simplisafe-event-types.json";
    /** Fact of a sensor, lock or camera: the id of the system it belongs to. */
    static final String SYSTEM_ID = "system_id";

    /** Brief 7.1, by event type (websocket names and poll names). */
    private static final Map<String, String> ALARM_STATES = Map.ofEntries(
            Map.entry("disarmed", "disarmed"), Map.entry("disarmed_by_keypad", "disarmed"),
            Map.entry("disarmed_by_remote", "disarmed"), Map.entry("alarm_canceled", "disarmed"),
            Map.entry("test_mode", "disarmed"),
            Map.entry("armed_home", "armed_home"),
            Map.entry("armed_away", "armed_away"), Map.entry("armed_away_by_keypad", "armed_away"),
            Map.entry("armed_away_by_remote", "armed_away"),
            Map.entry("home_exit_delay", "arming"), Map.entry("away_exit_delay", "arming"),
            Map.entry("away_exit_delay_by_keypad", "arming"), Map.entry("away_exit_delay_by_remote", "arming"),
            Map.entry("exit_delay", "arming"),
            Map.entry("entry_delay", "pending"),
            Map.entry("alarm_triggered", "triggered"));

    /** Brief 7.1 sensor classes; carbon monoxide gets the precise class the brief recommends. */
    private static final Map<String, String> BINARY_CLASSES = Map.of(
            "entry", "door", "leak", "moisture", "smoke", "smoke", "carbon_monoxide", "carbon_monoxide",
            "smoke_and_carbon_monoxide", "smoke", "glass_break", "safety", "siren", "safety", "temperature", "cold");

    /** Brief 7.1, by the REST {@code alarmState} that poll events carry in {@code raw}. */
    private static final Map<String, String> REST_ALARM_STATES = Map.ofEntries(
            Map.entry("OFF", "disarmed"), Map.entry("TEST", "disarmed"), Map.entry("HOME", "armed_home"),
            Map.entry("AWAY", "armed_away"), Map.entry("HOME_COUNT", "arming"), Map.entry("AWAY_COUNT", "arming"),
            Map.entry("EXIT_DELAY", "arming"), Map.entry("ALARM_COUNT", "pending"), Map.entry("ENTRY_DELAY", "pending"),
            Map.entry("ALARM", "triggered"));

    private static final Set<String> MOTION = Set.of("motion", "motion_v2");
    private static final Set<String> CAMERAS = Set.of("camera", "outdoor_camera", "doorbell");
    private static final List<String> CONNECTION_MODES = List.of("REALTIME", "REST_ONLY", "AUTH_REQUIRED");

    private final Map<String, List<String>> typesByKind;

    SimplisafeMapping(ObjectMapper json) {
        this.typesByKind = loadTypes(json);
    }

    /** The event types of one kind of device ({@code system}, {@code sensor}, {@code lock}, {@code camera}). */
    List<String> eventTypes(String kind) {
        return typesByKind.getOrDefault(kind, List.of());
    }

    @Override
    public void apply(ObjectNode event, EventContext context) {
        String deviceId = text(event, "deviceId");
        String type = text(event, "type");
        String systemId = text(event, "systemId");
        if (systemId == null) {
            systemId = deviceId;
        }
        KnownDevice system = systemDevice(context, systemId);
        if (deviceId.equals(systemId)) {
            applyToSystem(system, event, type, context);
            defineSystem(system, context);
            context.emitEvent(system, message(event, type));
            return;
        }
        String label = text(event, "sensorType");
        KnownDevice child = context.device(SYSTEM, deviceId, () -> HaDevice.of(context.topics().identifier(SYSTEM, deviceId),
                "SimpliSafe " + deviceId).withModel("SimpliSafe", null, null).withSerialNumber(deviceId)
                .via(system.device().mainIdentifier()));
        child.parentAvailabilityTopic(context.topics().availability(SYSTEM, systemId));
        // Lock commands must name the system: with several, the lock's serial alone does not say which one.
        child.fact(SYSTEM_ID).clear();
        child.fact(SYSTEM_ID).add(systemId);
        if (label != null && !"unknown".equals(label)) {
            child.fact("kind").clear();
            child.fact("kind").add(label);
        }
        String kindLabel = child.fact("kind").stream().findFirst().orElse(null);
        String name = text(event, "sensorName");
        child.device(child.device().withName(name != null ? name : child.device().name())
                .withModel("SimpliSafe", modelName(kindLabel), null));
        applyToChild(child, event, type);
        child.fact("event_types").add(type);
        defineChild(child, kindLabel, context);
        context.emitEvent(child, message(event, type));
    }

    private KnownDevice systemDevice(EventContext context, String systemId) {
        KnownDevice system = context.device(SYSTEM, systemId, () -> HaDevice.of(context.topics().identifier(SYSTEM, systemId),
                "SimpliSafe " + systemId).withModel("SimpliSafe", "Base station", null).withSerialNumber(systemId)
                .via(context.topics().bridgeIdentifier()));
        if (!system.hasEntities()) {
            system.state().putNull("alarm_state");
            system.state().putNull("connection_mode");
            system.state().put("power_outage", false);
            defineSystem(system, context);
        }
        return system;
    }

    private void applyToSystem(KnownDevice system, ObjectNode event, String type, EventContext context) {
        ObjectNode state = system.state();
        String alarmState = ALARM_STATES.get(type);
        if (alarmState != null) {
            state.put("alarm_state", alarmState);
            ObjectNode attributes = state.putObject("alarm_attributes");
            attributes.put("last_event", type);
            EventFields.putIfSet(attributes, "changed_by", text(event, "changedBy"));
            EventFields.putIfSet(attributes, "last_event_at", text(event, "time"));
        }
        switch (type) {
            case "power_outage" -> state.put("power_outage", true);
            case "power_restored" -> state.put("power_outage", false);
            case "system_offline" -> system.availability(DeviceTopics.OFFLINE);
            case "system_online" -> system.availability(DeviceTopics.ONLINE);
            case "connection_mode_changed" -> {
                String mode = text(event, "info");
                state.put("connection_mode", mode);
                boolean authRequired = "AUTH_REQUIRED".equals(mode);
                context.health(SYSTEM).put("connection_mode", mode).put("connected", !authRequired)
                        .put("auth_required", authRequired);
            }
            default -> {
                // Other system events are only events: the event entity and the triggers show them.
            }
        }
        if ("poll".equals(text(event, "origin"))) {
            // A poll event carries the whole system status: the state is known even before any arming event.
            JsonNode raw = event.path("raw");
            String restState = path(raw, "isAlarming").asBoolean(false) ? "ALARM" : text(raw, "alarmState");
            if (restState != null && REST_ALARM_STATES.containsKey(restState)) {
                state.put("alarm_state", REST_ALARM_STATES.get(restState));
            }
            copyBoolean(path(raw, "powerOutage"), state, "power_outage");
            if (path(raw, "isOffline").isBoolean()) {
                system.availability(path(raw, "isOffline").asBoolean() ? DeviceTopics.OFFLINE : DeviceTopics.ONLINE);
            }
        }
        system.fact("event_types").add(type);
    }

    private void defineSystem(KnownDevice system, EventContext context) {
        DeviceTopics topics = context.topics();
        String id = system.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        system.entity(new EntityDefinition.AlarmPanel("alarm", null, stateTopic, valueOf("alarm_state"),
                topics.command(SYSTEM, id, "alarm"), List.of("arm_home", "arm_away"),
                context.options().alarmCodeRequired(), "{{ (value_json.alarm_attributes or {}) | tojson }}"));
        system.entity(new EntityDefinition.Sensor("connection_mode", "Connection mode", "enum", null, null,
                CONNECTION_MODES, stateTopic, valueOf("connection_mode"), "diagnostic", true));
        system.entity(new EntityDefinition.BinarySensor("power_outage", "Power outage", "problem", stateTopic,
                onWhen("power_outage"), null, "diagnostic"));
        events(system, "system", eventTypes("system"), null, context);
    }

    private void applyToChild(KnownDevice child, ObjectNode event, String type) {
        ObjectNode state = child.state();
        switch (type) {
            case "sensor_triggered" -> state.put("triggered", true);
            case "sensor_cleared" -> state.put("triggered", false);
            case "low_battery" -> state.put("low_battery", true);
            case "low_battery_cleared" -> state.put("low_battery", false);
            case "sensor_not_responding" -> child.availability(DeviceTopics.OFFLINE);
            case "sensor_restored" -> child.availability(DeviceTopics.ONLINE);
            case "lock_locked" -> state.put("lock_state", "LOCKED");
            case "lock_unlocked" -> state.put("lock_state", "UNLOCKED");
            case "lock_error" -> state.put("lock_state", "JAMMED");
            default -> {
                // An event only: the event entity shows it.
            }
        }
        if ("poll".equals(text(event, "origin"))) {
            // Poll events carry the whole sensor object: take every value it has, not only the one that changed.
            JsonNode raw = event.path("raw");
            copyBoolean(path(raw, "flags", "lowBattery"), state, "low_battery");
            JsonNode temperature = path(raw, "status", "temperature");
            if (temperature.isNumber()) {
                state.put("temperature", temperature.asDouble());
            }
            if (path(raw, "flags", "offline").isBoolean()) {
                child.availability(path(raw, "flags", "offline").asBoolean() ? DeviceTopics.OFFLINE : DeviceTopics.ONLINE);
            }
        }
    }

    private void defineChild(KnownDevice child, String label, EventContext context) {
        DeviceTopics topics = context.topics();
        String id = child.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        String kind;
        String eventClass = null;
        if ("lock".equals(label)) {
            kind = "lock";
            child.entity(new EntityDefinition.Lock("lock", null, stateTopic, valueOf("lock_state"),
                    topics.command(SYSTEM, id, "lock")));
            initialise(child, "lock_state");
        } else if (label != null && CAMERAS.contains(label)) {
            kind = "camera";
            eventClass = "doorbell".equals(label) ? "doorbell" : "motion";
        } else {
            kind = "sensor";
            if (label != null && MOTION.contains(label)) {
                child.entity(new EntityDefinition.BinarySensor("motion", null, "motion", topics.event(SYSTEM, id),
                        EventFields.eventSwitch(List.of("sensor_triggered", "secret_alert_triggered"), "sensor_cleared"),
                        context.options().motionOffDelaySeconds(), null));
            } else if (label != null && BINARY_CLASSES.containsKey(label)) {
                child.entity(new EntityDefinition.BinarySensor("triggered", null, BINARY_CLASSES.get(label), stateTopic,
                        onWhen("triggered"), null, null));
                initialise(child, "triggered");
            }
            if ("temperature".equals(label)) {
                child.entity(new EntityDefinition.Sensor("temperature", "Temperature", "temperature", "°F", "measurement",
                        null, stateTopic, valueOf("temperature"), null, true));
                initialise(child, "temperature");
            }
        }
        if (!"camera".equals(kind)) {
            child.entity(new EntityDefinition.BinarySensor("battery", "Battery", "battery", stateTopic, onWhen("low_battery"),
                    null, "diagnostic"));
            if (!child.state().has("low_battery")) {
                child.state().put("low_battery", false);
            }
        }
        events(child, kind, eventTypes(kind), eventClass, context);
    }

    /** The event entity and one trigger per type: the kind's list first, then types seen that it lacks. */
    private void events(KnownDevice device, String kind, List<String> known, String deviceClass, EventContext context) {
        Set<String> types = new LinkedHashSet<>(known);
        types.addAll(device.fact("event_types"));
        String eventTopic = context.topics().event(SYSTEM, device.deviceId());
        device.entity(new EntityDefinition.Event("event", "Event", deviceClass, new ArrayList<>(types), eventTopic));
        for (String type : types) {
            device.entity(new EntityDefinition.DeviceTrigger("trigger_" + DeviceTopics.segment(type), type, kind, eventTopic,
                    type));
        }
    }

    private static ObjectNode message(ObjectNode event, String type) {
        ObjectNode message = EventFields.eventMessage(event, type);
        EventFields.putIfSet(message, "info", text(event, "info"));
        EventFields.putIfSet(message, "changed_by", text(event, "changedBy"));
        return message;
    }

    private static void initialise(KnownDevice device, String field) {
        if (!device.state().has(field)) {
            device.state().putNull(field);
        }
    }

    private static void copyBoolean(JsonNode value, ObjectNode state, String field) {
        if (value.isBoolean()) {
            state.put(field, value.asBoolean());
        }
    }

    private static String modelName(String label) {
        if (label == null) {
            return null;
        }
        String words = label.replace('_', ' ');
        String model = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return MOTION.contains(label) || BINARY_CLASSES.containsKey(label) && !"siren".equals(label)
                ? model.replace(" v2", "") + " sensor" : model;
    }

    private static Map<String, List<String>> loadTypes(ObjectMapper json) {
        try (InputStream in = SimplisafeMapping.class.getResourceAsStream(TYPES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + TYPES_RESOURCE + " is missing from the jar");
            }
            JsonNode root = json.readTree(in);
            Map<String, List<String>> types = new java.util.LinkedHashMap<>();
            for (String kind : List.of("system", "sensor", "lock", "camera")) {
                List<String> list = new ArrayList<>();
                root.path(kind).forEach(node -> list.add(node.asText()));
                types.put(kind, List.copyOf(list));
            }
            return Map.copyOf(types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TYPES_RESOURCE, e);
        }
    }
}
