package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The bundle's own device in Home Assistant (brief 9.10): per system a connectivity sensor, an
 * authorisation problem sensor where the system has an account, and the time of the last event;
 * the remaining Home Connect request budget. They read one retained JSON document on
 * {@code <base>/bridge/health}. The bridge has no {@code via_device} (HA 2026.9 rejects a device
 * that is its own via device) and only the bridge availability topic.
 */
final class BridgeDevice {

    /** The pseudo system of the bridge device. */
    static final String SYSTEM = "bridge";
    /** Its device id; its ids are {@code <instance>_bridge_<feature>} all the same (see {@link DeviceTopics}). */
    static final String DEVICE_ID = "bridge";
    /** The systems whose health the bridge shows. */
    static final List<String> SYSTEMS = List.of("homeconnect", "simplisafe", "miio");

    private BridgeDevice() {
    }

    /** The bridge device with its entities. */
    static KnownDevice create(DiscoveryOptions options, DeviceTopics topics) {
        HaDevice block = new HaDevice(List.of(topics.bridgeIdentifier()), "camel-smarthome bridge", "camel-smarthome",
                "Camel integration bundle", null, null, options.origin().swVersion(), null);
        KnownDevice bridge = new KnownDevice(SYSTEM, DEVICE_ID, block);
        String health = topics.bridgeHealth();
        for (String system : SYSTEMS) {
            bridge.entity(new EntityDefinition.BinarySensor(system + "_connected", title(system) + " connection",
                    "connectivity", health, "{{ 'ON' if value_json." + system + ".connected else 'OFF' }}", null,
                    "diagnostic"));
            if (!"miio".equals(system)) {
                bridge.entity(new EntityDefinition.BinarySensor(system + "_auth", title(system) + " authorisation",
                        "problem", health, "{{ 'ON' if value_json." + system + ".auth_required else 'OFF' }}", null,
                        "diagnostic"));
            }
            bridge.entity(new EntityDefinition.Sensor(system + "_last_event", title(system) + " last event", "timestamp",
                    null, null, null, health, "{{ value_json." + system + ".last_event_at }}", "diagnostic", true));
        }
        bridge.entity(new EntityDefinition.Sensor("homeconnect_requests_remaining", "Home Connect requests remaining", null,
                null, "measurement", null, health, "{{ value_json.homeconnect.requests_remaining }}", "diagnostic", true));
        return bridge;
    }

    /** The health document with every field the entities read, all unknown: templates never meet a missing key. */
    static ObjectNode initialHealth() {
        ObjectNode health = JsonNodeFactory.instance.objectNode();
        for (String system : SYSTEMS) {
            ObjectNode section = health.putObject(system);
            section.putNull("connected");
            section.putNull("auth_required");
            section.putNull("last_event_at");
        }
        ((ObjectNode) health.get("homeconnect")).putNull("requests_remaining");
        return health;
    }

    /** The health section of one system, created when missing (a system this version does not list). */
    static ObjectNode section(ObjectNode health, String system) {
        String field = DeviceTopics.segment(system);
        if (health.get(field) instanceof ObjectNode section) {
            return section;
        }
        return health.putObject(field);
    }

    private static String title(String system) {
        return switch (system) {
            case "homeconnect" -> "Home Connect";
            case "simplisafe" -> "SimpliSafe";
            case "miio" -> "Xiaomi gateways";
            default -> system;
        };
    }
}
