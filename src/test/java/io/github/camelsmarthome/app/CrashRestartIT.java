package io.github.camelsmarthome.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.simulator.miio.StoredScene;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.RunnerProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner jar with all three systems (simulators in this JVM), real Kafka and real Mosquitto,
 * killed with SIGKILL while events flow and right after a token refresh, then started again on the
 * same state directory. The scenario runs once; each test checks one promise about the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Logger LOG = LoggerFactory.getLogger(CrashRestartIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));
    private static final String MIIO_TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String SWITCH = "lumi.158d0001a2b3c4";
    private static final List<String> TOPICS = List.of("smarthome.homeconnect.events", "smarthome.simplisafe.events",
            "smarthome.miio.events");
    private static final int AUTOMATIC_TEST = 1602;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    static Path workDir;

    private HomeConnectSimulator homeConnect;
    private SimpliSafeSimulator simplisafe;
    private FakeGateway gateway;
    private ScheduledExecutorService traffic;
    private RunnerProcess restarted;

    // What the scenario observed, for the tests.
    private Path stateDir;
    private Map<String, Long> endOffsetsAtKill;
    private List<ConsumerRecord<String, String>> deliveredBeforeKill;
    private List<ConsumerRecord<String, String>> deliveredAfterRestart;
    private List<StoredScene> scenesBeforeKill;
    private Instant restartedAt;
    private SimulatedEvent whileDown;

    @BeforeAll
    void killTheRunnerWhileEventsFlowAndStartItAgain() throws Exception {
        stateDir = workDir.resolve("state");
        homeConnect = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
        simplisafe = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().rejectSocketUpgrades(true).build());
        int miioServerPort = FreePorts.find();
        gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0).token(MIIO_TOKEN)
                .targetPort(miioServerPort).subDevice(SWITCH, "lumi.sensor_switch.aq2").build());
        Map<String, String> env = environment(miioServerPort);
        TokenSet homeConnectTokens = homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        Map<String, String> firstEnv = new HashMap<>(env);
        firstEnv.put("HOMECONNECT_REFRESH_TOKEN", homeConnectTokens.refreshToken());
        firstEnv.put("SIMPLISAFE_REFRESH_TOKEN", simplisafe.auth().issueTokens().refreshToken());

        RunnerProcess first = RunnerProcess.start(workDir, firstEnv, "run");
        try {
            await().atMost(TIMEOUT).until(() -> homeConnect.events().openStreamCount() == 1 && gateway.scenes().size() >= 3
                                                 && tokenStores().size() == 2 && Files.exists(applianceState()));
            startTraffic();
            await().atMost(TIMEOUT).until(() -> TOPICS.stream().allMatch(topic -> deliveredSoFar(topic) >= 5));
            // A refresh writes the SimpliSafe token store: kill the runner as soon as the write is seen.
            Path simplisafeStore = tokenStores().stream().filter(p -> p.getFileName().toString().startsWith("simplisafe"))
                    .findFirst().orElseThrow();
            String before = Files.readString(simplisafeStore);
            simplisafe.auth().expireAccessTokens();
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> !readQuietly(simplisafeStore).equals(before));
            scenesBeforeKill = gateway.scenes();
            first.kill();
        } finally {
            first.close();
            traffic.shutdownNow();
            assertThat(traffic.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        endOffsetsAtKill = new HashMap<>();
        deliveredBeforeKill = new ArrayList<>();
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, String>> records = readAll(topic);
            endOffsetsAtKill.put(topic, deliveredSoFar(topic));
            deliveredBeforeKill.addAll(records);
        }
        whileDown = simplisafe.system().emitEvent(AUTOMATIC_TEST);

        restartedAt = Instant.now();
        restarted = RunnerProcess.start(workDir, env, "run");
        // New traffic only once the history was read again: more than a history page of new events would
        // push the downtime's event off the page (a documented limit, not what this test is about).
        await().atMost(TIMEOUT).until(() -> simplisafe.requests().since(restartedAt).stream()
                .anyMatch(request -> request.path().contains("/events")));
        startTraffic();
        await().atMost(TIMEOUT).until(() -> TOPICS.stream().allMatch(topic -> deliveredSoFar(topic) >= endOffsetsAtKill.get(topic) + 3)
                                            && deliveredSoFar("smarthome.simplisafe.events") > endOffsetsAtKill.get("smarthome.simplisafe.events"));
        traffic.shutdownNow();
        assertThat(traffic.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Set<String> positionsBeforeKill = deliveredBeforeKill.stream().map(CrashRestartIT::position).collect(Collectors.toSet());
        deliveredAfterRestart = new ArrayList<>();
        for (String topic : TOPICS) {
            readAll(topic).stream().filter(r -> !positionsBeforeKill.contains(position(r))).forEach(deliveredAfterRestart::add);
        }
        long firstEventAfterRestart = deliveredAfterRestart.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        LOG.info("Crash/restart figures: {} events before the kill, {} after the restart, {} duplicates of delivered events,"
                 + " first event {} ms after the restart; the runner says: {}", deliveredBeforeKill.size(), deliveredAfterRestart.size(),
                duplicatesOfDelivered().size(), firstEventAfterRestart - restartedAt.toEpochMilli(),
                restarted.stdout().lines().filter(line -> line.contains("started in")).findFirst().orElse("(no start line)"));
    }

    @AfterAll
    void stopEverything() {
        if (traffic != null) {
            traffic.shutdownNow();
        }
        if (restarted != null) {
            restarted.close();
        }
        Stream.<AutoCloseable>of(gateway, simplisafe, homeConnect).filter(c -> c != null).forEach(closeable -> {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", closeable, e.toString());
            }
        });
    }

    @Test
    void tokenStoresSurviveTheKillWholeOwnerOnlyAndWithoutTemporaryFiles() throws Exception {
        List<Path> stores = tokenStores();
        assertThat(stores).hasSize(2);
        for (Path store : stores) {
            assertThat(json.readTree(store.toFile()).isObject()).as("%s parses", store).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).as("%s", store).isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void theRestartedRunnerUsesTheStoredTokensWithoutANewLogin() {
        // The second start had no refresh token in its environment: events flowing prove the stores worked.
        assertThat(restarted.isAlive()).as(restarted.stderr()).isTrue();
        assertThat(deliveredAfterRestart).extracting(r -> r.topic()).contains(TOPICS.toArray(String[]::new));
        assertThat(homeConnect.requests().since(restartedAt)).noneMatch(r -> r.path().contains("authorize"));
        assertThat(simplisafe.requests().since(restartedAt)).noneMatch(r -> r.path().contains("authorize"));
        assertThat(restarted.stdout() + restarted.stderr()).doesNotContain("AUTH_REQUIRED");
    }

    @Test
    void theSavedApplianceStateIsRestoredWithoutSeedingRequests() {
        assertThat(homeConnect.requests().since(restartedAt)).as("REST requests after the restart")
                .noneMatch(r -> r.kind() == io.github.camelsmarthome.simulator.homeconnect.RequestKind.REST);
    }

    @Test
    void theGatewayHoldsExactlyOneCopyOfEachSceneAfterTheRestart() {
        List<StoredScene> scenes = gateway.scenes();
        assertThat(scenes).extracting(StoredScene::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(scenesBeforeKill.stream().map(StoredScene::id).toList());
        assertThat(scenes.stream().map(StoredScene::command).collect(Collectors.toSet())).hasSameSizeAs(scenes);
    }

    @Test
    void kafkaGetsNoSecondCopyOfAnEventDeliveredBeforeTheKill() {
        assertThat(duplicatesOfDelivered()).isEmpty();
    }

    @Test
    void eventsAfterTheRestartArriveOnEveryTopic() {
        Set<String> beforeIds = deliveredBeforeKill.stream().map(this::cloudEventId).collect(Collectors.toSet());
        assertThat(deliveredAfterRestart).filteredOn(r -> !beforeIds.contains(cloudEventId(r))).extracting(ConsumerRecord::topic)
                .contains(TOPICS.toArray(String[]::new));
    }

    @Test
    void aSimplisafeEventThatHappenedWhileTheRunnerWasDownIsBackFilled() {
        await().atMost(TIMEOUT).until(() -> readAll("smarthome.simplisafe.events").stream()
                .anyMatch(r -> cloudEventId(r).equals("smarthome.simplisafe.events id:" + whileDown.eventId())));
    }

    private List<String> duplicatesOfDelivered() {
        Set<String> beforeIds = deliveredBeforeKill.stream().map(this::cloudEventId).collect(Collectors.toSet());
        return deliveredAfterRestart.stream().map(this::cloudEventId).filter(beforeIds::contains).toList();
    }

    private Map<String, String> environment(int miioServerPort) throws IOException {
        Path config = workDir.resolve("crash.properties");
        Files.writeString(config, """
                camel.component.simplisafe.fastPollInterval = 300
                camel.component.simplisafe.slowPollInterval = 300
                """);
        Map<String, String> env = new HashMap<>();
        env.put("ROUTES_DIR", PROJECT.resolve("routes").toAbsolutePath().toString());
        env.put("CONFIG_FILE", config.toString());
        env.put("STATE_DIR", stateDir.toString());
        env.put("MQTT_URL", MQTT.url());
        env.put("KAFKA_BROKERS", KAFKA.bootstrapServers());
        env.put("INSTANCE_ID", "crash-it");
        env.put("METRICS_PORT", Integer.toString(FreePorts.find()));
        env.put("HOMECONNECT_CLIENT_ID", homeConnect.clientId());
        env.put("HOMECONNECT_CLIENT_SECRET", homeConnect.clientSecret());
        env.put("HOMECONNECT_API_URL", homeConnect.baseUrl());
        env.put("SIMPLISAFE_ENABLED", "true");
        env.put("SIMPLISAFE_API_URL", simplisafe.apiUrl());
        env.put("SIMPLISAFE_AUTH_URL", simplisafe.authUrl());
        env.put("SIMPLISAFE_WEBSOCKET_URL", simplisafe.webSocketUrl());
        env.put("MIIO_GATEWAY_HOST", "127.0.0.2");
        env.put("MIIO_TOKEN", MIIO_TOKEN);
        env.put("MIIO_DEVICES", SWITCH + ":lumi.sensor_switch.aq2");
        env.put("MIIO_BIND_ADDRESS", "127.0.0.1");
        env.put("MIIO_PORT", Integer.toString(miioServerPort));
        env.put("MIIO_GATEWAY_PORT", Integer.toString(gateway.localAddress().getPort()));
        return env;
    }

    /** Events in all three systems, a few per second, until shut down. */
    private void startTraffic() {
        traffic = Executors.newSingleThreadScheduledExecutor();
        boolean[] open = {false};
        traffic.scheduleWithFixedDelay(() -> {
            try {
                if (open[0]) {
                    homeConnect.household().washer().closeDoor();
                } else {
                    homeConnect.household().washer().openDoor();
                }
                open[0] = !open[0];
                simplisafe.system().emitEvent(AUTOMATIC_TEST);
                gateway.fire(SWITCH, "click_ch0");
            } catch (RuntimeException e) {
                LOG.info("traffic: {}", e.toString());
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    private List<Path> tokenStores() throws IOException {
        if (!Files.isDirectory(stateDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tokens.json")).sorted().toList();
        }
    }

    private Path applianceState() throws IOException {
        if (!Files.isDirectory(stateDir)) {
            return stateDir.resolve("none");
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".appliances.json")).findFirst()
                    .orElse(stateDir.resolve("none"));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private String cloudEventId(ConsumerRecord<String, String> record) {
        try {
            return record.topic() + " " + json.readTree(record.value()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long deliveredSoFar(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record of the topic, up to its end when called, in offset order per partition. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(TIMEOUT).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records.stream().filter(r -> r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))).toList();
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(10)).getOrDefault(topic, List.of());
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
