package io.github.camelsmarthome.homeassistant.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which entities each Home Connect appliance type gets (docs/home-assistant.md): one row per type of
 * GET /homeappliances (brief 4.1). Facts come from the brief: fridges, freezers and wine coolers have
 * no programs (pitfall 5), the commands each type offers (fixture {@code available_commands.json}:
 * pause only where PauseProgram is listed), the event keys of section 5 and the settings of 4.2.
 * An appliance whose type is not known gets {@link #UNKNOWN}, and entities for the keys it sends.
 */
final class HomeConnectApplianceTypes {

    /** Parts of an appliance's entity set besides those every appliance has. */
    enum Feature {
        /** {@code BSH.Common.Status.DoorState} as a door sensor. */
        DOOR,
        /** Program select, stop button, progress, remaining and finish time. */
        PROGRAMS,
        /** The start button and the active-program select (which starts what it is given). */
        REMOTE_START,
        /** {@code BSH.Common.Command.PauseProgram}. */
        PAUSE,
        /** {@code BSH.Common.Command.ResumeProgram}. */
        RESUME
    }

    /**
     * The entity set of one type.
     *
     * @param features   the optional parts it has
     * @param eventKeys  the last segments of the EVENT keys it may send ({@code ProgramFinished}); each
     *                   becomes an event type and a device trigger published up front
     * @param settings   the settings and options it gets entities for before they are first reported
     */
    record Profile(Set<Feature> features, List<String> eventKeys, List<HomeConnectSetting> settings) {
        /** Copies the parts. */
        Profile {
            features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            eventKeys = List.copyOf(eventKeys);
            settings = List.copyOf(settings);
        }

        boolean has(Feature feature) {
            return features.contains(feature);
        }

        /** The union of two sets: an appliance whose keys reveal a second family gets both. */
        Profile and(Profile other) {
            Set<Feature> union = EnumSet.copyOf(features);
            union.addAll(other.features);
            Set<String> events = new LinkedHashSet<>(eventKeys);
            events.addAll(other.eventKeys);
            Map<String, HomeConnectSetting> all = new LinkedHashMap<>();
            settings.forEach(setting -> all.put(setting.entity(), setting));
            other.settings.forEach(setting -> all.putIfAbsent(setting.entity(), setting));
            return new Profile(union, new ArrayList<>(events), new ArrayList<>(all.values()));
        }
    }

    static final HomeConnectSetting CHILD_LOCK = HomeConnectSetting.toggle("child_lock", "Child lock",
            "BSH.Common.Setting.ChildLock");
    static final HomeConnectSetting AMBIENT_LIGHT = HomeConnectSetting.toggle("ambient_light", "Ambient light",
            "BSH.Common.Setting.AmbientLightEnabled");
    // Percentages: the brief gives the unit, not the range; 0-100 is what a percentage can be.
    static final HomeConnectSetting AMBIENT_LIGHT_BRIGHTNESS = HomeConnectSetting.number("ambient_light_brightness",
            "Ambient light brightness", "BSH.Common.Setting.AmbientLightBrightness", "%", null, 0, 100, 1);
    static final HomeConnectSetting LIGHTING = HomeConnectSetting.toggle("lighting", "Lighting",
            "Cooking.Common.Setting.Lighting");
    static final HomeConnectSetting LIGHTING_BRIGHTNESS = HomeConnectSetting.number("lighting_brightness",
            "Lighting brightness", "Cooking.Common.Setting.LightingBrightness", "%", null, 0, 100, 1);
    static final HomeConnectSetting COLOR_TEMPERATURE = HomeConnectSetting.number("color_temperature",
            "Colour temperature", "Cooking.Hood.Setting.ColorTemperaturePercent", "%", null, 0, 100, 1);
    /** Brief 4.3 (aiohomeconnect's oven range 30-250 °C) and 9.7 (entity {@code setpoint}, field {@code setpoint_temperature}). */
    static final HomeConnectSetting OVEN_SETPOINT = HomeConnectSetting.number("setpoint", "Target temperature",
            "Cooking.Oven.Option.SetpointTemperature", "°C", "temperature", 30, 250, 1).asOption("setpoint_temperature");

    /** Every writable key the table knows, by Home Connect key: an appliance that reports one gets its entity. */
    static final Map<String, HomeConnectSetting> KNOWN_SETTINGS = byKey(CHILD_LOCK, AMBIENT_LIGHT, AMBIENT_LIGHT_BRIGHTNESS,
            LIGHTING, LIGHTING_BRIGHTNESS, COLOR_TEMPERATURE, OVEN_SETPOINT);

    private static final List<String> PROGRAM_EVENTS = List.of("ProgramFinished", "ProgramAborted");
    private static final Set<Feature> LAUNDRY = EnumSet.allOf(Feature.class);
    private static final Set<Feature> PROGRAMMED = EnumSet.of(Feature.PROGRAMS, Feature.REMOTE_START);

    /** Operation state, door, remote flags, power and the events any appliance may send; more as keys arrive. */
    static final Profile UNKNOWN = new Profile(EnumSet.of(Feature.DOOR),
            List.of("ProgramFinished", "ProgramAborted", "AlarmClockElapsed"), List.of());

    private static final Map<String, Profile> BY_TYPE = table();

    private HomeConnectApplianceTypes() {
    }

    private static Map<String, Profile> table() {
        Map<String, Profile> types = new LinkedHashMap<>();
        types.put("Washer", new Profile(LAUNDRY, plus(PROGRAM_EVENTS, "IDos1FillLevelPoor"), List.of(CHILD_LOCK)));
        types.put("Dryer", new Profile(LAUNDRY, plus(PROGRAM_EVENTS, "DryingProcessFinished"), List.of(CHILD_LOCK)));
        types.put("WasherDryer", new Profile(LAUNDRY, PROGRAM_EVENTS, List.of(CHILD_LOCK)));
        types.put("Dishwasher", new Profile(EnumSet.of(Feature.DOOR, Feature.PROGRAMS, Feature.REMOTE_START, Feature.RESUME),
                plus(PROGRAM_EVENTS, "SaltNearlyEmpty", "RinseAidNearlyEmpty"),
                List.of(CHILD_LOCK, AMBIENT_LIGHT, AMBIENT_LIGHT_BRIGHTNESS)));
        types.put("Oven", new Profile(LAUNDRY, plus(PROGRAM_EVENTS, "PreheatFinished", "AlarmClockElapsed"),
                List.of(OVEN_SETPOINT)));
        types.put("Microwave", new Profile(with(PROGRAMMED, Feature.DOOR), PROGRAM_EVENTS, List.of()));
        types.put("WarmingDrawer", new Profile(with(PROGRAMMED, Feature.DOOR), PROGRAM_EVENTS, List.of()));
        types.put("CoffeeMaker", new Profile(PROGRAMMED, plus(PROGRAM_EVENTS, "WaterTankEmpty", "BeanContainerEmpty",
                "DripTrayFull", "DescalingIn5Cups"), List.of(CHILD_LOCK)));
        // Brief pitfall 5: only programs/active and programs/selected answer on a cook processor.
        types.put("CookProcessor", new Profile(PROGRAMMED, PROGRAM_EVENTS, List.of()));
        // Brief 7: a hood's fan is run by starting and stopping programs; a hood has no door.
        types.put("Hood", new Profile(PROGRAMMED, PROGRAM_EVENTS,
                List.of(LIGHTING, LIGHTING_BRIGHTNESS, COLOR_TEMPERATURE, AMBIENT_LIGHT, AMBIENT_LIGHT_BRIGHTNESS)));
        // A hob offers no remote start (only AcknowledgeEvent among its commands) and has no door.
        Profile hob = new Profile(EnumSet.noneOf(Feature.class), List.of("AlarmClockElapsed"), List.of());
        types.put("Hob", hob);
        types.put("Cooktop", hob);
        types.put("CleaningRobot", new Profile(with(PROGRAMMED, Feature.PAUSE, Feature.RESUME), PROGRAM_EVENTS, List.of()));
        types.put("AirConditioner", new Profile(PROGRAMMED, PROGRAM_EVENTS, List.of()));
        // Brief pitfall 5: no programs; section 5: the FridgeFreezer door and temperature alarms.
        types.put("FridgeFreezer", new Profile(EnumSet.of(Feature.DOOR),
                List.of("DoorAlarmFreezer", "DoorAlarmRefrigerator", "TemperatureAlarmFreezer"), List.of()));
        types.put("Refrigerator", new Profile(EnumSet.of(Feature.DOOR), List.of("DoorAlarmRefrigerator"), List.of()));
        types.put("Freezer", new Profile(EnumSet.of(Feature.DOOR), List.of("DoorAlarmFreezer", "TemperatureAlarmFreezer"),
                List.of()));
        types.put("WineCooler", new Profile(EnumSet.of(Feature.DOOR), List.of(), List.of()));
        return Map.copyOf(types);
    }

    /** The row of a type as GET /homeappliances names it; empty for a type the table lacks. */
    static Optional<Profile> of(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** Every type the table has a row for. */
    static Set<String> types() {
        return BY_TYPE.keySet();
    }

    /** Whether the table has a row for {@code type}. */
    static boolean isKnown(String type) {
        return type != null && BY_TYPE.containsKey(type);
    }

    /** The union of the rows of {@code types}; {@link #UNKNOWN} when none has one. */
    static Profile of(Collection<String> types) {
        Profile merged = null;
        for (String type : types) {
            Profile row = BY_TYPE.get(type);
            if (row != null) {
                merged = merged == null ? row : merged.and(row);
            }
        }
        return merged == null ? UNKNOWN : merged;
    }

    /**
     * The type a key names in its second segment, as program, option, status and event keys of a
     * family do ({@code LaundryCare.Washer.Program.Cotton}, {@code Cooking.Oven.Event.PreheatFinished},
     * {@code Refrigeration.FridgeFreezer.Event.DoorAlarmFreezer}); empty for shared keys
     * ({@code BSH.Common...}, {@code Cooking.Common...}) and types the table lacks.
     */
    static Optional<String> typeNamedBy(String key) {
        String[] parts = key.split("\\.", 4);
        return parts.length >= 3 && BY_TYPE.containsKey(parts[1]) ? Optional.of(parts[1]) : Optional.empty();
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<Feature> with(Set<Feature> base, Feature... more) {
        Set<Feature> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    private static Map<String, HomeConnectSetting> byKey(HomeConnectSetting... settings) {
        Map<String, HomeConnectSetting> byKey = new LinkedHashMap<>();
        for (HomeConnectSetting setting : settings) {
            byKey.put(setting.key(), setting);
        }
        return Map.copyOf(byKey);
    }
}
