package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A program an appliance offers: how it may be used ({@code execution}), its options and how long
 * it runs when the options do not say.
 *
 * @param key        program key
 * @param name       human name, or {@code null}
 * @param execution  {@code none}, {@code selectonly}, {@code startonly} or {@code selectandstart}
 * @param options    option definitions
 * @param runSeconds appliance seconds the program runs unless a {@code Duration} option says otherwise
 */
record ProgramDefinition(String key, String name, String execution, List<OptionDefinition> options, long runSeconds) {

    static final String DURATION = "BSH.Common.Option.Duration";

    ProgramDefinition {
        options = List.copyOf(options);
    }

    boolean startable() {
        return "selectandstart".equals(execution) || "startonly".equals(execution);
    }

    boolean selectable() {
        return "selectandstart".equals(execution) || "selectonly".equals(execution);
    }

    OptionDefinition option(String optionKey) {
        return options.stream().filter(option -> option.key().equals(optionKey)).findFirst().orElse(null);
    }

    ObjectNode definitionJson() {
        ObjectNode json = SimulatorJson.object();
        json.put("key", key);
        if (name != null) {
            json.put("name", name);
        }
        ArrayNode array = json.putArray("options");
        options.forEach(option -> array.add(option.definitionJson()));
        return json;
    }
}
