package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.configs;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnect;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.miio;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.sensorEvent;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.systemEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.simplisafe.api.change.PollEventTypes;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What design 5 and the brief require of every config, whatever the system and mode. */
class DiscoveryContractTest {

    private static final Pattern ENTITY_ID = Pattern.compile("^[a-z_]+\\.[a-z0-9_]+$");
    private static final Pattern CONFIG_TOPIC = Pattern.compile("^homeassistant/[a-z_]+/camel-smarthome/[a-zA-Z0-9_-]+/config$");

    /** Devices of all three systems, every kind the mappings know. */
    static List<DiscoveryMessage> everyKindOfDevice(HomeAssistantDiscovery discovery) {
        List<DiscoveryMessage> messages = new ArrayList<>();
        messages.addAll(discovery.onEvent(systemEvent("armed_away")));
        messages.addAll(discovery.onEvent(DiscoveryFixtures.connectionMode("REALTIME")));
        for (SensorType type : List.of(SensorType.ENTRY, SensorType.MOTION, SensorType.LEAK, SensorType.SMOKE,
                SensorType.CARBON_MONOXIDE, SensorType.TEMPERATURE, SensorType.GLASS_BREAK, SensorType.KEYPAD,
                SensorType.LOCK, SensorType.DOORBELL, SensorType.CAMERA, SensorType.of(21))) {
            messages.addAll(discovery.onEvent(sensorEvent("s" + type.code(), type, PollEventTypes.SENSOR_TRIGGERED,
                    "Sensor " + type.code(), "{}")));
        }
        messages.addAll(discovery.onEvent(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"Cooking.Oven.Program.HeatingMode.HotAir\"",
                "Cooking.Oven.Status.CurrentCavityTemperature", "180")));
        // Every Home Connect appliance type of the table, one of a type it lacks, each with a setting the table lacks.
        for (String type : new java.util.TreeSet<>(HomeConnectApplianceTypes.types())) {
            messages.addAll(discovery.onEvent(HomeConnectApplianceTypesTest.event("BOSCH-HCS000000-" + type, type,
                    HomeConnectEventType.STATUS, "BSH.Common.Status.OperationState", "\"BSH.Common.EnumType.OperationState.Ready\"",
                    "Refrigeration.FridgeFreezer.Setting.SuperModeFreezer", "true")));
        }
        messages.addAll(discovery.onEvent(HomeConnectApplianceTypesTest.event("BOSCH-000000000-000000000000", "DNE",
                HomeConnectEventType.STATUS)));
        for (Map.Entry<String, List<String>> model : DiscoveryFixtures.CATALOG.entrySet()) {
            messages.addAll(discovery.onEvent(miio("lumi.158d" + Math.abs(model.getKey().hashCode()),
                    model.getValue().get(0), model.getKey())));
        }
        messages.addAll(discovery.onEvent(miio("lumi.158d0000cccccc", "odd_action", null)));
        messages.addAll(discovery.onEvent(DiscoveryFixtures.object("system", "zwave", "deviceId", "node-7",
                "type", "button_pressed", "time", "2026-05-04T07:12:03Z", "id", "z1")));
        return messages;
    }

    @ParameterizedTest
    @EnumSource(DiscoveryMode.class)
    void everyConfigIsRetainedWithQos1OnAnOwnSanitisedTopic(DiscoveryMode mode) {
        List<DiscoveryMessage> configs = configs(everyKindOfDevice(new HomeAssistantDiscovery(options(mode))));
        assertThat(configs).isNotEmpty().allSatisfy(config -> {
            assertThat(config.retained()).isTrue();
            assertThat(config.qos()).isEqualTo(1);
            assertThat(config.topic()).matches(CONFIG_TOPIC);
        });
    }

    @ParameterizedTest
    @EnumSource(DiscoveryMode.class)
    void everyEntityHasUniqueIdDeviceOriginEntityIdAndTheAvailabilityList(DiscoveryMode mode) {
        Set<String> uniqueIds = new HashSet<>();
        int entities = 0;
        for (DiscoveryMessage message : configs(everyKindOfDevice(new HomeAssistantDiscovery(options(mode))))) {
            JsonNode config = payload(message);
            assertThat(config.path("device").path("identifiers").size()).as(message.topic()).isPositive();
            assertThat(config.path("device").path("name").asText()).as(message.topic()).isNotBlank();
            assertThat(config.path("origin").path("name").asText()).as(message.topic()).isEqualTo("camel-smarthome");
            assertThat(config.has("object_id")).isFalse();
            List<JsonNode> components = new ArrayList<>();
            if (mode == DiscoveryMode.DEVICE) {
                assertAvailability(message.topic(), config);
                config.path("cmps").forEach(components::add);
            } else {
                components.add(config);
            }
            for (JsonNode component : components) {
                String platform = mode == DiscoveryMode.DEVICE ? component.path("p").asText()
                        : message.topic().split("/")[1];
                if (platform.equals("device_automation")) {
                    assertThat(component.path("automation_type").asText()).isEqualTo("trigger");
                    assertThat(component.has("unique_id")).isFalse();
                    continue;
                }
                entities++;
                assertThat(uniqueIds.add(component.path("unique_id").asText())).as("unique: " + component).isTrue();
                assertThat(component.path("unique_id").asText()).startsWith("camel_smarthome_");
                assertThat(component.path("default_entity_id").asText()).as(message.topic()).matches(ENTITY_ID)
                        .startsWith(platform + ".").doesNotContain("__").doesNotEndWith("_");
                if (mode == DiscoveryMode.COMPONENT) {
                    assertAvailability(message.topic(), component);
                }
            }
        }
        assertThat(entities).isGreaterThan(50);
    }

    private static void assertAvailability(String topic, JsonNode config) {
        assertThat(config.path("availability_mode").asText()).as(topic).isEqualTo("all");
        List<String> topics = config.path("availability").findValuesAsText("topic");
        assertThat(topics).as(topic).isNotEmpty();
        assertThat(topics.get(0)).isEqualTo("camel-smarthome/bridge/state");
        if (!topic.contains("/camel_smarthome_bridge")) {
            assertThat(topics).as(topic).hasSizeGreaterThanOrEqualTo(2);
            assertThat(topics.subList(1, topics.size())).as(topic).anyMatch(t -> t.endsWith("/availability"));
        }
    }

    @ParameterizedTest
    @EnumSource(DiscoveryMode.class)
    void noDeviceIsItsOwnViaDeviceAndEveryViaDeviceIsPublished(DiscoveryMode mode) {
        Set<String> published = new HashSet<>();
        Set<String> via = new HashSet<>();
        for (DiscoveryMessage message : configs(everyKindOfDevice(new HomeAssistantDiscovery(options(mode))))) {
            JsonNode device = payload(message).path("device");
            Iterator<JsonNode> ids = device.path("identifiers").elements();
            ids.forEachRemaining(id -> published.add(id.asText()));
            if (device.has("via_device")) {
                assertThat(device.path("identifiers").toString()).doesNotContain("\"" + device.path("via_device").asText() + "\"");
                via.add(device.path("via_device").asText());
            }
        }
        assertThat(published).containsAll(via);
    }
}
