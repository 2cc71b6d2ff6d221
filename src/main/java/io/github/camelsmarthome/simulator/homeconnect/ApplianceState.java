package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An appliance's link (connected, paired), status values and settings, with the rules for
 * writing settings (brief sections 4.2 and 6.3). Callers hold the appliance's lock.
 */
final class ApplianceState {

    private final ApplianceProfile profile;
    private final ApplianceEmitter emitter;
    private final Map<String, ObjectNode> status = new LinkedHashMap<>();
    private final Map<String, ObjectNode> settings = new LinkedHashMap<>();
    private boolean connected = true;
    private boolean paired = true;

    ApplianceState(ApplianceProfile profile, ApplianceEmitter emitter) {
        this.profile = profile;
        this.emitter = emitter;
        profile.initialStatus().forEach(item -> status.put(item.path("key").asText(), item.deepCopy()));
        profile.initialSettings().forEach(item -> settings.put(item.path("key").asText(), item.deepCopy()));
    }

    boolean connected() {
        return connected;
    }

    boolean paired() {
        return paired;
    }

    void setConnected(boolean connected) {
        this.connected = connected;
        emitter.setOnline(connected && paired);
    }

    void setPaired(boolean paired) {
        this.paired = paired;
        emitter.setOnline(connected && paired);
    }

    /** The 409 every appliance call gets while the appliance has no cloud link. */
    void requireOnline() {
        if (!connected) {
            throw new ApiErrorException(ApiError.offline());
        }
    }

    JsonNode statusValue(String key) {
        ObjectNode item = status.get(key);
        return item == null ? null : item.get("value");
    }

    boolean statusFlag(String key) {
        JsonNode value = statusValue(key);
        return value != null && value.asBoolean(false);
    }

    /** The operation state's last segment: {@code Ready}, {@code Run} … */
    String operationState() {
        return suffix(statusValue(BshKeys.OPERATION_STATE), BshKeys.OPERATION_STATE_PREFIX);
    }

    String doorState() {
        return suffix(statusValue(BshKeys.DOOR_STATE), BshKeys.DOOR_STATE_PREFIX);
    }

    JsonNode settingValue(String key) {
        ObjectNode item = settings.get(key);
        return item == null ? null : item.get("value");
    }

    boolean poweredOn() {
        JsonNode power = settingValue(BshKeys.POWER_STATE);
        return power == null || power.asText().equals(BshKeys.POWER_STATE_PREFIX + "On");
    }

    /** Changes a status value and sends the STATUS event, if it changed. */
    void setStatus(String key, JsonNode value) {
        ObjectNode item = itemFor(status, key);
        if (value.equals(item.get("value"))) {
            return;
        }
        item.set("value", value);
        emitter.status(key, value);
    }

    void setOperationState(String state) {
        setStatus(BshKeys.OPERATION_STATE, SimulatorJson.NODES.textNode(BshKeys.OPERATION_STATE_PREFIX + state));
    }

    void setDoorState(String state) {
        setStatus(BshKeys.DOOR_STATE, SimulatorJson.NODES.textNode(BshKeys.DOOR_STATE_PREFIX + state));
    }

    ObjectNode statusBody() {
        requireOnline();
        return listBody("status", status);
    }

    ObjectNode statusItem(String key) {
        requireOnline();
        ObjectNode item = status.get(key);
        if (item == null) {
            throw new ApiErrorException(ApiError.notFound("SDK.Error.UnsupportedStatus", "Status is not supported: " + key));
        }
        ObjectNode copy = item.deepCopy();
        copy.putObject("constraints").put("access", "read");
        return copy;
    }

    ObjectNode settingsBody() {
        requireOnline();
        return listBody("settings", settings);
    }

    ObjectNode settingItem(String key) {
        requireOnline();
        ObjectNode copy = existingSetting(key).deepCopy();
        ObjectNode constraints = profile.settingConstraints().get(key);
        copy.set("constraints", constraints == null ? accessOnly("readWrite") : constraints.deepCopy());
        return copy;
    }

