package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One writable Home Connect value as a Home Assistant entity: a boolean setting as a switch
 * ({@code ON} / {@code OFF}), a number setting or program option as a number with its range. The
 * same record writes the entity and checks a command against it ({@link #valueOf}), so what HA is
 * offered and what the bridge accepts cannot drift apart.
 *
 * @param entity    the entity key, last part of the unique id and of the command topic ({@code child_lock})
 * @param name      the entity name HA shows
 * @param key       the Home Connect key written ({@code BSH.Common.Setting.ChildLock})
 * @param field     the field of the appliance's state document holding the current value
 * @param numeric   {@code false}: a switch of a Boolean value; {@code true}: a number
 * @param option    {@code true} when {@code key} is an option of the selected program rather than a setting
 * @param unit      the unit, {@code null} for switches
 * @param deviceClass HA's device class of the number, or {@code null}
 * @param min       the smallest value accepted, {@code null} for switches
 * @param max       the largest value accepted, {@code null} for switches
 * @param step      values are {@code min + n * step}, {@code null} for switches
 */
public record HomeConnectSetting(String entity, String name, String key, String field, boolean numeric, boolean option,
        String unit, String deviceClass, BigDecimal min, BigDecimal max, BigDecimal step) {

    /** Rejects a number without a range. */
    public HomeConnectSetting {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(field, "field");
        if (numeric && (min == null || max == null || step == null || step.signum() <= 0 || min.compareTo(max) > 0)) {
            throw new IllegalArgumentException("a number needs min <= max and a positive step: " + key);
        }
    }

    /** A Boolean setting as a switch whose state field is the entity key. */
    static HomeConnectSetting toggle(String entity, String name, String key) {
        return new HomeConnectSetting(entity, name, key, entity, false, false, null, null, null, null, null);
    }

    /** A number setting whose state field is the entity key. */
    static HomeConnectSetting number(String entity, String name, String key, String unit, String deviceClass, int min,
            int max, int step) {
        return new HomeConnectSetting(entity, name, key, entity, true, false, unit, deviceClass, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), BigDecimal.valueOf(step));
    }

    /** This value as an option of the selected program, kept in {@code stateField}. */
    HomeConnectSetting asOption(String stateField) {
        return new HomeConnectSetting(entity, name, key, stateField, numeric, true, unit, deviceClass, min, max, step);
    }

    /** The producer operation that writes it: {@code setSetting} or {@code setSelectedProgramOption}. */
    public String operation() {
        return option ? "setSelectedProgramOption" : "setSetting";
    }

    /**
     * What to write for a command payload: {@code true}/{@code false} for {@code ON}/{@code OFF}, a
     * number inside the range on a step (options with their unit, {@code {"value": 200, "unit": "°C"}}).
     *
     * @throws IllegalArgumentException saying what is accepted, when the payload is not
     */
    public JsonNode valueOf(String payload) {
        String text = payload == null ? "" : payload.trim();
        if (!numeric) {
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "ON" -> JsonNodeFactory.instance.booleanNode(true);
                case "OFF" -> JsonNodeFactory.instance.booleanNode(false);
                default -> throw new IllegalArgumentException(entity + " takes ON or OFF");
            };
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(entity + " takes a number from " + min.toPlainString() + " to "
                                               + max.toPlainString() + ", not that payload");
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new IllegalArgumentException(entity + " takes a number from " + min.toPlainString() + " to "
                                               + max.toPlainString() + (unit == null ? "" : " " + unit));
        }
        if (number.subtract(min).remainder(step).signum() != 0) {
            throw new IllegalArgumentException(entity + " takes steps of " + step.toPlainString() + " from "
                                               + min.toPlainString());
        }
        BigDecimal exact = number.stripTrailingZeros();
        JsonNode value = exact.scale() <= 0 ? JsonNodeFactory.instance.numberNode(exact.longValueExact())
                : JsonNodeFactory.instance.numberNode(exact.doubleValue());
        if (!option) {
            return value;
        }
        ObjectNode withUnit = JsonNodeFactory.instance.objectNode();
        withUnit.set("value", value);
        withUnit.put("unit", unit);
        return withUnit;
    }

    /** The entity: a switch or a number on the appliance's state topic, commands on {@code commandTopic}. */
    EntityDefinition definition(String stateTopic, String commandTopic) {
        if (numeric) {
            return new EntityDefinition.Number(entity, name, deviceClass, unit, min, max, step, stateTopic,
                    EventFields.valueOf(field), commandTopic, option ? null : "config");
        }
        // Unknown stays unknown: HA's MQTT switch reads the payload None as "no state".
        String template = "{{ 'None' if value_json." + field + " is none else ('ON' if value_json." + field
                          + " else 'OFF') }}";
        return new EntityDefinition.Switch(entity, name, stateTopic, template, commandTopic, "ON", "OFF");
    }
}
