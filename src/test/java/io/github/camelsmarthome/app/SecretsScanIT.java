package io.github.camelsmarthome.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import io.github.camelsmarthome.testing.RunnerProcess;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.apache.camel.support.CamelContextHelper;
import org.apache.logging.log4j.Level;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Design section 8, across everything at once: the runner's real routes with Home Connect,
 * SimpliSafe and a Xiaomi gateway against their simulators, a Mosquitto that wants a password and
 * a real Kafka, every logger at DEBUG (ours at TRACE), token renewals, a 401, a wrong arm code and
 * failing commands. Then every configured and issued secret, in its obvious encodings, is looked
 * for in every log line and stack trace, the metrics and health pages, the health checks, every
 * MQTT message and every Kafka record of the bridge's topics.
 */
class SecretsScanIT {

    private static final String MQTT_USER = "bridge-user";
    private static final String MQTT_PASSWORD = "mqtt-pw-S3cr3t-9xQvL";
    private static final String ARM_CODE = "Zq7Arm93Kx";
    private static final String MIIO_TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String SWITCH = "lumi.158d0001a2b3c4";
    private static final String BASE = "camel-smarthome";
    private static final String WASHER = BASE + "/homeconnect/" + SimulatedHousehold.WASHER;
    private static final List<String> KAFKA_TOPICS = List.of("smarthome.bridge.events", "smarthome.homeconnect.events",
            "smarthome.simplisafe.events", "smarthome.miio.events");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = MqttBroker.withCredentials(MQTT_USER, MQTT_PASSWORD);