    /**
     * A setting write from the API: validated against the setting's type and constraints, then
     * applied and announced with a NOTIFY.
     */
    void writeSetting(String key, JsonNode value, boolean programActive) {
        requireOnline();
        ObjectNode item = existingSetting(key);
        ObjectNode constraints = profile.settingConstraints().getOrDefault(key, accessOnly("readWrite"));
        if ("read".equals(constraints.path("access").asText())) {
            throw new ApiErrorException(invalidState(key));
        }
        ApiError refusal = settingRefusal(key, item.path("type").asText(), constraints, value);
        if (refusal != null) {
            throw new ApiErrorException(refusal);
        }
        if (BshKeys.POWER_STATE.equals(key)) {
            boolean on = value.asText().equals(BshKeys.POWER_STATE_PREFIX + "On");
            if (!on && programActive) {
                throw new ApiErrorException(invalidState(key));
            }
        }
        applySetting(key, value);
    }

    /** Sets a setting without API checks (the appliance itself changed it) and announces it. */
    void applySetting(String key, JsonNode value) {
        ObjectNode item = itemFor(settings, key);
        if (value.equals(item.get("value"))) {
            return;
        }
        item.set("value", value);
        emitter.notification().setting(key, value, item.hasNonNull("unit") ? item.get("unit").asText() : null).send();
        if (BshKeys.POWER_STATE.equals(key)) {
            boolean on = value.asText().equals(BshKeys.POWER_STATE_PREFIX + "On");
            String operation = operationState();
            if (!on) {
                setOperationState("Inactive");
            } else if ("Inactive".equals(operation) || operation == null) {
                setOperationState("Ready");
            }
        }
    }

    /** The item of a key, created on first use: the appliance may report keys the fixtures lack. */
    private static ObjectNode itemFor(Map<String, ObjectNode> items, String key) {
        return items.computeIfAbsent(key, k -> {
            ObjectNode created = SimulatorJson.object();
            created.put("key", k);
            return created;
        });
    }

    private ObjectNode existingSetting(String key) {
        ObjectNode item = settings.get(key);
        if (item == null) {
            // Observed: 409 with this key for settings an appliance does not have (see the README of the package).
            throw new ApiErrorException(new ApiError(409, "SDK.Error.UnsupportedSetting", "Setting is not supported: " + key));
        }
        return item;
    }

    private static ApiError settingRefusal(String key, String type, ObjectNode constraints, JsonNode value) {
        if (value == null || value.isNull()) {
            return new ApiError(409, "SDK.Error.InvalidSettingValue", "Key " + key + " needs a value.");
        }
        switch (type) {
            case "Boolean":
                return value.isBoolean() ? null : wrongType(key, value);
            case "Double":
            case "Int":
                if (!value.isNumber() || ("Int".equals(type) && value.decimalValue().stripTrailingZeros().scale() > 0)) {
                    return wrongType(key, value);
                }
                if ((constraints.has("min") && value.doubleValue() < constraints.get("min").doubleValue())
                        || (constraints.has("max") && value.doubleValue() > constraints.get("max").doubleValue())) {
                    return new ApiError(409, "SDK.Error.InvalidSettingValue",
                            "Value " + value.asText() + " of key " + key + " is out of range.");
                }
                return null;
            case "String":
                return value.isTextual() ? null : wrongType(key, value);
            default:
                if (!value.isTextual() || !value.asText().startsWith(type + ".")) {
                    return new ApiError(409, "SDK.Error.InvalidSettingValue",
                            "Key " + key + " has unknown enum type or enum member " + value.asText() + ".");
                }
                JsonNode allowed = constraints.get("allowedvalues");
                if (allowed != null) {
                    for (JsonNode member : allowed) {
                        if (member.asText().equals(value.asText())) {
                            return null;
                        }
                    }
                    return new ApiError(409, "BSH.Common.Error.WriteRequest.NotAvailableByList",
                            "HomeAppliance reported an error", 528);
                }
                return null;
        }
    }

    private static ApiError wrongType(String key, JsonNode value) {
        return new ApiError(409, "SDK.Error.InvalidSettingValue", "Value " + value + " has the wrong type for key " + key + ".");
    }

    private static ApiError invalidState(String key) {
        return new ApiError(409, "SDK.Error.InvalidSettingState", key + " currently not available or writable");
    }

    private static ObjectNode accessOnly(String access) {
        ObjectNode constraints = SimulatorJson.object();
        constraints.put("access", access);
        return constraints;
    }

    private static ObjectNode listBody(String member, Map<String, ObjectNode> items) {
        ObjectNode body = SimulatorJson.object();
        ArrayNode array = body.putArray(member);
        items.values().forEach(item -> array.add(item.deepCopy()));
        return body;
    }

    private static String suffix(JsonNode value, String prefix) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText();
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
