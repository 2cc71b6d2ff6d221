package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
 * The lifecycle around discovery against a real broker: {@code HA_DISCOVERY_MODE}, the migration
 * of a known device's configs left in the other mode, configs of unseen devices kept, and the
 * bridge's health document on the housekeeping timer.
 */
class HomeAssistantHousekeepingIT {

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ALARM_COMPONENT =
            "homeassistant/alarm_control_panel/camel-smarthome/camel_smarthome_simplisafe_12345_alarm/config";
    private static final String UNSEEN_COMPONENT =
            "homeassistant/binary_sensor/camel-smarthome/camel_smarthome_simplisafe_99999_power_outage/config";
    private static final String SYSTEM_DEVICE = "homeassistant/device/camel-smarthome/simplisafe_12345/config";

    @TempDir
    Path stateDir;

    @Test
    void switchingToDeviceModeMigratesAKnownDevicesComponentConfigsAndKeepsThoseOfUnseenDevices() throws Exception {
        publishRetained(ALARM_COMPONENT, "{\"name\": \"Alarm\", \"unique_id\": \"camel_smarthome_simplisafe_12345_alarm\"}");
        publishRetained(UNSEEN_COMPONENT, "{\"name\": \"Power\", \"unique_id\": \"camel_smarthome_simplisafe_99999_power_outage\"}");
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "#")) {
            Main main = RunnerMain.start(runner(cloud, "device"));
            try {
                probe.awaitMessage(ALARM_COMPONENT, m -> m.payload().contains("migrate_discovery"), TIMEOUT);
                probe.awaitMessage(ALARM_COMPONENT, m -> m.payload().isEmpty(), TIMEOUT);
                probe.awaitMessage(SYSTEM_DEVICE, m -> !m.payload().isEmpty(), TIMEOUT);
                probe.awaitMessage("camel-smarthome/bridge/health", m -> m.payload().contains("\"simplisafe\""), TIMEOUT);

                try (MqttProbe late = MqttProbe.subscribe(MQTT.url(), "homeassistant/#")) {
                    assertThat(late.awaitMessage(UNSEEN_COMPONENT, m -> true, TIMEOUT).payload()).contains("99999");
                    late.awaitMessage(SYSTEM_DEVICE, m -> true, TIMEOUT);
                    assertThat(late.messages()).noneMatch(m -> m.topic().equals(ALARM_COMPONENT));
                }
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void inComponentModeEveryEntityHasItsOwnConfigAndTheOldDeviceConfigIsMigrated() throws Exception {
        publishRetained(SYSTEM_DEVICE, "{\"device\": {\"identifiers\": [\"simplisafe_12345\"]}, \"cmps\": {}}");
        try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests()
                .rejectSocketUpgrades(true).build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "homeassistant/#")) {
            Main main = RunnerMain.start(runner(cloud, "component"));
            try {
                assertThat(probe.awaitMessage(ALARM_COMPONENT, m -> !m.payload().isEmpty() && !m.payload().contains("migrate"),
                        TIMEOUT).payload()).contains("\"unique_id\":\"camel_smarthome_simplisafe_12345_alarm\"");
                probe.awaitMessage(SYSTEM_DEVICE, m -> m.payload().contains("migrate_discovery"), TIMEOUT);
                probe.awaitMessage(SYSTEM_DEVICE, m -> m.payload().isEmpty(), TIMEOUT);
            } finally {
                main.stop();
            }
        }
    }

    private Map<String, String> runner(SimpliSafeSimulator cloud, String mode) {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("simplisafe-to-mqtt.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("homeassistant.yaml"));
        properties.put("smarthome.mqtt.url", MQTT.url());
        properties.put("smarthome.ha.discovery-mode", mode);
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
