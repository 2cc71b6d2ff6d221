package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the discovery configs of one device, per entity or per device ({@link DiscoveryMode}).
 * Every entity gets {@code unique_id}, {@code default_entity_id}, the device block, the origin and
 * the availability list (bridge, parent if any, device; mode {@code all}); device triggers get the
 * device block and the origin only (brief 6.5: no unique id, no availability). Full keys are
 * written, except {@code cmps} and {@code p} (brief 8).
 */
final class ConfigPayloads {

    private final DiscoveryOptions options;
    private final DeviceTopics topics;
    private final ObjectMapper json;

    ConfigPayloads(DiscoveryOptions options, DeviceTopics topics, ObjectMapper json) {
        this.options = Objects.requireNonNull(options, "options");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Config topic to payload, in publication order. */
    Map<String, String> configs(KnownDevice device) {
        Map<String, String> configs = new LinkedHashMap<>();
        if (options.mode() == DiscoveryMode.DEVICE) {
            configs.put(topics.deviceConfig(device.system(), device.deviceId()), write(deviceConfig(device)));
            return configs;
        }
        for (EntityDefinition entity : device.entities()) {
            ObjectNode config = json.createObjectNode();
            entity.writeTo(config);
            identity(device, entity, config);
            config.set("device", deviceBlock(device.device()));
            config.set("origin", origin());
            if (entity.isEntity()) {
                availability(device, entity, config);
            }
            configs.put(topics.componentConfig(entity.platform(), objectId(device, entity)), write(config));
        }
        return configs;
    }

    /** The config topics of a device in the current mode, for removal. */
    Iterable<String> configTopics(KnownDevice device) {
        return configs(device).keySet();
    }

    private ObjectNode deviceConfig(KnownDevice device) {
        ObjectNode config = json.createObjectNode();
        config.set("device", deviceBlock(device.device()));
        config.set("origin", origin());
        config.put("availability_mode", "all");
        config.set("availability", availabilityList(device, null));
        config.put("qos", DiscoveryMessage.QOS);
        ObjectNode components = config.putObject("cmps");
        for (EntityDefinition entity : device.entities()) {
            ObjectNode component = components.putObject(entity.key());
            component.put("p", entity.platform());
            entity.writeTo(component);
            identity(device, entity, component);
            if (entity instanceof EntityDefinition.Button button && button.gate() != null) {
                // Shared availability is copied only into components that do not set their own, so a gate repeats it.
                component.put("availability_mode", "all");
                component.set("availability", availabilityList(device, button.gate()));
            }
        }
        return config;
    }

    private void identity(KnownDevice device, EntityDefinition entity, ObjectNode config) {
        if (entity.isEntity()) {
            config.put("unique_id", topics.uniqueId(device.system(), device.deviceId(), entity.key()));
            config.put("default_entity_id",
                    topics.defaultEntityId(entity.platform(), device.system(), device.deviceId(), entity.key()));
        }
    }

    private void availability(KnownDevice device, EntityDefinition entity, ObjectNode config) {
        config.put("availability_mode", "all");
        EntityDefinition.AvailabilityGate gate = entity instanceof EntityDefinition.Button button ? button.gate() : null;
        config.set("availability", availabilityList(device, gate));
    }

    private ArrayNode availabilityList(KnownDevice device, EntityDefinition.AvailabilityGate gate) {
        ArrayNode list = json.createArrayNode();
        list.addObject().put("topic", topics.bridgeState());
        if (device.parentAvailabilityTopic() != null) {
            list.addObject().put("topic", device.parentAvailabilityTopic());
        }
        if (!BridgeDevice.SYSTEM.equals(device.system())) {
            list.addObject().put("topic", topics.availability(device.system(), device.deviceId()));
        }
        if (gate != null) {
            list.addObject().put("topic", gate.topic()).put("value_template", gate.valueTemplate());
        }
        return list;
    }

    private String objectId(KnownDevice device, EntityDefinition entity) {
        // A trigger has no unique_id; its object id is built the same way so that it is as stable.
        return topics.uniqueId(device.system(), device.deviceId(), entity.key());
    }

    private ObjectNode deviceBlock(HaDevice device) {
        ObjectNode block = json.createObjectNode();
        ArrayNode ids = block.putArray("identifiers");
        device.identifiers().forEach(ids::add);
        block.put("name", device.name());
        putIfSet(block, "manufacturer", device.manufacturer());
        putIfSet(block, "model", device.model());
        putIfSet(block, "model_id", device.modelId());
        putIfSet(block, "serial_number", device.serialNumber());
        putIfSet(block, "sw_version", device.swVersion());
        putIfSet(block, "via_device", device.viaDevice());
        return block;
    }

    private ObjectNode origin() {
        ObjectNode origin = json.createObjectNode();
        origin.put("name", options.origin().name());
        putIfSet(origin, "sw_version", options.origin().swVersion());
        putIfSet(origin, "support_url", options.origin().supportUrl());
        return origin;
    }

    private String write(ObjectNode config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a discovery config: " + e.getOriginalMessage(), e);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
