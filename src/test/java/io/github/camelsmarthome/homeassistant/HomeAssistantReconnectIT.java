package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.Main;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner with {@code routes/simplisafe-to-mqtt.yaml} and {@code routes/homeassistant.yaml}
 * while the MQTT broker restarts and forgets every retained message (as after a crash without
 * persistence).
 */
class HomeAssistantReconnectIT {

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String AVAILABILITY = "camel-smarthome/simplisafe/12345/availability";

    @TempDir
    Path stateDir;

    @Test
    void afterTheBrokerRestartsDeviceAvailabilityIsRetainedAgainAndCommandsAreHeardAgain() throws Exception {
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build())) {
            Main main = RunnerMain.start(Map.ofEntries(
                    Map.entry("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                                 + RunnerMain.ROUTES.resolve("simplisafe-to-mqtt.yaml") + ",file:"
                                                                 + RunnerMain.ROUTES.resolve("homeassistant.yaml")),
                    Map.entry("smarthome.mqtt.url", MQTT.url()),
                    Map.entry("camel.component.simplisafe.refreshToken", cloud.auth().issueTokens().refreshToken()),
                    Map.entry("camel.component.simplisafe.apiUrl", cloud.apiUrl()),
                    Map.entry("camel.component.simplisafe.authUrl", cloud.authUrl()),
                    Map.entry("camel.component.simplisafe.websocketUrl", cloud.webSocketUrl()),
                    Map.entry("camel.component.simplisafe.stateDir", stateDir.toString()),
                    Map.entry("camel.component.simplisafe.fastPollInterval", "200"),
                    Map.entry("camel.component.simplisafe.slowPollInterval", "300")));
            try {
                try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), AVAILABILITY)) {
                    probe.awaitMessage(AVAILABILITY, m -> "online".equals(m.payload()), TIMEOUT);
                }

                MQTT.stop();
                MQTT.start();

                // Nothing retained survived the restart: only the runner's reconnect can put it back.
                try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "camel-smarthome/#")) {
                    assertThat(probe.awaitMessage(AVAILABILITY, m -> "online".equals(m.payload()), TIMEOUT).payload())
                            .isEqualTo("online");
                    probe.awaitMessage("camel-smarthome/bridge/state", m -> "online".equals(m.payload()), TIMEOUT);

                    String result = "camel-smarthome/simplisafe/12345/alarm/result";
                    org.awaitility.Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                        publish("camel-smarthome/simplisafe/12345/alarm/set", "NOT_AN_ACTION");
                        return probe.messages().stream().anyMatch(m -> m.topic().equals(result));
                    });
                    assertThat(probe.awaitMessage(result, m -> true, TIMEOUT).payload()).contains("\"status\":\"error\"");
                }
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
}
