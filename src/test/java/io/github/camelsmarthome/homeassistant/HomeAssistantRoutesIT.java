package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.simplisafe.AlarmState;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedLocks;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.Main;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fake SimpliSafe cloud, the {@code simplisafe:} component and the bundled
 * {@code routes/simplisafe-to-mqtt.yaml} and {@code routes/homeassistant.yaml}, loaded by the
 * runner's Camel Main, against a real MQTT broker, seen from Home Assistant's side: discovery
 * configs, states and events on the documented topics, the birth message, and commands back.
 */
class HomeAssistantRoutesIT {

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SYSTEM_CONFIG = "homeassistant/device/camel-smarthome/simplisafe_12345/config";
    private static final String ALARM_COMMAND = "camel-smarthome/simplisafe/12345/alarm/set";
    private static final String ALARM_RESULT = "camel-smarthome/simplisafe/12345/alarm/result";
    private static final String ENTITY_ID = "^[a-z_]+\\.[a-z0-9_]+$";

    private static SimpliSafeSimulator cloud;
    private static Main main;
    private static Path stateDir;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startRunner() throws Exception {
        stateDir = Files.createTempDirectory("ha-routes-it-");
        cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().rejectSocketUpgrades(true).build());
        main = RunnerMain.start(Map.ofEntries(
                Map.entry("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                             + RunnerMain.ROUTES.resolve("simplisafe-to-mqtt.yaml") + ",file:"
                                                             + RunnerMain.ROUTES.resolve("homeassistant.yaml")),
                Map.entry("smarthome.mqtt.url", MQTT.url()),
                Map.entry("smarthome.ha.birth-delay-min", "0ms"),
                Map.entry("smarthome.ha.birth-delay-max", "300ms"),
                Map.entry("camel.component.simplisafe.refreshToken", cloud.auth().issueTokens().refreshToken()),
                Map.entry("camel.component.simplisafe.apiUrl", cloud.apiUrl()),
                Map.entry("camel.component.simplisafe.authUrl", cloud.authUrl()),
                Map.entry("camel.component.simplisafe.websocketUrl", cloud.webSocketUrl()),
                Map.entry("camel.component.simplisafe.stateDir", stateDir.toString()),
                Map.entry("camel.component.simplisafe.fastPollInterval", "200"),
                Map.entry("camel.component.simplisafe.slowPollInterval", "300")));
        await().atMost(TIMEOUT).until(() -> main.getCamelContext().getRouteController()
                .getRouteStatus("homeassistant-commands").isStarted()
                                             && main.getCamelContext().getRouteController()
                                                     .getRouteStatus("homeassistant-birth").isStarted());
        // The first poll has been published, so the tests' own probes see the broker's retained copies.
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "#")) {
            probe.awaitMessage(SYSTEM_CONFIG, m -> true, TIMEOUT);
            probe.awaitMessage("camel-smarthome/simplisafe/12345/state", m -> true, TIMEOUT);
        }
    }

    @AfterAll
    static void stopRunner() throws Exception {
        if (main != null) {
            main.stop();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void everyDiscoveryConfigCarriesUniqueIdDeviceOriginEntityIdAndTheAvailabilityList() throws Exception {
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "homeassistant/#")) {
            probe.awaitMessage(SYSTEM_CONFIG, message -> message.retained(), TIMEOUT);
            List<MqttProbe.Message> configs = probe.messages().stream().filter(m -> m.topic().endsWith("/config")).toList();
            assertThat(configs).isNotEmpty().allSatisfy(config -> {
                JsonNode document = json.readTree(config.payload());
                assertThat(document.path("device").path("identifiers").size()).as(config.topic()).isPositive();
                assertThat(document.path("origin").path("name").asText()).as(config.topic()).isEqualTo("camel-smarthome");
                assertThat(document.path("availability_mode").asText()).as(config.topic()).isEqualTo("all");
                List<String> availability = document.path("availability").findValuesAsText("topic");
                assertThat(availability).as(config.topic()).startsWith("camel-smarthome/bridge/state");
                List<JsonNode> entities = new ArrayList<>();
                document.path("cmps").forEach(entities::add);
                assertThat(entities).as(config.topic()).isNotEmpty();
                for (JsonNode entity : entities) {
                    if (entity.path("p").asText().equals("device_automation")) {
                        continue;
                    }
                    assertThat(entity.path("unique_id").asText()).as(config.topic()).startsWith("camel_smarthome_");
                    assertThat(entity.path("default_entity_id").asText()).as(config.topic()).matches(ENTITY_ID);
                }
            });
            JsonNode system = json.readTree(probe.awaitMessage(SYSTEM_CONFIG, m -> true, TIMEOUT).payload());
            assertThat(system.path("availability").findValuesAsText("topic"))
                    .contains("camel-smarthome/simplisafe/12345/availability");
            assertThat(system.path("cmps").path("alarm").path("command_topic").asText()).isEqualTo(ALARM_COMMAND);
        }
    }

    @Test
    void stateAvailabilityAndEventsArriveOnTheDocumentedTopics() throws Exception {
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "camel-smarthome/simplisafe/#")) {
            MqttProbe.Message state = probe.awaitMessage("camel-smarthome/simplisafe/12345/state", m -> true, TIMEOUT);
            assertThat(state.retained()).isTrue();
            assertThat(json.readTree(state.payload()).has("alarm_state")).isTrue();
            assertThat(probe.awaitMessage("camel-smarthome/simplisafe/12345/availability", m -> true, TIMEOUT).payload())
                    .isEqualTo("online");
            assertThat(probe.awaitMessage("camel-smarthome/simplisafe/12345/connection_mode", m -> true, TIMEOUT).payload())
                    .isEqualTo("REST_ONLY");

            SimulatedEvent smoke = cloud.system().emitEvent(1110, "93");
            MqttProbe.Message alarm = probe.awaitMessage("camel-smarthome/simplisafe/12345/event",
                    message -> message.payload().contains("\"id\":\"id:" + smoke.eventId() + "\""), TIMEOUT);
            assertThat(alarm.retained()).isFalse();
            JsonNode event = json.readTree(alarm.payload());
            assertThat(event.fieldNames().next()).isEqualTo("event_type");
            assertThat(event.path("event_type").asText()).isEqualTo("alarm_triggered");
            assertThat(event.path("system").asText()).isEqualTo("simplisafe");
            assertThat(event.path("deviceId").asText()).isEqualTo("12345");
        }
    }

    @Test
    void homeAssistantsBirthMessageRepublishesEveryConfig() throws Exception {
        Set<String> before;
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "homeassistant/+/camel-smarthome/+/config")) {
            probe.awaitMessage(SYSTEM_CONFIG, MqttProbe.Message::retained, TIMEOUT);
            before = probe.messages().stream().map(MqttProbe.Message::topic).collect(Collectors.toSet());
        }
        // Without events, nothing but the birth can publish a config.
        main.getCamelContext().getRouteController().stopRoute("simplisafe-to-mqtt");
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), "homeassistant/+/camel-smarthome/+/config")) {
            // Only what arrives live counts: the retained copies replayed on subscribe are not a re-publication.
            probe.awaitMessage(SYSTEM_CONFIG, MqttProbe.Message::retained, TIMEOUT);
            assertThat(probe.messages()).noneMatch(m -> !m.retained());
            publish("homeassistant/status", "online", false);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(probe.messages().stream().filter(m -> !m.retained())
                    .map(MqttProbe.Message::topic).collect(Collectors.toSet())).containsAll(before));
        } finally {
            main.getCamelContext().getRouteController().startRoute("simplisafe-to-mqtt");
        }
    }

    @Test
    void anArmCommandArmsTheSystemAndAnswersOk() throws Exception {
        cloud.system().arm(io.github.camelsmarthome.simulator.simplisafe.AlarmMode.OFF);
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), ALARM_RESULT)) {
            publish(ALARM_COMMAND, "{\"action\": \"ARM_AWAY\", \"code\": \"\"}", false);
            MqttProbe.Message result = probe.awaitMessage(ALARM_RESULT, m -> true, TIMEOUT);
            assertThat(json.readTree(result.payload()).path("status").asText()).as(result.payload()).isEqualTo("ok");
            assertThat(result.retained()).isFalse();
            assertThat(cloud.system().alarmState()).isIn(AlarmState.AWAY, AlarmState.AWAY_COUNT);
        }
    }

    @Test
    void aRetainedCommandReplayedOnSubscribeIsNotExecutedAndAnswersAnError() throws Exception {
        cloud.system().arm(io.github.camelsmarthome.simulator.simplisafe.AlarmMode.OFF);
        // A broker forwards a live message to existing subscribers with the retained flag cleared
        // (MQTT 5 3.3.1.3): the flag is set only when it replays a stored command on (re)subscribe,
        // as after the bridge restarts. So the command waits on the broker while the route is away.
        main.getCamelContext().getRouteController().stopRoute("homeassistant-commands");
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), ALARM_RESULT)) {
            publish(ALARM_COMMAND, "ARM_HOME", true);
            main.getCamelContext().getRouteController().startRoute("homeassistant-commands");
            MqttProbe.Message result = probe.awaitMessage(ALARM_RESULT, m -> true, TIMEOUT);
            JsonNode answer = json.readTree(result.payload());
            assertThat(answer.path("status").asText()).isEqualTo("error");
            assertThat(answer.path("error").asText()).contains("retained");
            assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.OFF);
        } finally {
            publish(ALARM_COMMAND, "", true);
            main.getCamelContext().getRouteController().startRoute("homeassistant-commands");
        }
    }

    @Test
    void anUnlockCommandUnlocksTheLockAndAnswersOk() throws Exception {
        String lock = "987";
        cloud.system().locks().lock(lock);
        String resultTopic = "camel-smarthome/simplisafe/" + lock + "/lock/result";
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), resultTopic)) {
            publish("camel-smarthome/simplisafe/" + lock + "/lock/set", "UNLOCK", false);
            MqttProbe.Message result = probe.awaitMessage(resultTopic, m -> true, TIMEOUT);
            assertThat(json.readTree(result.payload()).path("status").asText()).as(result.payload()).isEqualTo("ok");
            await().atMost(TIMEOUT).until(() -> cloud.system().locks().lockState(lock) == SimulatedLocks.UNLOCKED);
        }
    }

    @Test
    void anUnknownActionAnswersAnErrorAndChangesNothing() throws Exception {
        cloud.system().arm(io.github.camelsmarthome.simulator.simplisafe.AlarmMode.OFF);
        try (MqttProbe probe = MqttProbe.subscribe(MQTT.url(), ALARM_RESULT)) {
            publish(ALARM_COMMAND, "SELF_DESTRUCT", false);
            MqttProbe.Message result = probe.awaitMessage(ALARM_RESULT, m -> true, TIMEOUT);
            assertThat(json.readTree(result.payload()).path("status").asText()).isEqualTo("error");
            assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.OFF);
        }
    }

    private static void publish(String topic, String payload, boolean retained) throws Exception {
        MqttClient client = new MqttClient(MQTT.url(), "ha-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
            client.disconnect(1_000);
        } finally {
            client.close(true);
        }
    }
}
