package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A program option as {@code programs/available/{programKey}} describes it, and the rules a
 * value must follow to be accepted.
 *
 * @param key         option key
 * @param name        human name, or {@code null}
 * @param type        {@code Int}, {@code Double}, {@code Boolean}, {@code String} or an enum type key
 * @param unit        unit of numeric values, or {@code null}
 * @param constraints {@code min}, {@code max}, {@code stepsize}, {@code allowedvalues}, {@code default} …
 */
record OptionDefinition(String key, String name, String type, String unit, ObjectNode constraints) {

    JsonNode defaultValue() {
        JsonNode declared = constraints.get("default");
        if (declared != null) {
            return declared;
        }
        if ("Boolean".equals(type)) {
            return SimulatorJson.NODES.booleanNode(false);
        }
        if (constraints.has("min")) {
            return constraints.get("min");
        }
        JsonNode allowed = constraints.get("allowedvalues");
        return allowed != null && allowed.size() > 0 ? allowed.get(0) : SimulatorJson.NODES.nullNode();
    }

    /** Why a value is refused, or {@code null} when it is acceptable. */
    ApiError refusal(JsonNode value) {
        if (value == null || value.isNull()) {
            return invalid("a value is required");
        }
        switch (type) {
            case "Boolean":
                return value.isBoolean() ? null : invalid("expected a boolean");
            case "Int":
                if (!value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 0) {
                    return invalid("expected an integer");
                }
                return rangeRefusal(value.decimalValue());
            case "Double":
                return value.isNumber() ? rangeRefusal(value.decimalValue()) : invalid("expected a number");
            case "String":
                return value.isTextual() ? null : invalid("expected a string");
            default:
                if (!value.isTextual()) {
                    return invalid("expected a member of " + type);
                }
                JsonNode allowed = constraints.get("allowedvalues");
                if (allowed != null) {
                    for (JsonNode member : allowed) {
                        if (member.asText().equals(value.asText())) {
                            return null;
                        }
                    }
                    return invalid(value.asText() + " is not one of the allowed values");
                }
                return null;
        }
    }

    /** The definition entry of {@code programs/available/{programKey}}. */
    ObjectNode definitionJson() {
        ObjectNode json = SimulatorJson.object();
        json.put("key", key);
        if (name != null) {
            json.put("name", name);
        }
        json.put("type", type);
        if (unit != null) {
            json.put("unit", unit);
        }
        json.set("constraints", constraints.deepCopy());
        return json;
    }

    /** An option value as program bodies and option endpoints carry it. */
    ObjectNode valueJson(JsonNode value) {
        ObjectNode json = SimulatorJson.object();
        json.put("key", key);
        if (name != null) {
            json.put("name", name);
        }
        json.set("value", value);
        if (unit != null) {
            json.put("unit", unit);
        }
        return json;
    }

    private ApiError rangeRefusal(BigDecimal number) {
        JsonNode min = constraints.get("min");
        JsonNode max = constraints.get("max");
        JsonNode step = constraints.get("stepsize");
        if (min != null && number.compareTo(min.decimalValue()) < 0) {
            return invalid(number + " is below the minimum " + min.asText());
        }
        if (max != null && number.compareTo(max.decimalValue()) > 0) {
            return invalid(number + " is above the maximum " + max.asText());
        }
        if (step != null && step.decimalValue().signum() > 0) {
            BigDecimal base = min == null ? BigDecimal.ZERO : min.decimalValue();
            if (number.subtract(base).remainder(step.decimalValue()).signum() != 0) {
                return invalid(number + " is not a multiple of the step size " + step.asText());
            }
        }
        return null;
    }

    private ApiError invalid(String why) {
        return new ApiError(409, "SDK.Error.InvalidOptionValue", "Invalid value for option " + key + ": " + why);
    }
}