    private final SecretScan scan = new SecretScan();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void noSecretLeavesTheBridgeThroughLogsMetricsHealthMqttOrKafka() throws Exception {
        int metricsPort = FreePorts.find();
        int miioPort = FreePorts.find();
        List<CapturedLogs> logs = new ArrayList<>();
        ScheduledExecutorService tokenWatch = Executors.newSingleThreadScheduledExecutor();
        try (HomeConnectSimulator homeConnect = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             SimpliSafeSimulator simplisafe = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build());
             FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
                     .token(MIIO_TOKEN).provisioned(false).targetPort(miioPort)
                     .subDevice(SWITCH, "lumi.sensor_switch.aq2").build());
             MqttProbe everything = MqttProbe.subscribe(MQTT.url(), "#", MQTT_USER, MQTT_PASSWORD)) {
            TokenSet homeConnectTokens = homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
            IssuedTokens simplisafeTokens = simplisafe.auth().issueTokens();
            scan.secret("Home Connect client secret", homeConnect.clientSecret());
            scan.secret("Home Connect access token (issued)", homeConnectTokens.accessToken());
            scan.secret("Home Connect refresh token (configured)", homeConnectTokens.refreshToken());
            scan.secret("SimpliSafe access token (issued)", simplisafeTokens.accessToken());
            scan.secret("SimpliSafe refresh token (configured)", simplisafeTokens.refreshToken());
            scan.secret("SimpliSafe id token (issued)", simplisafeTokens.idToken());
            scan.secret("SimpliSafe arm code", ARM_CODE);
            scan.hexSecret("miIO token", MIIO_TOKEN);
            if (MQTT.requiresCredentials()) {
                scan.secret("MQTT password", MQTT_PASSWORD);
                // Then the bridge's publishing and subscribing connections below only work because the credentials reach the broker.
                assertThatThrownBy(() -> MqttProbe.subscribe(MQTT.url(), "#").close()).as("an anonymous client is refused")
                        .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
            }
            // Renewed tokens are secrets too: the token stores say which were issued.
            tokenWatch.scheduleWithFixedDelay(this::rememberStoredTokens, 0, 50, TimeUnit.MILLISECONDS);

            logs.add(CapturedLogs.capture("io.github.camelsmarthome"));
            for (String library : List.of("org.apache.camel", "io.vertx", "io.netty", "org.eclipse.paho", "io.micrometer",
                    "org.apache.kafka.clients", "com.fasterxml")) {
                logs.add(CapturedLogs.capture(library, Level.DEBUG));
            }
            // Library loggers that print secrets at DEBUG whatever the bundle does: the runner keeps them at INFO.
            for (String leaky : LoggersThatPrintSecrets.NAMES) {
                logs.add(CapturedLogs.capture(leaky, Level.INFO));
            }
            Main main = RunnerMain.start(properties(homeConnect, homeConnectTokens, simplisafe, simplisafeTokens, gateway,
                    metricsPort, miioPort));
            try {
                assertThat(CamelContextHelper.containsSensitive(main.getCamelContext(), "camel.component.simplisafe.armCode"))
                        .as("Camel's configuration summary masks the arm code").isTrue();
                exercise(main, homeConnect, simplisafe, gateway, everything);
                collectFromOutside(main, metricsPort);
            } finally {
                main.stop();
            }
            tokenWatch.shutdown();
            assertThat(tokenWatch.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            rememberStoredTokens();
            for (MqttProbe.Message message : everything.messages()) {
                // What the test itself sent (commands with codes) is input, not output.
                if (!message.topic().endsWith("/set")) {
                    scan.place("MQTT " + message.topic(), message.topic() + " " + message.payload());
                }
            }
        } finally {
            tokenWatch.shutdownNow();
            for (CapturedLogs capture : logs) {
                capture.lines().forEach(line -> scan.place("log " + line.level(), line.fullText()));
                capture.close();
            }
        }

        assertThat(scan.secretCount()).as("configured and renewed secrets").isGreaterThanOrEqualTo(11);
        assertThat(scan.placeCount()).as("places looked at").isGreaterThan(100);
        assertThat(scan.findings()).as("places where a secret appeared").isEmpty();
    }

    @Test
    void theRunnersLoggingKeepsTheLoggersThatPrintSecretsAtInfo() throws IOException {
        String logging = Files.readString(RunnerMain.ROUTES.resolveSibling("src/runner/resources/log4j2.properties"));
        for (String name : LoggersThatPrintSecrets.NAMES) {
            java.util.regex.Matcher entry = java.util.regex.Pattern.compile("logger\\.([\\w-]+)\\.name = " + java.util.regex.Pattern.quote(name))
                    .matcher(logging);
            assertThat(entry.find()).as(name + " is configured").isTrue();
            assertThat(logging).as(name + " is at INFO").contains("logger." + entry.group(1) + ".level = info");
        }
    }

    private Map<String, String> properties(HomeConnectSimulator homeConnect, TokenSet homeConnectTokens,
            SimpliSafeSimulator simplisafe, IssuedTokens simplisafeTokens, FakeGateway gateway, int metricsPort, int miioPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("smarthome.mqtt.url", MQTT.url());
        properties.put("smarthome.mqtt.username", MQTT_USER);
        properties.put("smarthome.mqtt.password", MQTT_PASSWORD);
        properties.put("smarthome.kafka.brokers", KAFKA.bootstrapServers());
        properties.put("smarthome.state-dir", stateDir.toString());
        properties.put("smarthome.ha.housekeeping-interval", "500ms");
        properties.put("smarthome.ha.housekeeping-first-delay", "500ms");
        properties.put("camel.management.enabled", "true");
        properties.put("camel.management.port", Integer.toString(metricsPort));
        // Everything the health checks know, errors included, is on the page.
        properties.put("camel.health.exposureLevel", "full");
        properties.put("camel.component.kafka.pollTimeoutMs", "500");

        properties.put("smarthome.homeconnect.client-id", homeConnect.clientId());
        properties.put("camel.component.homeconnect.clientSecret", homeConnect.clientSecret());
        properties.put("camel.component.homeconnect.refreshToken", homeConnectTokens.refreshToken());
        properties.put("camel.component.homeconnect.apiUrl", homeConnect.baseUrl());

        properties.put("camel.component.simplisafe.refreshToken", simplisafeTokens.refreshToken());
        properties.put("camel.component.simplisafe.apiUrl", simplisafe.apiUrl());
        properties.put("camel.component.simplisafe.authUrl", simplisafe.authUrl());
        properties.put("camel.component.simplisafe.websocketUrl", simplisafe.webSocketUrl());
        properties.put("camel.component.simplisafe.armCode", ARM_CODE);
        properties.put("camel.component.simplisafe.fastPollInterval", "200");
        properties.put("camel.component.simplisafe.slowPollInterval", "300");

        properties.put("smarthome.miio.gateway-host", "127.0.0.2");
        properties.put("camel.component.miio-push.token", MIIO_TOKEN);
        properties.put("camel.component.miio-push.devices", SWITCH + ":lumi.sensor_switch.aq2");
        properties.put("camel.component.miio-push.bindAddress", "127.0.0.1");
        properties.put("camel.component.miio-push.port", Integer.toString(miioPort));
        properties.put("camel.component.miio-push.gatewayPort", Integer.toString(gateway.localAddress().getPort()));
        return properties;
    }

    /** Events from all three systems, renewals, a 401, refused and failing commands. */
    private void exercise(Main main, HomeConnectSimulator homeConnect, SimpliSafeSimulator simplisafe, FakeGateway gateway,
            MqttProbe everything) throws Exception {
        long sid = simplisafe.system().sid();
        String alarm = BASE + "/simplisafe/" + sid + "/alarm";
        String method = BASE + "/miio/gateway-127_0_0_2/method";
        await().atMost(TIMEOUT).until(() -> homeConnect.events().openStreamCount() == 1 && gateway.scenes().size() == 3
                && main.getCamelContext().getRouteController().getRouteStatus("homeassistant-commands").isStarted());
        everything.awaitMessage(BASE + "/simplisafe/" + sid + "/connection_mode", m -> true, TIMEOUT);

        homeConnect.household().washer().openDoor();
        simplisafe.system().emitEvent(1110, "93");
        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        homeConnect.faults().unauthorizedNext(FaultTarget.REST);
        command(everything, WASHER + "/power", "on", 1);
        homeConnect.authorization().expireAccessTokens();
        command(everything, WASHER + "/power", "standby", 2);
        command(everything, BASE + "/homeconnect/SIEMENS-HCS99XXX1-000000000000/power", "on", 1);

        command(everything, alarm, "{\"action\":\"ARM_AWAY\",\"code\":\"Wrong-" + ARM_CODE.substring(2) + "\"}", 1);
        command(everything, alarm, "{\"action\":\"ARM_HOME\"}", 2);
        command(everything, alarm, "{\"action\":\"ARM_HOME\",\"code\":\"" + ARM_CODE + "\"}", 3);
        simplisafe.auth().expireAccessTokens();
        simplisafe.faults().unauthorizedNext(1);
        command(everything, alarm, "{\"action\":\"DISARM\",\"code\":\"" + ARM_CODE + "\"}", 4);

        command(everything, method, "{\"method\":\"miIO.info\",\"params\":[]}", 1);
        command(everything, method, "{\"method\":\"no_such_method\",\"params\":[]}", 2);

        for (String topic : KAFKA_TOPICS) {
            KAFKA.recordsUntil(topic, records -> !records.isEmpty(), TIMEOUT)
                    .forEach(record -> scan.place("Kafka " + topic, record.key() + " " + record.value() + " " + record.headers()));
        }
        everything.awaitMessage(BASE + "/bridge/health", m -> m.payload().contains("requests_remaining"), TIMEOUT);
    }

    /** What an operator reads: the metrics and health pages, and the health checks' errors. */
    private void collectFromOutside(Main main, int metricsPort) {
        HttpResponse<String> metrics = RunnerProcess.get(metricsPort, "/observe/metrics");
        assertThat(metrics.body()).contains("smarthome_");
        scan.place("/observe/metrics", metrics.body());
        scan.place("/observe/health", RunnerProcess.get(metricsPort, "/observe/health").body());
        HealthCheckHelper.invoke(main.getCamelContext()).forEach(result -> {
            scan.place("health check " + result.getCheck().getId(), result.getMessage().orElse("") + " " + result.getDetails());
            result.getError().ifPresent(error -> scan.place("health check error " + result.getCheck().getId(),
                    SecretScan.fullText(error)));
        });
    }

    /** Sends a command as Home Assistant does and waits for the {@code n}th result on its result topic. */
    private void command(MqttProbe everything, String root, String payload, int n) throws Exception {
        MqttClient client = new MqttClient(MQTT.url(), "ha-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(MQTT_USER);
            options.setPassword(MQTT_PASSWORD.getBytes(StandardCharsets.UTF_8));
            client.connect(options);
            client.publish(root + "/set", payload.getBytes(StandardCharsets.UTF_8), 1, false);
            client.disconnect(1_000);
        } finally {
            client.close(true);
        }
        await().atMost(TIMEOUT).until(() -> everything.messages().stream().filter(m -> m.topic().equals(root + "/result")).count() >= n);
    }

    private void rememberStoredTokens() {
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".tokens.json")).forEach(this::rememberTokensIn);
        } catch (IOException | RuntimeException e) {
            // A store being replaced right now is read on the next round.
        }
    }

    private void rememberTokensIn(Path file) {
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            rememberTokenFields(file.getFileName().toString(), root);
        } catch (IOException e) {
            // idem
        }
    }

    private void rememberTokenFields(String file, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("token") && field.getValue().isTextual()) {
                scan.secret(field.getKey() + " stored in " + file, field.getValue().asText());
            } else if (field.getValue().isObject()) {
                rememberTokenFields(file, field.getValue());
            }
        });
    }
}
