package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.onWhen;
import static io.github.camelsmarthome.homeassistant.discovery.EventFields.valueOf;

import io.github.camelsmarthome.homeassistant.discovery.HomeConnectApplianceTypes.Feature;
import io.github.camelsmarthome.homeassistant.discovery.HomeConnectApplianceTypes.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities of one Home Connect appliance (brief 7.2, 9.6, 9.7), from its type's row of
 * {@link HomeConnectApplianceTypes} and what the appliance reported: every appliance has its
 * operation state, remote-control flags, power switch, event entity and device triggers; the row
 * adds the door, program entities and settings; reported keys add the entities they need. The set
 * is computed whole, so an entity of a guess that the appliance list contradicts goes; it depends
 * only on the appliance's facts, so it is computed again only after one of them changed (most events,
 * remaining-time ticks above all, change none: issue #8).
 */
final class HomeConnectEntities {

    private static final String SYSTEM = HomeConnectMapping.SYSTEM;

    private HomeConnectEntities() {
    }

    /** The entity set of the type row (from the appliance list, else from family keys) plus what was seen. */
    static Profile profileOf(KnownDevice appliance) {
        Set<String> type = appliance.fact(HomeConnectMapping.TYPE);
        boolean typed = type.stream().anyMatch(HomeConnectApplianceTypes::isKnown);
        Profile profile = HomeConnectApplianceTypes.of(typed ? type : appliance.fact(HomeConnectMapping.INFERRED_TYPES));
        if (appliance.fact(HomeConnectMapping.SEEN).contains(HomeConnectMapping.PROGRAMS_SEEN)
            && !profile.has(Feature.PROGRAMS)) {
            // An appliance of a known type that has no remote start (a hob) does not get one from a program key.
            Set<Feature> seen = typed ? Set.of(Feature.PROGRAMS) : Set.of(Feature.PROGRAMS, Feature.REMOTE_START);
            profile = profile.and(new Profile(seen, List.of(), List.of()));
        }
        return profile;
    }

    /**
     * Every setting entity of the appliance, by entity key: its row's, the known settings it
     * reported, and a switch per other Boolean setting it reported.
     */
    static Map<String, HomeConnectSetting> settingsOf(KnownDevice appliance) {
        Map<String, HomeConnectSetting> settings = new LinkedHashMap<>();
        profileOf(appliance).settings().forEach(setting -> settings.put(setting.entity(), setting));
        for (String key : appliance.fact(HomeConnectMapping.SETTINGS_SEEN)) {
            HomeConnectSetting known = HomeConnectApplianceTypes.KNOWN_SETTINGS.get(key);
            settings.putIfAbsent(known.entity(), known);
        }
        for (String key : appliance.fact(HomeConnectMapping.BOOLEAN_SETTINGS)) {
            String field = settingField(key);
            settings.putIfAbsent(field, HomeConnectSetting.toggle(field, words(HomeConnectMapping.lastSegment(key)), key));
        }
        return settings;
    }

    /** The setting entity {@code entity} of the appliance, if it has one. */
    static Optional<HomeConnectSetting> setting(KnownDevice appliance, String entity) {
        return Optional.ofNullable(settingsOf(appliance).get(entity));
    }

    /** The state field and entity key of another Boolean setting: {@code setting_} and its name in snake case. */
    static String settingField(String key) {
        return "setting_" + HomeConnectMapping.snake(HomeConnectMapping.lastSegment(key));
    }

    /** The state field of a compartment door ({@code Freezer}: {@code door_freezer}); also its entity key. */
    static String compartmentDoorField(String door) {
        return "door_" + HomeConnectMapping.snake(door);
    }

