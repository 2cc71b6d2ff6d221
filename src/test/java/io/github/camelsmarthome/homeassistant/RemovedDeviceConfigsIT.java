package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
import static org.awaitility.Awaitility.await;

/**
 * Against a real Mosquitto and the runner's routes: what an earlier run of the bridge left retained
 * for a SimpliSafe sensor that the account no longer has is cleared once the simulated cloud has
 * been polled, while the existing system keeps its config and another bridge's configs (another
 * node id on the same broker) stay untouched; and a device deleted in Home Assistant stays deleted.
 */
class RemovedDeviceConfigsIT {

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String NODE = "bridge-two";
    private static final String REMOVED_CONFIG = "homeassistant/device/" + NODE + "/simplisafe_99999/config";
    private static final String REMOVED_STATE = "camel-smarthome/simplisafe/99999/state";
    private static final String REMOVED_AVAILABILITY = "camel-smarthome/simplisafe/99999/availability";
    private static final String OTHER_BRIDGES_CONFIG = "homeassistant/device/camel-smarthome/simplisafe_99999/config";
    private static final String SYSTEM_CONFIG = "homeassistant/device/" + NODE + "/simplisafe_12345/config";

    @TempDir
    Path stateDir;

    @Test
    void aRemovedSensorsConfigStateAndAvailabilityAreClearedWhileTheSystemAndAnotherBridgesConfigsRemain() throws Exception {
        String removedDevice = "{\"device\": {\"identifiers\": [\"simplisafe_99999\"], \"name\": \"Old sensor\"}, \"cmps\": {}}";
        publishRetained(REMOVED_CONFIG, removedDevice);
        publishRetained(REMOVED_STATE, "{\"triggered\": false}");
        publishRetained(REMOVED_AVAILABILITY, "online");
        publishRetained(OTHER_BRIDGES_CONFIG, removedDevice);
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "#")) {
            Main main = RunnerMain.start(runner(cloud));
            try {
                probe.awaitMessage(REMOVED_CONFIG, m -> m.payload().isEmpty(), TIMEOUT);
                probe.awaitMessage(REMOVED_STATE, m -> m.payload().isEmpty(), TIMEOUT);
                probe.awaitMessage(REMOVED_AVAILABILITY, m -> m.payload().isEmpty(), TIMEOUT);

                try (MqttProbe late = MqttProbe.subscribe(MQTT.url(), "homeassistant/#")) {
                    assertThat(late.awaitMessage(SYSTEM_CONFIG, m -> true, TIMEOUT).payload()).contains("simplisafe_12345");
                    assertThat(late.awaitMessage(OTHER_BRIDGES_CONFIG, m -> true, TIMEOUT).payload()).contains("Old sensor");
                    assertThat(late.messages()).noneMatch(m -> m.topic().equals(REMOVED_CONFIG));
                }
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aDeviceDeletedInHomeAssistantIsNotPublishedAgainAtTheNextBirthAndIsRemembered() throws Exception {
        String node = "bridge-three";
        String systemConfig = "homeassistant/device/" + node + "/simplisafe_12345/config";
        String availability = "camel-smarthome/simplisafe/12345/availability";
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "#")) {
            Map<String, String> properties = runner(cloud);
            properties.put("smarthome.ha.node-id", node);
            properties.put("smarthome.ha.birth-delay-min", "0ms");
            properties.put("smarthome.ha.birth-delay-max", "0ms");
            Main main = RunnerMain.start(properties);
            try {
                probe.awaitMessage(systemConfig, m -> !m.payload().isEmpty(), TIMEOUT);
                probe.awaitMessage(availability, m -> true, TIMEOUT);
                // HA's clear is noticed on the inventory subscription, which starts once the bridge is
                // connected: clearing before it subscribed would go unseen (and the retained copy is gone).
                await().atMost(TIMEOUT).until(() -> main.getCamelContext().getRouteController()
                        .getRouteStatus("homeassistant-config-inventory").isStarted());

                publishRetained(systemConfig, "");
                Path excluded = stateDir.resolve(node + ".ha-excluded-devices");
                await().atMost(TIMEOUT).until(() -> Files.exists(excluded)
                                                    && Files.readString(excluded).contains("simplisafe_12345"));
                int clearedAt = probe.messages().size();
                long availabilityBefore = probe.messages().stream().filter(m -> m.topic().equals(availability)).count();
                publish("homeassistant/status", "online");

                await().atMost(TIMEOUT).until(() -> probe.messages().stream().filter(m -> m.topic().equals(availability)).count()
                                                    > availabilityBefore);
                List<MqttProbe.Message> all = probe.messages();
                assertThat(all.subList(clearedAt, all.size()))
                        .noneMatch(m -> m.topic().equals(systemConfig) && !m.payload().isEmpty());
            } finally {
                main.stop();
            }
        }
    }

    private Map<String, String> runner(SimpliSafeSimulator cloud) {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("simplisafe-to-mqtt.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("homeassistant.yaml"));
        properties.put("smarthome.mqtt.url", MQTT.url());
        properties.put("smarthome.ha.node-id", NODE);
        properties.put("smarthome.state-dir", stateDir.toString());
        properties.put("smarthome.ha.housekeeping-interval", "1s");
        properties.put("smarthome.ha.housekeeping-first-delay", "1s");
        properties.put("camel.component.simplisafe.refreshToken", cloud.auth().issueTokens().refreshToken());
        properties.put("camel.component.simplisafe.apiUrl", cloud.apiUrl());
        properties.put("camel.component.simplisafe.authUrl", cloud.authUrl());
        properties.put("camel.component.simplisafe.websocketUrl", cloud.webSocketUrl());
        properties.put("camel.component.simplisafe.stateDir", stateDir.toString());
        properties.put("camel.component.simplisafe.fastPollInterval", "200");
        properties.put("camel.component.simplisafe.slowPollInterval", "300");
        return properties;
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

    private static void publishRetained(String topic, String payload) throws Exception {
        MqttClient client = new MqttClient(MQTT.url(), "old-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
            client.disconnect(1_000);
        } finally {
            client.close(true);
        }
    }
}
