package io.github.camelsmarthome.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code routes/bridge.yaml}, loaded by the runner's own Camel Main set-up, against a
 * real Kafka broker and a real MQTT broker.
 */
class BridgeRoutesIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();

    private Main startBridge(String instance, String baseTopic, String kafkaBrokers) throws Exception {
        return RunnerMain.start(Map.of(
                "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml"),
                "smarthome.instance-id", instance,
                "smarthome.mqtt.url", MQTT.url(),
                "smarthome.mqtt.base-topic", baseTopic,
                "smarthome.kafka.brokers", kafkaBrokers));
    }

    @Test
    void publishesTheBridgeStateAndInfoToMqttAndTheStartEventToKafka() throws Exception {
        Main main = startBridge("it-bridge", "it-both", KAFKA.bootstrapServers());
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "it-both/#")) {
            probe.awaitMessage("it-both/bridge/state", m -> m.payload().equals("online"), TIMEOUT);
            MqttProbe.Message info = probe.awaitMessage("it-both/bridge/info", m -> true, TIMEOUT);
            try (MqttProbe late = MqttProbe.subscribe(MQTT.url(), "it-both/#")) {
                // A client that subscribes later (Home Assistant after a restart) gets both as retained.
                late.awaitMessage("it-both/bridge/state", m -> m.retained() && m.payload().equals("online"), TIMEOUT);
                late.awaitMessage("it-both/bridge/info", m -> m.retained() && m.payload().equals(info.payload()), TIMEOUT);
            }
            JsonNode infoJson = json.readTree(info.payload());
            assertThat(infoJson.path("instance").asText()).isEqualTo("it-bridge");
            assertThat(infoJson.path("version").asText()).isNotBlank();
            assertThat(infoJson.path("systems").path("kafka").asBoolean()).isTrue();

            List<ConsumerRecord<String, String>> records = KAFKA.records("smarthome.bridge.events", 1, TIMEOUT);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("it-bridge");
            JsonNode event = json.readTree(records.get(0).value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("bridge.started");
            assertThat(event.path("source").asText()).isEqualTo("/camel-smarthome/bridge/it-bridge");
            assertThat(event.path("subject").asText()).isEqualTo("it-bridge");
            assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.path("id").asText()).startsWith("it-bridge:started:");
            assertThat(event.path("data").path("version").asText()).isEqualTo(infoJson.path("version").asText());

            main.stop();
            probe.awaitMessage("it-both/bridge/state", m -> m.payload().equals("offline"), TIMEOUT);
        } finally {
            main.stop();
        }
    }

    @Test
    void withoutKafkaBrokersTheKafkaRouteIsOffAndMqttStillFlows() throws Exception {
        Main main = startBridge("it-mqtt-only", "it-mqtt-only", "");
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "it-mqtt-only/#")) {
            assertThat(main.getCamelContext().getRoute("bridge-started-to-kafka")).isNull();
            assertThat(main.getCamelContext().getRoute("bridge-info-to-mqtt")).isNotNull();
            MqttProbe.Message info = probe.awaitMessage("it-mqtt-only/bridge/info", m -> true, TIMEOUT);
            assertThat(json.readTree(info.payload()).path("systems").path("kafka").asBoolean()).isFalse();
        } finally {
            main.stop();
        }
    }
}
