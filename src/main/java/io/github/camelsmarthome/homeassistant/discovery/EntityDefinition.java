package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One Home Assistant entity (or device trigger) of a device, per platform of brief section 6.
 * {@link ConfigPayloads} adds what every config shares ({@code unique_id}, {@code device},
 * {@code origin}, availability, {@code default_entity_id}); each record writes only the keys of
 * its platform. Topics are full topics, resolved by the system mapping.
 */
public sealed interface EntityDefinition {

    /** The entity's stable feature key: component id in {@code cmps}, last part of {@code unique_id}. */
    String key();

    /** The HA platform: {@code sensor}, {@code event}, {@code device_automation} ... */
    String platform();

    /** Writes the platform's own keys, {@code name} included. */
    void writeTo(ObjectNode config);

    /** Whether this is an entity (with {@code unique_id}, availability, entity id) rather than a device trigger. */
    default boolean isEntity() {
        return true;
    }

    /** {@code alarm_control_panel} (6.1); {@code remoteCode} makes HA ask for a code that the bundle checks. */
    record AlarmPanel(String key, String name, String stateTopic, String valueTemplate, String commandTopic,
            List<String> supportedFeatures, boolean remoteCode, String attributesTemplate) implements EntityDefinition {
        @Override
        public String platform() {
            return "alarm_control_panel";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            config.put("command_topic", commandTopic);
            config.put("command_template", "{\"action\": \"{{ action }}\", \"code\": \"{{ code }}\"}");
            if (remoteCode) {
                config.put("code", "REMOTE_CODE");
                config.put("code_arm_required", false);
                config.put("code_disarm_required", true);
            }
            config.putArray("supported_features").addAll(supportedFeatures.stream().map(config::textNode).toList());
            if (attributesTemplate != null) {
                config.put("json_attributes_topic", stateTopic);
                config.put("json_attributes_template", attributesTemplate);
            }
            config.put("retain", false);
        }
    }

    /** {@code binary_sensor} (6.2); {@code offDelaySeconds} for sensors that only report "on". */
    record BinarySensor(String key, String name, String deviceClass, String stateTopic, String valueTemplate,
            Integer offDelaySeconds, String entityCategory) implements EntityDefinition {
        @Override
        public String platform() {
            return "binary_sensor";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            putIfSet(config, "device_class", deviceClass);
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            if (offDelaySeconds != null) {
                config.put("off_delay", offDelaySeconds);
            }
            putIfSet(config, "entity_category", entityCategory);
        }
    }

    /** {@code sensor} (6.3); {@code options} only with device class {@code enum}. */
    record Sensor(String key, String name, String deviceClass, String unit, String stateClass, List<String> options,
            String stateTopic, String valueTemplate, String entityCategory, boolean enabledByDefault)
            implements EntityDefinition {
        @Override
        public String platform() {
            return "sensor";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            putIfSet(config, "device_class", deviceClass);
            putIfSet(config, "unit_of_measurement", unit);
            putIfSet(config, "state_class", stateClass);
            if (options != null) {
                config.putArray("options").addAll(options.stream().map(config::textNode).toList());
            }
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            putIfSet(config, "entity_category", entityCategory);
            if (!enabledByDefault) {
                config.put("enabled_by_default", false);
            }
        }
    }

    /** {@code event} (6.4) on a topic that is never retained; {@code eventTypes} lists every type it may fire. */
    record Event(String key, String name, String deviceClass, List<String> eventTypes, String stateTopic)
            implements EntityDefinition {
        /** Copies the types. */
        public Event {
            eventTypes = List.copyOf(eventTypes);
        }

        @Override
        public String platform() {
            return "event";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            putIfSet(config, "device_class", deviceClass);
            config.putArray("event_types").addAll(eventTypes.stream().map(config::textNode).toList());
            config.put("state_topic", stateTopic);
        }
    }

    /** A device trigger (6.5): fires when the event topic's {@code event_type} equals {@code payload}. */
    record DeviceTrigger(String key, String type, String subtype, String topic, String payload) implements EntityDefinition {
        @Override
        public String platform() {
            return "device_automation";
        }

