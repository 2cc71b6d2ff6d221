package io.github.camelsmarthome.homeconnect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
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
 * The fake Home Connect cloud, the {@code homeconnect:} component and the bundled XML route
 * {@code routes/homeconnect-to-mqtt.xml}, loaded by the runner's Camel Main, into a real MQTT broker.
 */
class HomeConnectToMqttIT {

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String WASHER_ROOT = "camel-smarthome/homeconnect/" + SimulatedHousehold.WASHER;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void theXmlRoutePublishesTheWashersDiscoveryConfigAndItsDoorInTheRetainedState() throws Exception {
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "#")) {
            TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            Main main = RunnerMain.start(Map.of(
                    "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeconnect-to-mqtt.xml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeassistant.yaml"),
                    "smarthome.ha.housekeeping-interval", "500", "smarthome.ha.housekeeping-first-delay", "500",
                    "smarthome.mqtt.url", MQTT.url(),
                    "smarthome.homeconnect.client-id", cloud.clientId(),
                    "camel.component.homeconnect.clientSecret", cloud.clientSecret(),
                    "camel.component.homeconnect.refreshToken", tokens.refreshToken(),
                    "camel.component.homeconnect.apiUrl", cloud.baseUrl(),
                    "camel.component.homeconnect.stateDir", stateDir.toString()));
            try {
                await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
                cloud.household().washer().openDoor();

                String configTopic = "homeassistant/device/camel-smarthome/homeconnect_" + SimulatedHousehold.WASHER + "/config";
                JsonNode document = json.readTree(probe.awaitMessage(configTopic, m -> m.payload().contains("\"child_lock\""),
                        TIMEOUT).payload());
                assertThat(document.path("cmps").path("door").path("default_entity_id").asText())
                        .matches("^binary_sensor\\.[a-z0-9_]+$");
                // The type from the appliance list reached the core through the XML route's header.
                assertThat(document.path("device").path("model").asText()).isEqualTo("Washer");
                probe.awaitMessage(WASHER_ROOT + "/state", m -> m.payload().contains("\"door_state\":\"open\""), TIMEOUT);
                assertThat(probe.awaitMessage(WASHER_ROOT + "/availability", m -> true, TIMEOUT).payload()).isEqualTo("online");

                // The bridge device shows the account's requests left today (1000 a day, a few spent).
                JsonNode health = json.readTree(probe.awaitMessage("camel-smarthome/bridge/health",
                        m -> m.payload().contains("\"requests_remaining\":") && !m.payload().contains("\"requests_remaining\":null"),
                        TIMEOUT).payload());
                assertThat(health.path("homeconnect").path("requests_remaining").asInt()).isBetween(900, 999);

                // A broker forwards live messages with the retained flag cleared: a late subscriber
                // (Home Assistant starting) shows what the broker kept.
                try (MqttProbe late = MqttProbe.subscribe(MQTT.url(), "#")) {
                    assertThat(late.awaitMessage(configTopic, m -> true, TIMEOUT).retained()).isTrue();
                    assertThat(late.awaitMessage(WASHER_ROOT + "/state", m -> true, TIMEOUT).retained()).isTrue();
                }
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aPowerCommandOverMqttSwitchesTheWasherOnAndAnswersOk() throws Exception {
        String result = WASHER_ROOT + "/power/result";
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), result)) {
            cloud.household().washer().powerOff();
            TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            Main main = RunnerMain.start(Map.of(
                    "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeassistant.yaml"),
                    "smarthome.mqtt.url", MQTT.url(),
                    "smarthome.homeconnect.client-id", cloud.clientId(),
                    "camel.component.homeconnect.clientSecret", cloud.clientSecret(),
                    "camel.component.homeconnect.refreshToken", tokens.refreshToken(),
                    "camel.component.homeconnect.apiUrl", cloud.baseUrl(),
                    "camel.component.homeconnect.stateDir", stateDir.toString()));
            try {
                await().atMost(TIMEOUT).until(() -> main.getCamelContext().getRouteController()
                        .getRouteStatus("homeassistant-commands").isStarted());
                publish(WASHER_ROOT + "/power/set", "on");

                MqttProbe.Message answer = probe.awaitMessage(result, m -> true, TIMEOUT);
                assertThat(json.readTree(answer.payload()).path("status").asText()).as(answer.payload()).isEqualTo("ok");
                assertThat(cloud.household().washer().setting("BSH.Common.Setting.PowerState").asText())
                        .isEqualTo("BSH.Common.EnumType.PowerState.On");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void programAndSettingCommandsOverMqttSelectStartAndStopTheWashersProgramAndLockIt() throws Exception {
        String selected = WASHER_ROOT + "/program/selected/result";
        String active = WASHER_ROOT + "/program/active/result";
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             MqttProbe probe = MqttProbe.subscribe(MQTT.url(), WASHER_ROOT + "/#")) {
            TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            Main main = RunnerMain.start(Map.of(
                    "camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeconnect-to-mqtt.xml") + ",file:"
                                                       + RunnerMain.ROUTES.resolve("homeassistant.yaml"),
                    "smarthome.mqtt.url", MQTT.url(),
                    "smarthome.homeconnect.client-id", cloud.clientId(),
                    "camel.component.homeconnect.clientSecret", cloud.clientSecret(),
                    "camel.component.homeconnect.refreshToken", tokens.refreshToken(),
                    "camel.component.homeconnect.apiUrl", cloud.baseUrl(),
                    "camel.component.homeconnect.stateDir", stateDir.toString()));
            try {
                await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1
                        && main.getCamelContext().getRouteController().getRouteStatus("homeassistant-program-commands").isStarted());

                publish(WASHER_ROOT + "/program/selected/set", "LaundryCare.Washer.Program.Cotton");
                assertOk(probe.awaitMessage(selected, m -> true, TIMEOUT));
                // The appliance reports the selection on its stream; the state HA's select reads follows.
                probe.awaitMessage(WASHER_ROOT + "/state", m -> m.payload().contains("\"selected_program\":\"Cotton\""), TIMEOUT);

                publish(WASHER_ROOT + "/program/active/set", "start");
                assertOk(probe.awaitMessage(active, m -> true, TIMEOUT));
                assertThat(cloud.household().washer().activeProgram()).hasValue("LaundryCare.Washer.Program.Cotton");

                publish(WASHER_ROOT + "/program/active/set", "stop");
                await().atMost(TIMEOUT).until(() -> probe.messages().stream().filter(m -> m.topic().equals(active)).count() == 2);
                assertOk(probe.messages().stream().filter(m -> m.topic().equals(active)).reduce((first, second) -> second)
                        .orElseThrow());
                assertThat(cloud.household().washer().activeProgram()).isEmpty();

                publish(WASHER_ROOT + "/child_lock/set", "ON");
                assertOk(probe.awaitMessage(WASHER_ROOT + "/child_lock/result", m -> true, TIMEOUT));
                assertThat(cloud.household().washer().setting("BSH.Common.Setting.ChildLock").booleanValue()).isTrue();
                probe.awaitMessage(WASHER_ROOT + "/state", m -> m.payload().contains("\"child_lock\":true"), TIMEOUT);
            } finally {
                main.stop();
            }
        }
    }

    private void assertOk(MqttProbe.Message answer) throws Exception {
        assertThat(json.readTree(answer.payload()).path("status").asText()).as(answer.payload()).isEqualTo("ok");
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
