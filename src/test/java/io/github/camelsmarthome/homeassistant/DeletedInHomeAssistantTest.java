package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
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
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Brief 2.4: a device the user deleted in Home Assistant does not come back, not even after a restart. */
class DeletedInHomeAssistantTest {

    private static final String SENSOR_CONFIG = "homeassistant/device/camel-smarthome/simplisafe_S1/config";
    private static final String SENSOR_STATE = "camel-smarthome/simplisafe/S1/state";

    @TempDir
    Path stateDir;

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aConfigClearedByAnotherClientExcludesTheDeviceFromBirthsAndEventsButNotItsState() {
        RetainedConfigInventory inventory = new RetainedConfigInventory(discovery, List::of,
                ExcludedDevices.open(stateDir, "camel-smarthome"));
        assertThat(topics(discovery.onEvent(sensor("S1")))).contains(SENSOR_CONFIG);

        inventory.record(received(SENSOR_CONFIG, "", false));

        assertThat(topics(discovery.republishAll())).doesNotContain(SENSOR_CONFIG).contains(SENSOR_STATE);
        assertThat(topics(discovery.onEvent(sensor("S1").put("sensorName", "Renamed")))).doesNotContain(SENSOR_CONFIG);
        assertThat(ExcludedDevices.open(stateDir, "camel-smarthome").devices()).containsExactly("simplisafe_S1");
    }

    @Test
    void anExcludedDeviceStaysExcludedAfterARestart() {
        ExcludedDevices.open(stateDir, "camel-smarthome").add("simplisafe_S1");

        HomeAssistantDiscovery restarted = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
        restarted.exclude(ExcludedDevices.open(stateDir, "camel-smarthome").devices());

        assertThat(topics(restarted.onEvent(sensor("S1")))).doesNotContain(SENSOR_CONFIG).contains(SENSOR_STATE);
        assertThat(topics(restarted.onEvent(sensor("S2")))).contains("homeassistant/device/camel-smarthome/simplisafe_S2/config");
    }

    @Test
    void theBridgesOwnClearsComingBackExcludeNothingEvenWhenTheDeviceIsBackMeanwhile() {
        RetainedConfigInventory inventory = new RetainedConfigInventory(discovery, List::of,
                ExcludedDevices.open(stateDir, "camel-smarthome"));
        HomeAssistantPublisher publisher = new HomeAssistantPublisher(discovery, new ObjectMapper(), Duration.ZERO, Duration.ZERO);
        String config = "homeassistant/device/camel-smarthome/homeconnect_HC-1/config";
        discovery.onEvent(appliance("HC-1", "CONNECTED"));
        discovery.onEvent(appliance("HC-1", "DEPAIRED")).forEach(message -> publisher.toMqtt(exchangeWith(message)));
        assertThat(topics(discovery.onEvent(appliance("HC-1", "PAIRED")))).contains(config);

        inventory.record(received(config, "", false));

        assertThat(topics(discovery.republishAll())).contains(config);
        assertThat(Files.exists(ExcludedDevices.open(stateDir, "camel-smarthome").file())).isFalse();

        inventory.record(received(config, "", false));
        assertThat(topics(discovery.republishAll())).as("a second clear is not ours").doesNotContain(config);
    }

    @Test
    void unusableLinesOfTheListAreSkipped() throws Exception {
        Path file = ExcludedDevices.open(stateDir, "camel-smarthome").file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "simplisafe_S1\n\nnot/an id\n+#\nmiio_lumi_158d01\n");

        assertThat(ExcludedDevices.open(stateDir, "camel-smarthome").devices())
                .containsExactlyInAnyOrder("simplisafe_S1", "miio_lumi_158d01");
    }

    private static List<String> topics(List<DiscoveryMessage> messages) {
        return messages.stream().map(DiscoveryMessage::topic).toList();
    }

    private static ObjectNode sensor(String serial) {
        return event("simplisafe", serial, "sensor_triggered").put("systemId", "12345").put("sensorType", "entry");
    }

    private static ObjectNode appliance(String haId, String type) {
        return event("homeconnect", haId, type);
    }

    private static ObjectNode event(String system, String deviceId, String type) {
        return new ObjectMapper().createObjectNode().put("system", system).put("deviceId", deviceId).put("type", type)
                .put("time", "2026-05-04T07:12:03Z").put("id", system + deviceId + type);
    }

    private Exchange exchangeWith(DiscoveryMessage message) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(message);
        return exchange;
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