        @Override
        public boolean isEntity() {
            return false;
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("automation_type", "trigger");
            config.put("type", type);
            config.put("subtype", subtype);
            config.put("topic", topic);
            config.put("value_template", "{{ value_json.event_type }}");
            config.put("payload", payload);
        }
    }

    /** {@code lock} (6.6) with a jammed state; never optimistic, never retained commands. */
    record Lock(String key, String name, String stateTopic, String valueTemplate, String commandTopic)
            implements EntityDefinition {
        @Override
        public String platform() {
            return "lock";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            config.put("command_topic", commandTopic);
            config.put("payload_lock", "LOCK");
            config.put("payload_unlock", "UNLOCK");
            config.put("state_locked", "LOCKED");
            config.put("state_unlocked", "UNLOCKED");
            config.put("state_jammed", "JAMMED");
            config.put("optimistic", false);
            config.put("retain", false);
        }
    }

    /**
     * {@code button} (6.7). A {@code gate} adds a third availability condition (brief 9.6: the start
     * button only while remote start is allowed).
     */
    record Button(String key, String name, String commandTopic, String payloadPress, AvailabilityGate gate)
            implements EntityDefinition {
        @Override
        public String platform() {
            return "button";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            config.put("command_topic", commandTopic);
            config.put("payload_press", payloadPress);
            config.put("retain", false);
        }
    }

    /** {@code select} (6.8); a config update is published when {@code options} grow. */
    record Select(String key, String name, List<String> options, String stateTopic, String valueTemplate,
            String commandTopic, String commandTemplate) implements EntityDefinition {
        /** Copies the options. */
        public Select {
            options = List.copyOf(options);
        }

        @Override
        public String platform() {
            return "select";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            config.putArray("options").addAll(options.stream().map(config::textNode).toList());
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            config.put("command_topic", commandTopic);
            putIfSet(config, "command_template", commandTemplate);
            config.put("optimistic", false);
            config.put("retain", false);
        }
    }

    /** {@code switch} (6.9) whose payloads are also its states. */
    record Switch(String key, String name, String stateTopic, String valueTemplate, String commandTopic, String payloadOn,
            String payloadOff) implements EntityDefinition {
        @Override
        public String platform() {
            return "switch";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            config.put("command_topic", commandTopic);
            config.put("payload_on", payloadOn);
            config.put("payload_off", payloadOff);
            config.put("state_on", payloadOn);
            config.put("state_off", payloadOff);
            config.put("optimistic", false);
            config.put("retain", false);
        }
    }

    /**
     * {@code number} (6.10) with its range always set (the defaults are rarely right); the bundle
     * checks a command against the same range before anything runs.
     */
    record Number(String key, String name, String deviceClass, String unit, java.math.BigDecimal min,
            java.math.BigDecimal max, java.math.BigDecimal step, String stateTopic, String valueTemplate,
            String commandTopic, String entityCategory) implements EntityDefinition {
        @Override
        public String platform() {
            return "number";
        }

        @Override
        public void writeTo(ObjectNode config) {
            config.put("name", name);
            putIfSet(config, "device_class", deviceClass);
            putIfSet(config, "unit_of_measurement", unit);
            config.put("min", min);
            config.put("max", max);
            config.put("step", step);
            config.put("mode", "box");
            config.put("state_topic", stateTopic);
            config.put("value_template", valueTemplate);
            config.put("command_topic", commandTopic);
            putIfSet(config, "entity_category", entityCategory);
            config.put("optimistic", false);
            config.put("retain", false);
        }
    }

    /** An extra availability condition of one entity: {@code online} when {@code valueTemplate} renders it on {@code topic}. */
    record AvailabilityGate(String topic, String valueTemplate) {
        /** Rejects missing parts. */
        public AvailabilityGate {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(valueTemplate, "valueTemplate");
        }
    }

    private static void putIfSet(ObjectNode config, String field, String value) {
        if (value != null) {
            config.put(field, value);
        }
    }
}
