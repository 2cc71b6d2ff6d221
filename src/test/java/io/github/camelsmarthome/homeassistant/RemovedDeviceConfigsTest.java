package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.event.CompleteDeviceList;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.logging.log4j.Level;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The removal rule of {@link RetainedConfigInventory}: the retained configs an earlier run left on
 * the broker are cleared, with state and availability, only for devices missing from their
 * system's complete device list.
 */
class RemovedDeviceConfigsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "12345";
    private static final String GATEWAY = "192.168.1.20";

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
    private final List<CompleteDeviceList> lists = new CopyOnWriteArrayList<>();
    private final RetainedConfigInventory inventory = new RetainedConfigInventory(discovery, () -> List.copyOf(lists));

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aRemovedSensorIsClearedWithStateAndAvailabilityOnlyOnceItsSystemReportsACompleteList() {
        brokerReplays(leftByEarlierRun("camel-smarthome", DiscoveryMode.DEVICE,
                system(), sensor("S1"), sensor("GONE")));
        discovery.onEvent(system());

        assertThat(removals(inventory.housekeeping())).isEmpty();

        lists.add(new CompleteDeviceList("simplisafe", Set.of(SID, "S1"), Set.of()));
        try (CapturedLogs logs = CapturedLogs.capture(RetainedConfigInventory.class.getName())) {
            assertThat(removals(inventory.housekeeping())).containsExactly(
                    "homeassistant/device/camel-smarthome/simplisafe_GONE/config",
                    "camel-smarthome/simplisafe/GONE/state",
                    "camel-smarthome/simplisafe/GONE/availability");
            assertThat(logs.atLevel(Level.INFO)).singleElement().satisfies(line -> assertThat(line.message())
                    .contains("simplisafe device GONE").contains("3 retained topics"));
        }
        assertThat(inventory.pending()).containsExactly("homeassistant/device/camel-smarthome/simplisafe_S1/config");
        assertThat(inventory.clearedDevices()).isEqualTo(1);
    }

    @Test
    void aSystemThatHasNotReportedACompleteListKeepsAllItsConfigs() {
        brokerReplays(leftByEarlierRun("camel-smarthome", DiscoveryMode.DEVICE,
                system(), sensor("GONE"), appliance("HC-1"), appliance("HC-GONE")));

        lists.add(new CompleteDeviceList("homeconnect", Set.of("HC-1"), Set.of()));

        assertThat(removals(inventory.housekeeping())).containsExactly(
                "homeassistant/device/camel-smarthome/homeconnect_HC-GONE/config",
                "camel-smarthome/homeconnect/HC-GONE/state",
                "camel-smarthome/homeconnect/HC-GONE/availability");
        assertThat(inventory.pending()).contains("homeassistant/device/camel-smarthome/simplisafe_GONE/config",
                "homeassistant/device/camel-smarthome/simplisafe_12345/config");
    }

    @Test
    void configsOfAnotherNodeIdAreNeverTouched() {
        brokerReplays(leftByEarlierRun("other-bridge", DiscoveryMode.DEVICE, system(), sensor("GONE")));

        lists.add(new CompleteDeviceList("simplisafe", Set.of(SID), Set.of()));

        assertThat(removals(inventory.housekeeping())).isEmpty();
        assertThat(inventory.pending()).isEmpty();
    }

    @Test
    void inComponentModeEveryEntityConfigOfTheRemovedDeviceIsCleared() {
        Map<String, String> left = leftByEarlierRun("camel-smarthome", DiscoveryMode.COMPONENT, system(), sensor("GONE"));
        brokerReplays(left);
        List<String> goneConfigs = left.keySet().stream().filter(topic -> topic.contains("_simplisafe_GONE_")).toList();

        lists.add(new CompleteDeviceList("simplisafe", Set.of(SID), Set.of()));

        List<String> removals = removals(inventory.housekeeping()).stream()
                .filter(topic -> !topic.contains("_bridge_")).toList();

        // The bridge's own component configs are migrated to device mode, not cleared: left out above.
        assertThat(goneConfigs).hasSizeGreaterThan(3);
        assertThat(removals).containsExactlyInAnyOrderElementsOf(concat(goneConfigs,
                "camel-smarthome/simplisafe/GONE/state", "camel-smarthome/simplisafe/GONE/availability"));
    }

    @Test
    void aConfigWhosePayloadNamesAnotherDeviceThanItsTopicIsKept() {
        inventory.record(received("homeassistant/device/camel-smarthome/simplisafe_GONE/config",
                "{\"device\": {\"identifiers\": [\"simplisafe_12345\"]}}"));

        lists.add(new CompleteDeviceList("simplisafe", Set.of(SID), Set.of()));

        assertThat(removals(inventory.housekeeping())).isEmpty();
        assertThat(inventory.unattributed()).isEqualTo(1);
    }

    @Test
    void aDeviceTheBridgeHearsFromIsKeptEvenWhenTheListLacksIt() {
        String oldEntity = "homeassistant/binary_sensor/camel-smarthome/camel_smarthome_simplisafe_S2_old_key/config";
        inventory.record(received(oldEntity, "{\"device\": {\"identifiers\": [\"simplisafe_S2\"]}}"));
        discovery.onEvent(sensor("S2"));

        lists.add(new CompleteDeviceList("simplisafe", Set.of(SID), Set.of()));

        assertThat(removals(inventory.housekeeping())).isEmpty();
        assertThat(inventory.pending()).containsExactly(oldEntity);
    }

    @Test
    void aMiioGatewayListedByItsHostKeepsItsConfigWhileAnUnlistedSubDeviceIsCleared() {
        brokerReplays(leftByEarlierRun("camel-smarthome", DiscoveryMode.DEVICE,
                miio("lumi.158d01"), miio("lumi.158dgone")));

        lists.add(new CompleteDeviceList("miio", Set.of("lumi.158d01"), Set.of(GATEWAY)));

        assertThat(removals(inventory.housekeeping())).containsExactly(
                "homeassistant/device/camel-smarthome/miio_lumi_158dgone/config",
                "camel-smarthome/miio/lumi_158dgone/state",
                "camel-smarthome/miio/lumi_158dgone/availability");
        assertThat(inventory.pending()).containsExactlyInAnyOrder(
                "homeassistant/device/camel-smarthome/miio_gateway-192_168_1_20/config",
                "homeassistant/device/camel-smarthome/miio_lumi_158d01/config");
    }

    /** The configs a run with {@code nodeId} and {@code mode} leaves retained after these events. */
    private static Map<String, String> leftByEarlierRun(String nodeId, DiscoveryMode mode, ObjectNode... events) {
        HomeAssistantDiscovery earlier = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test").withNodeId(nodeId)
                .withMode(mode));
        Map<String, String> configs = new LinkedHashMap<>();
        for (ObjectNode event : events) {
            earlier.onEvent(event).stream()
                    .filter(message -> message.topic().startsWith("homeassistant/") && !message.isRemoval())
                    .forEach(message -> configs.put(message.topic(), message.payload()));
        }
        assertThat(configs).isNotEmpty();
        return configs;
    }

    private void brokerReplays(Map<String, String> configs) {
        configs.forEach((topic, payload) -> inventory.record(received(topic, payload)));
    }

    private static List<String> removals(List<DiscoveryMessage> messages) {
        return messages.stream().filter(DiscoveryMessage::isRemoval).map(DiscoveryMessage::topic).toList();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static ObjectNode system() {
        return event("simplisafe", SID, "state_snapshot");
    }

    private static ObjectNode sensor(String serial) {
        return event("simplisafe", serial, "sensor_triggered").put("systemId", SID).put("sensorType", "entry");
    }

    private static ObjectNode appliance(String haId) {
        return event("homeconnect", haId, "CONNECTED");
    }

    private static ObjectNode miio(String sid) {
        return event("miio", sid, "click").put("gateway", GATEWAY).put("model", "lumi.sensor_switch.aq2");
    }

    private static ObjectNode event(String system, String deviceId, String type) {
        return JSON.createObjectNode().put("system", system).put("deviceId", deviceId).put("type", type)
                .put("time", "2026-05-04T07:12:03Z").put("id", system + deviceId + type);
    }

    private Exchange received(String topic, String payload) {
        MqttMessage mqtt = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        mqtt.setRetained(true);
        PahoMqtt5Message message = new PahoMqtt5Message(context, mqtt);
        message.setBody(mqtt.getPayload());
        message.setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
        Exchange exchange = new DefaultExchange(context);
        exchange.setIn(message);
        return exchange;
    }
}
