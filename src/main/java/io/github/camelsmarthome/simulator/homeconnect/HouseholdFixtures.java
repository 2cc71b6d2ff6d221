package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the five appliance profiles from the Home Assistant fixtures ({@code ha-core/*.json})
 * and the project's own {@code appliance-profiles.json}.
 *
 * <p>The fixtures are read as they are, quirks included (see the README next to them): the
 * oven's {@code contraints} is served as {@code constraints}, type keys match ignoring case, and
 * the refrigerator door status is kept off non-refrigerators.
 */
final class HouseholdFixtures {

    private HouseholdFixtures() {
    }

    static List<ApplianceProfile> load() {
        JsonNode authored = SimulatorJson.resource("appliance-profiles.json");
        JsonNode appliances = SimulatorJson.resource("ha-core/appliances.json").path("data").path("homeappliances");
        JsonNode status = SimulatorJson.resource("ha-core/status.json").path("data").path("status");
        JsonNode settings = SimulatorJson.resource("ha-core/settings.json");
        JsonNode programs = SimulatorJson.resource("ha-core/programs.json");
        JsonNode available = SimulatorJson.resource("ha-core/programs-available.json");
        JsonNode active = SimulatorJson.resource("ha-core/programs-active.json");
        JsonNode commands = SimulatorJson.resource("ha-core/available_commands.json");
        Map<String, OptionDefinition> sharedOptions = sharedOptions(authored.path("options"), active);

        List<ApplianceProfile> profiles = new ArrayList<>();
        for (JsonNode profile : authored.path("appliances")) {
            String type = profile.path("type").asText();
            ObjectNode identity = findByType(appliances, type);
            List<ObjectNode> initialStatus = status(status, profile);
            List<ObjectNode> initialSettings = new ArrayList<>();
            typeKeyed(settings, type).path("data").path("settings").forEach(s -> initialSettings.add(s.deepCopy()));
            profile.path("settingsAdded").forEach(s -> initialSettings.add(s.deepCopy()));
            Map<String, ObjectNode> constraints = new LinkedHashMap<>();
            profile.path("settingConstraints").fields()
                    .forEachRemaining(e -> constraints.put(e.getKey(), (ObjectNode) e.getValue().deepCopy()));

            ArrayNode listing = listing(typeKeyed(programs, type), profile.path("extraPrograms"));
            ArrayNode availableListing = listing(typeKeyed(available, type), profile.path("extraPrograms"));
            Map<String, ProgramDefinition> definitions = programDefinitions(profile, listing, sharedOptions);
            ArrayNode commandList = SimulatorJson.NODES.arrayNode();
            typeKeyed(commands, type).path("commands").forEach(c -> commandList.add(c.deepCopy()));

            profiles.add(new ApplianceProfile(identity, identity.path("haId").asText(), type, initialStatus, initialSettings,
                    constraints, listing, availableListing, definitions, commandList,
                    DoorBehaviour.valueOf(profile.path("door").asText("NONE")),
                    objects(profile.path("activeProgramExtras")),
                    texts(profile.path("finishEvents")),
                    profile.hasNonNull("preheatEvent") ? profile.get("preheatEvent").asText() : null,
                    profile.path("changeActiveOptions").asBoolean(false)));
        }
        // The API lists appliances in the order of the fixture, not of the authored file.
        List<String> order = new ArrayList<>();
        appliances.forEach(appliance -> order.add(appliance.path("haId").asText()));
        profiles.sort(Comparator.comparingInt(profile -> order.indexOf(profile.haId())));
        return profiles;
    }

    private static ObjectNode findByType(JsonNode appliances, String type) {
        for (JsonNode appliance : appliances) {
            if (appliance.path("type").asText().equals(type)) {
                return appliance.deepCopy();
            }
        }
        throw new IllegalStateException("appliances.json has no appliance of type " + type);
    }

    /** The shared status body minus keys that make no sense for this appliance, plus authored keys. */
    private static List<ObjectNode> status(JsonNode shared, JsonNode profile) {
        List<String> excluded = texts(profile.path("statusExcluded"));
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : shared) {
            String key = item.path("key").asText();
            if (!key.startsWith("Refrigeration.") && !excluded.contains(key)) {
                items.add(item.deepCopy());
            }
        }
        profile.path("statusAdded").forEach(item -> items.add(item.deepCopy()));
        return items;
    }

    private static JsonNode typeKeyed(JsonNode byType, String type) {
        for (Iterator<String> names = byType.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equalsIgnoreCase(type)) {
                return byType.get(name);
            }
        }
        return SimulatorJson.NODES.missingNode();
    }

    private static ArrayNode listing(JsonNode body, JsonNode extraPrograms) {
        ArrayNode listing = SimulatorJson.NODES.arrayNode();
        List<JsonNode> entries = new ArrayList<>();
        body.path("data").path("programs").forEach(entries::add);
        extraPrograms.forEach(entries::add);
        for (JsonNode entry : entries) {
            ObjectNode program = SimulatorJson.object();
            entry.fields().forEachRemaining(field -> {
                String name = "contraints".equals(field.getKey()) ? "constraints" : field.getKey();
                program.set(name, field.getValue().deepCopy());
            });
            listing.add(program);
        }
        return listing;
    }

    private static Map<String, ProgramDefinition> programDefinitions(
            JsonNode profile, ArrayNode listing, Map<String, OptionDefinition> sharedOptions) {
        Map<String, ProgramDefinition> definitions = new LinkedHashMap<>();
        for (JsonNode listed : listing) {
            String key = listed.path("key").asText();
            JsonNode authored = profile.path("programs").path(key);
            List<OptionDefinition> options = new ArrayList<>();
            for (JsonNode optionKey : authored.path("options")) {
                OptionDefinition shared = sharedOptions.get(optionKey.asText());
                if (shared == null) {
                    throw new IllegalStateException("appliance-profiles.json: unknown option " + optionKey.asText());
                }
                JsonNode override = authored.path("optionConstraints").path(shared.key());
                ObjectNode constraints = shared.constraints().deepCopy();
                if (override.isObject()) {
                    constraints.setAll((ObjectNode) override.deepCopy());
                }
                options.add(new OptionDefinition(shared.key(), shared.name(), shared.type(), shared.unit(), constraints));
            }
            String name = listed.hasNonNull("name") ? listed.get("name").asText() : authored.path("name").asText(null);
            definitions.put(key, new ProgramDefinition(key, name, listed.path("constraints").path("execution").asText("none"),
                    options, authored.path("runSeconds").asLong(3600)));
        }
        return definitions;
    }

    /** Authored option definitions, named after the oven's active-program fixture where it names them. */
    private static Map<String, OptionDefinition> sharedOptions(JsonNode authored, JsonNode activeFixture) {
        Map<String, String> names = new LinkedHashMap<>();
        activeFixture.path("Oven").path("data").path("options")
                .forEach(option -> names.put(option.path("key").asText(), option.path("name").asText(null)));
        Map<String, OptionDefinition> options = new LinkedHashMap<>();
        authored.fields().forEachRemaining(e -> {
            JsonNode definition = e.getValue();
            options.put(e.getKey(), new OptionDefinition(e.getKey(), names.get(e.getKey()), definition.path("type").asText(),
                    definition.hasNonNull("unit") ? definition.get("unit").asText() : null,
                    (ObjectNode) definition.path("constraints").deepCopy()));
        });
        return options;
    }

    private static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> objects = new ArrayList<>();
        array.forEach(node -> objects.add((ObjectNode) node.deepCopy()));
        return objects;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
