package io.github.camelsmarthome.simplisafe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fake SimpliSafe cloud, refusing the websocket as it does for many accounts, the
 * {@code simplisafe:} component and the bundled {@code routes/simplisafe-to-kafka.yaml} and
 * {@code routes/simplisafe-to-mqtt.yaml}, loaded by the runner's Camel Main, into a real Kafka
 * broker and a real MQTT broker.
 */
class SimplisafeRoutesIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void eventsReachKafkaAsCloudEventsAndMqttWithTheConnectionMode() throws Exception {
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "camel-smarthome/#")) {
            Main main = RunnerMain.start(Map.ofEntries(
                    Map.entry("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                                 + RunnerMain.ROUTES.resolve("simplisafe-to-kafka.yaml") + ",file:"
                                                                 + RunnerMain.ROUTES.resolve("simplisafe-to-mqtt.yaml")),
                    Map.entry("smarthome.mqtt.url", MQTT.url()),
                    Map.entry("smarthome.kafka.brokers", KAFKA.bootstrapServers()),
                    // SIMPLISAFE_ENABLED stays auto: the refresh token turns SimpliSafe on.
                    Map.entry("camel.component.simplisafe.refreshToken", cloud.auth().issueTokens().refreshToken()),
                    Map.entry("camel.component.simplisafe.apiUrl", cloud.apiUrl()),
                    Map.entry("camel.component.simplisafe.authUrl", cloud.authUrl()),
                    Map.entry("camel.component.simplisafe.websocketUrl", cloud.webSocketUrl()),
                    Map.entry("camel.component.simplisafe.stateDir", stateDir.toString()),
                    Map.entry("camel.component.simplisafe.fastPollInterval", "200"),
                    Map.entry("camel.component.simplisafe.slowPollInterval", "300")));
            try {
                MqttProbe.Message mode = probe.awaitMessage("camel-smarthome/simplisafe/12345/connection_mode",
                        message -> message.retained() || "REST_ONLY".equals(message.payload()), TIMEOUT);
                assertThat(mode.payload()).isEqualTo("REST_ONLY");
                MqttProbe.Message info = probe.awaitMessage("camel-smarthome/bridge/info", message -> true, TIMEOUT);
                assertThat(json.readTree(info.payload()).path("systems").path("simplisafe").asBoolean()).isTrue();

                SimulatedEvent smoke = cloud.system().emitEvent(1110, "93");
                MqttProbe.Message alarm = probe.awaitMessage("camel-smarthome/simplisafe/12345/event",
                        message -> message.payload().contains("\"id\":\"id:" + smoke.eventId() + "\""), TIMEOUT);
                JsonNode alarmJson = json.readTree(alarm.payload());
                assertThat(alarmJson.path("event_type").asText()).isEqualTo("alarm_triggered");
                assertThat(alarm.retained()).isFalse();

                List<ConsumerRecord<String, String>> records = KAFKA.recordsUntil("smarthome.simplisafe.events",
                        arrived -> arrived.stream().anyMatch(r -> r.value().contains("id:" + smoke.eventId())), TIMEOUT);
                JsonNode event = records.stream().filter(r -> r.value().contains("id:" + smoke.eventId()))
                        .map(r -> read(r.value())).findFirst().orElseThrow();
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("type").asText()).isEqualTo("simplisafe.alarm_triggered");
                assertThat(event.path("id").asText()).isEqualTo("id:" + smoke.eventId());
                assertThat(event.path("source").asText()).startsWith("/camel-smarthome/simplisafe/simplisafe-");
                assertThat(event.path("data").path("origin").asText()).isEqualTo("history");

                // The feed is visible as metrics (Prometheus on METRICS_PORT).
                MeterRegistry metrics = main.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    assertThat(metrics.get("smarthome.simplisafe.connection.mode").tag("mode", "REST_ONLY").gauge().value()).isEqualTo(1.0);
                    assertThat(metrics.get("smarthome.simplisafe.connection.mode").tag("mode", "REALTIME").gauge().value()).isEqualTo(0.0);
                    assertThat(metrics.get("smarthome.simplisafe.events").functionCounter().count()).isGreaterThanOrEqualTo(2.0);
                    assertThat(metrics.get("smarthome.simplisafe.polls").functionCounter().count()).isPositive();
                });
            } finally {
                main.stop();
            }
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