    /** Replaces the appliance's entities with the set it has now, unless no fact changed since the last time. */
    static void define(KnownDevice appliance, DeviceTopics topics) {
        if (appliance.entitiesReflectFacts()) {
            return;
        }
        Profile profile = profileOf(appliance);
        String id = appliance.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        List<EntityDefinition> entities = new ArrayList<>();
        entities.add(new EntityDefinition.Sensor("operation_state", "Operation state", "enum", null, null,
                HomeConnectMapping.OPERATION_STATES, stateTopic, valueOf("operation_state"), null, true));
        if (profile.has(Feature.DOOR)) {
            entities.add(new EntityDefinition.BinarySensor("door", "Door", "door", stateTopic,
                    EventFields.onWhenEquals("door_state", "open"), null, null));
        }
        for (String door : appliance.fact(HomeConnectMapping.COMPARTMENT_DOORS)) {
            String field = compartmentDoorField(door);
            entities.add(new EntityDefinition.BinarySensor(field, words(door) + " door", "door", stateTopic,
                    EventFields.onWhenEquals(field, "open"), null, null));
        }
        entities.add(new EntityDefinition.BinarySensor("remote_control", "Remote control active", null, stateTopic,
                onWhen("remote_control_active"), null, "diagnostic"));
        entities.add(new EntityDefinition.BinarySensor("remote_start", "Remote start allowed", null, stateTopic,
                onWhen("remote_start_allowed"), null, "diagnostic"));
        if (profile.has(Feature.PROGRAMS)) {
            programEntities(appliance, profile, topics, entities);
        }
        if (appliance.fact(HomeConnectMapping.SEEN).contains("cavity_temperature")) {
            entities.add(new EntityDefinition.Sensor("cavity_temperature", "Cavity temperature", "temperature", "°C",
                    "measurement", null, stateTopic, valueOf("cavity_temperature"), null, true));
        }
        entities.add(new EntityDefinition.Switch("power", "Power", stateTopic, valueOf("power"),
                topics.command(SYSTEM, id, "power"), "on", "standby"));
        for (HomeConnectSetting setting : settingsOf(appliance).values()) {
            if (!appliance.state().has(setting.field())) {
                appliance.state().putNull(setting.field());
            }
            entities.add(setting.definition(stateTopic, topics.command(SYSTEM, id, setting.entity())));
        }
        eventEntities(appliance, profile, topics, entities);
        appliance.entities(entities);
    }

    private static void programEntities(KnownDevice appliance, Profile profile, DeviceTopics topics,
            List<EntityDefinition> entities) {
        String id = appliance.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        entities.add(new EntityDefinition.Sensor("program_progress", "Program progress", null, "%", "measurement", null,
                stateTopic, valueOf("program_progress"), null, true));
        entities.add(new EntityDefinition.Sensor("remaining_time", "Remaining program time", "duration", "s", null, null,
                stateTopic, valueOf("remaining_program_time"), null, true));
        entities.add(new EntityDefinition.Sensor("finish_time", "Program finish time", "timestamp", null, null, null,
                stateTopic, valueOf("program_finish_time"), null, true));
        List<String> programs = new ArrayList<>(appliance.fact("programs"));
        String active = topics.command(SYSTEM, id, "program/active");
        entities.add(new EntityDefinition.Select("program", "Program", programs, stateTopic,
                valueOf("selected_program"), topics.command(SYSTEM, id, "program/selected"), null));
        if (profile.has(Feature.REMOTE_START)) {
            entities.add(new EntityDefinition.Select("active_program", "Active program", programs, stateTopic,
                    valueOf("active_program"), active, "{\"program\": \"{{ value }}\"}"));
            entities.add(new EntityDefinition.Button("start", "Start program", active, "start",
                    new EntityDefinition.AvailabilityGate(stateTopic,
                            "{{ 'online' if value_json.remote_start_allowed else 'offline' }}")));
        } else {
            entities.add(new EntityDefinition.Sensor("active_program", "Active program", null, null, null, null,
                    stateTopic, valueOf("active_program"), null, true));
        }
        entities.add(new EntityDefinition.Button("stop", "Stop program", active, "stop", null));
        if (profile.has(Feature.PAUSE)) {
            entities.add(new EntityDefinition.Button("pause", "Pause program", active, "pause", null));
        }
        if (profile.has(Feature.RESUME)) {
            entities.add(new EntityDefinition.Button("resume", "Resume program", active, "resume", null));
        }
    }

    private static void eventEntities(KnownDevice appliance, Profile profile, DeviceTopics topics,
            List<EntityDefinition> entities) {
        Set<String> types = new LinkedHashSet<>();
        profile.eventKeys().forEach(key -> types.add(HomeConnectMapping.snake(key)));
        types.addAll(appliance.fact("event_types"));
        if (types.isEmpty()) {
            // HA needs at least one event type; the entity comes with the first EVENT key.
            return;
        }
        String eventTopic = topics.event(SYSTEM, appliance.deviceId());
        entities.add(new EntityDefinition.Event("program_event", "Event", null, new ArrayList<>(types), eventTopic));
        for (String type : types) {
            entities.add(new EntityDefinition.DeviceTrigger("trigger_" + DeviceTopics.segment(type), type, "appliance",
                    eventTopic, type));
        }
    }

    /** {@code SuperModeFreezer} → {@code Super mode freezer}. */
    static String words(String camel) {
        String spaced = HomeConnectMapping.snake(camel).replace('_', ' ');
        return spaced.isEmpty() ? camel : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
