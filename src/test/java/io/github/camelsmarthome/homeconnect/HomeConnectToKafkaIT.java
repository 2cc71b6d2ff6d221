package io.github.camelsmarthome.homeconnect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
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
 * The fake Home Connect cloud, the {@code homeconnect:} component and the bundled
 * {@code routes/homeconnect-to-kafka.yaml}, loaded by the runner's Camel Main, into a real Kafka
 * broker.
 */
class HomeConnectToKafkaIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void applianceEventsArriveAsCloudEventsKeyedByHaId() throws Exception {
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
            TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            Main main = RunnerMain.start(Map.of(
                    "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeconnect-to-kafka.yaml"),
                    "smarthome.mqtt.url", MQTT.url(),
                    "smarthome.kafka.brokers", KAFKA.bootstrapServers(),
                    "smarthome.homeconnect.client-id", cloud.clientId(),
                    "camel.component.homeconnect.clientSecret", cloud.clientSecret(),
                    "camel.component.homeconnect.refreshToken", tokens.refreshToken(),
                    "camel.component.homeconnect.apiUrl", cloud.baseUrl(),
                    "camel.component.homeconnect.stateDir", stateDir.toString()));
            try {
                await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
                cloud.household().washer().openDoor();
                cloud.household().washer().closeDoor();

                List<ConsumerRecord<String, String>> records = KAFKA.recordsUntil("smarthome.homeconnect.events",
                        arrived -> arrived.stream().anyMatch(r -> streamedDoorState(r, "Open"))
                                   && arrived.stream().anyMatch(r -> streamedDoorState(r, "Closed")),
                        TIMEOUT);
                List<ConsumerRecord<String, String>> washer = records.stream()
                        .filter(r -> SimulatedHousehold.WASHER.equals(r.key())).toList();
                assertThat(washer).hasSizeGreaterThanOrEqualTo(2);
                for (ConsumerRecord<String, String> record : washer) {
                    JsonNode event = json.readTree(record.value());
                    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                    assertThat(event.path("subject").asText()).isEqualTo(SimulatedHousehold.WASHER);
                    assertThat(event.path("type").asText()).startsWith("homeconnect.");
                    assertThat(event.path("source").asText()).startsWith("/camel-smarthome/homeconnect/homeconnect-");
                    assertThat(event.path("data").path("deviceId").asText()).isEqualTo(SimulatedHousehold.WASHER);
                    assertThat(event.path("id").asText()).isEqualTo(event.path("data").path("id").asText());
                }
                // The request budget and the stream are visible as metrics (Prometheus on METRICS_PORT).
                MeterRegistry metrics = main.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
                String account = "homeconnect-" + shortHash(cloud.clientId());
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    assertThat(metrics.get("smarthome.homeconnect.stream.connected").tag("account", account).gauge().value()).isEqualTo(1.0);
                    assertThat(metrics.get("smarthome.homeconnect.stream.events").tag("account", account).functionCounter().count())
                            .isGreaterThanOrEqualTo(2.0);
                });
                double dayLeft = metrics.get("smarthome.homeconnect.budget.remaining").tag("account", account).tag("window", "day")
                        .gauge().value();
                assertThat(dayLeft).isLessThan(1000.0).isGreaterThan(900.0);
                // The token store now holds what the bootstrap refresh token was exchanged for.
                assertThat(stateDir.resolve("homeconnect-" + shortHash(cloud.clientId()) + ".tokens.json")).exists();
            } finally {
                main.stop();
            }
        }
    }

    /** A washer event received on the stream (not seeded over REST) that reports the door {@code state}. */
    private boolean streamedDoorState(ConsumerRecord<String, String> record, String state) {
        try {
            JsonNode data = json.readTree(record.value()).path("data");
            return SimulatedHousehold.WASHER.equals(record.key()) && data.path("origin").isMissingNode()
                   && data.path("items").toString().contains("BSH.Common.EnumType.DoorState." + state);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String shortHash(String clientId) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest, 0, 4);
    }
}
