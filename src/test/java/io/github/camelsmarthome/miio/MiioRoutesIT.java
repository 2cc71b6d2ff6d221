package io.github.camelsmarthome.miio;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fake gateway, the {@code miio-push:} component and the bundled
 * {@code routes/miio-to-kafka.yaml} and {@code routes/miio-to-mqtt.yaml}, loaded by the runner's Camel
 * Main, into a real Kafka broker and a real MQTT broker: both routes share the gateway's scenes.
 */
class MiioRoutesIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String SWITCH = "lumi.158d0001a2b3c4";

    @Test
    void aButtonClickArrivesOnceAsACloudEventKeyedBySidAndOnceOnMqtt() throws Exception {
        int serverPort = FreePorts.find();
        try (FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
                .token(TOKEN).targetPort(serverPort).subDevice(SWITCH, "lumi.sensor_switch.aq2").build())) {
            Map<String, String> properties = new HashMap<>();
            properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                              + RunnerMain.ROUTES.resolve("miio-to-kafka.yaml") + ",file:"
                                                              + RunnerMain.ROUTES.resolve("miio-to-mqtt.yaml"));
            properties.put("smarthome.mqtt.url", MQTT.url());
            properties.put("smarthome.kafka.brokers", KAFKA.bootstrapServers());
            properties.put("smarthome.miio.gateway-host", "127.0.0.2");
            properties.put("camel.component.miio-push.token", TOKEN);
            properties.put("camel.component.miio-push.devices", SWITCH + ":lumi.sensor_switch.aq2");
            properties.put("camel.component.miio-push.bindAddress", "127.0.0.1");
            properties.put("camel.component.miio-push.port", String.valueOf(serverPort));
            properties.put("camel.component.miio-push.gatewayPort", String.valueOf(gateway.localAddress().getPort()));
            // as the runner's properties give them for unset variables
            properties.put("camel.component.miio-push.subscriptions", "{{env:MIIO_TEST_UNSET_SUBSCRIPTIONS:}}");
            properties.put("camel.component.miio-push.eventCatalog", "{{env:MIIO_TEST_UNSET_EVENT_CATALOG:}}");
            properties.put("camel.component.miio-push.advertisedAddress", "{{env:MIIO_TEST_UNSET_ADVERTISED_ADDRESS:}}");
            MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "camel-smarthome/miio/#");
            Main main = RunnerMain.start(properties);
            try {
                await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == 3);
                gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                List<ConsumerRecord<String, String>> records = KAFKA.recordsUntil("smarthome.miio.events",
                        arrived -> !arrived.isEmpty(), TIMEOUT);

                assertThat(records).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo(SWITCH);
                    JsonNode event = new ObjectMapper().readTree(record.value());
                    assertThat(event.path("type").asText()).isEqualTo("miio.click_ch0");
                    assertThat(event.path("source").asText()).isEqualTo("/camel-smarthome/miio/127.0.0.2");
                    assertThat(event.path("subject").asText()).isEqualTo(SWITCH);
                    assertThat(event.path("data").path("model").asText()).isEqualTo("lumi.sensor_switch.aq2");
                });
                MqttProbe.Message click = probe.awaitMessage("camel-smarthome/miio/lumi_158d0001a2b3c4/event", m -> true, TIMEOUT);
                JsonNode message = new ObjectMapper().readTree(click.payload());
                assertThat(message.path("event_type").asText()).isEqualTo("click_ch0");
                assertThat(message.path("deviceId").asText()).isEqualTo(SWITCH);
                assertThat(probe.messages()).filteredOn(m -> m.topic().endsWith("/event")).hasSize(1);
            } finally {
                main.stop();
                probe.close();
            }
            assertThat(gateway.scenes()).isEmpty();
        }
    }

    @Test
    void aMethodCommandOverMqttReachesTheGatewayAndItsResultArrivesOnTheResultTopic() throws Exception {
        int serverPort = FreePorts.find();
        String root = "camel-smarthome/miio/gateway-127_0_0_2/method";
        try (FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
                .token(TOKEN).targetPort(serverPort).subDevice(SWITCH, "lumi.sensor_switch.aq2").build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), root + "/result")) {
            Map<String, String> properties = new HashMap<>();
            properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                              + RunnerMain.ROUTES.resolve("homeassistant.yaml"));
            properties.put("smarthome.mqtt.url", MQTT.url());
            properties.put("smarthome.miio.gateway-host", "127.0.0.2");
            properties.put("camel.component.miio-push.token", TOKEN);
            properties.put("camel.component.miio-push.bindAddress", "127.0.0.1");
            properties.put("camel.component.miio-push.port", String.valueOf(serverPort));
            properties.put("camel.component.miio-push.gatewayPort", String.valueOf(gateway.localAddress().getPort()));
            Main main = RunnerMain.start(properties);
            try {
                await().atMost(TIMEOUT).until(() -> main.getCamelContext().getRouteController()
                        .getRouteStatus("homeassistant-commands").isStarted());
                publish(root + "/set", "{\"method\": \"miIO.info\", \"params\": []}");

                MqttProbe.Message answer = probe.awaitMessage(root + "/result", m -> true, TIMEOUT);
                JsonNode result = new ObjectMapper().readTree(answer.payload());
                assertThat(result.path("status").asText()).as(answer.payload()).isEqualTo("ok");
                assertThat(result.path("result").path("model").asText()).isEqualTo(gateway.options().model());
            } finally {
                main.stop();
            }
        }
    }

    private static void publish(String topic, String payload) throws Exception {
        MqttClient client = new MqttClient(MQTT.url(), "ha-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            client.disconnect(1_000);
        } finally {
            client.close(true);
        }
    }

    @Test
    void withoutAGatewayHostNeitherMiioRouteIsStarted() throws Exception {
        Main main = RunnerMain.start(Map.of(
                "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                   + RunnerMain.ROUTES.resolve("miio-to-kafka.yaml") + ",file:"
                                                   + RunnerMain.ROUTES.resolve("miio-to-mqtt.yaml"),
                "smarthome.mqtt.url", MQTT.url(),
                "smarthome.kafka.brokers", KAFKA.bootstrapServers()));
        try {
            assertThat(main.getCamelContext().getRoute("bridge-info-to-mqtt")).isNotNull();
            assertThat(main.getCamelContext().getRoute("miio-to-kafka")).isNull();
            assertThat(main.getCamelContext().getRoute("miio-to-mqtt")).isNull();
        } finally {
            main.stop();
        }
    }
}
