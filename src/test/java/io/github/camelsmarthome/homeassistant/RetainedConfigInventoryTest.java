package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedConfigInventoryTest {

    private static final String KNOWN_COMPONENT =
            "homeassistant/alarm_control_panel/camel-smarthome/camel_smarthome_simplisafe_12345_alarm/config";
    private static final String UNSEEN_DEVICE = "homeassistant/device/camel-smarthome/simplisafe_99999/config";

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test")
            .withMode(DiscoveryMode.DEVICE));
    private final RetainedConfigInventory inventory = new RetainedConfigInventory(discovery);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void onlyRetainedNonEmptyConfigsOfThisInstanceAreRemembered() {
        inventory.record(received(KNOWN_COMPONENT, "{}", true));
        inventory.record(received("homeassistant/device/other-node/x/config", "{}", true));
        inventory.record(received("homeassistant/device/camel-smarthome/live/config", "{}", false));
        inventory.record(received(UNSEEN_DEVICE, "{}", true));
        inventory.record(received(UNSEEN_DEVICE, "", false));

        assertThat(inventory.pending()).containsExactly(KNOWN_COMPONENT);
    }

    @Test
    void aKnownDevicesConfigInTheOtherModeIsMigratedAndAnUnseenDevicesIsKept() {
        systemReports();
        inventory.record(received(KNOWN_COMPONENT, "{}", true));
        inventory.record(received(UNSEEN_DEVICE, "{}", true));

        assertThat(inventory.housekeeping()).extracting(DiscoveryMessage::topic, DiscoveryMessage::payload)
                .contains(org.assertj.core.groups.Tuple.tuple(KNOWN_COMPONENT, "{\"migrate_discovery\": true}"),
                        org.assertj.core.groups.Tuple.tuple(KNOWN_COMPONENT, ""))
                .noneMatch(topicAndPayload -> UNSEEN_DEVICE.equals(topicAndPayload.toArray()[0]));
        assertThat(inventory.pending()).containsExactly(UNSEEN_DEVICE);
        assertThat(inventory.migrated()).isEqualTo(1);
    }

    @Test
    void withNoDeviceKnownARoundClearsNothingAndPublishesOnlyTheHealth() {
        inventory.record(received(KNOWN_COMPONENT, "{}", true));
        inventory.record(received(UNSEEN_DEVICE, "{}", true));

        assertThat(inventory.housekeeping()).extracting(DiscoveryMessage::topic).containsExactly("camel-smarthome/bridge/health");
        assertThat(inventory.pending()).hasSize(2);
    }

    private void systemReports() {
        ObjectNode event = new ObjectMapper().createObjectNode().put("system", "simplisafe").put("deviceId", "12345")
                .put("type", "state_snapshot").put("time", "2026-05-04T07:12:03Z").put("id", "s1");
        discovery.onEvent(event);
    }

    private Exchange received(String topic, String payload, boolean retained) {
        MqttMessage mqtt = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        mqtt.setRetained(retained);
        PahoMqtt5Message message = new PahoMqtt5Message(context, mqtt);
        message.setBody(mqtt.getPayload());
        message.setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
        Exchange exchange = new DefaultExchange(context);
        exchange.setIn(message);
        return exchange;
    }
}
