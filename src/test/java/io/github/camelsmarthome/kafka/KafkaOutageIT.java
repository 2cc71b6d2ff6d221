package io.github.camelsmarthome.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.StatusFeed;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.testing.KafkaProcess;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import io.github.camelsmarthome.testing.TopicRecorder;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Design section 7, "nothing lost": the runner's real routes carry a Home Connect stream of about
 * 100 events/s to a real Kafka broker in its own process and to a real MQTT broker, while Kafka is
 * away: killed (SIGKILL, a crash) for 60 s mid-stream, or down when the bridge starts. Kafka comes
 * back on the same ports and data; every event the simulator emitted is then on the topic exactly
 * once (by CloudEvents id), and MQTT kept flowing meanwhile.
 *
 * <p>The figures (events, outage, largest delay, time to drain) go to the test log.
 */
class KafkaOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutageIT.class);

    @RegisterExtension
    static final KafkaProcess KAFKA = new KafkaProcess();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final String TOPIC = "smarthome.homeconnect.events";
    /** A status the washer reports as a number; the feed sets it to 1, 2, 3 … */
    private static final String KEY = "BSH.Common.Option.RemainingProgramTime";
    private static final int RATE = 100;
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The washer's retained state on MQTT: {@link #KEY} is its {@code remaining_program_time}. */
    private static final String WASHER_STATE = "camel-smarthome/homeconnect/" + SimulatedHousehold.WASHER + "/state";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void aSixtySecondKafkaCrashAtAHundredEventsPerSecondLosesNoEventDuplicatesNoneAndLeavesMqttFlowing() throws Exception {
        String topic = TOPIC + ".crash";
        createTopic(topic);
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             MqttProbe mqtt = MqttProbe.subscribe(MQTT.url(), WASHER_STATE);
             TopicRecorder<FedEvent> kafka = TopicRecorder.start(KAFKA.bootstrapServers(), topic, this::fedEvent)) {
            Main main = RunnerMain.start(runnerProperties(cloud, topic));
            try {
                await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
                StatusFeed feed = cloud.household().feedStatus(SimulatedHousehold.WASHER, KEY, RATE);
                await().atMost(TIMEOUT).until(() -> kafka.count() >= 3 * RATE && !mqtt.messages().isEmpty());

                KAFKA.kill();
                Outage outage = awaitOutage(mqtt, OUTAGE);

                assertEveryEventOnceOnKafka("a 60 s crash", feed, kafka, outage);
                assertMqttFlowedDuringTheOutage(feed, outage);
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aKafkaThatIsDownWhenTheBridgeStartsLosesNoEventAndDoesNotHoldUpMqtt() throws Exception {
        String topic = TOPIC + ".down-at-start";
        KAFKA.kill();
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             MqttProbe mqtt = MqttProbe.subscribe(MQTT.url(), WASHER_STATE);
             TopicRecorder<FedEvent> kafka = TopicRecorder.start(KAFKA.bootstrapServers(), topic, this::fedEvent)) {
            Main main = RunnerMain.start(runnerProperties(cloud, topic));
            try {
                await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
                StatusFeed feed = cloud.household().feedStatus(SimulatedHousehold.WASHER, KEY, RATE);

                // Down for 30 s after the first event, half the producer's default max.block.ms.
                Outage outage = awaitOutage(mqtt, OUTAGE.dividedBy(2));

                assertEveryEventOnceOnKafka("down at start", feed, kafka, outage);
                assertMqttFlowedDuringTheOutage(feed, outage);
            } finally {
                main.stop();
            }
        }
    }

    /** What happened while Kafka was away: when it went, when it answered again, what MQTT got meanwhile. */
    private record Outage(Instant began, Duration length, Instant restarting, Instant restarted, List<MqttProbe.Message> mqttMeanwhile) {
    }

    /**
     * Kafka is down now: keeps it down for {@code length}, takes what MQTT received meanwhile (taken
     * then, so that a sink held up until Kafka answers cannot catch up before it is looked at), and
     * starts Kafka again.
     */
    private static Outage awaitOutage(MqttProbe mqtt, Duration length) throws Exception {
        Instant began = Instant.now();
        int mqttAtStart = mqtt.messages().size();
        await().pollDelay(length).atMost(length.plusSeconds(30)).until(() -> !KAFKA.isAlive());
        List<MqttProbe.Message> all = mqtt.messages();
        Instant restarting = Instant.now();
        KAFKA.restart();
        return new Outage(began, length, restarting, Instant.now(), all.subList(mqttAtStart, all.size()));
    }

    /**
     * Lets the feed run a few seconds more, stops it, waits until the topic is quiet, logs the
     * figures, and checks that every emitted event is on the topic exactly once.
     */
    private static void assertEveryEventOnceOnKafka(String scenario, StatusFeed feed, TopicRecorder<FedEvent> kafka, Outage outage) {
        int emittedAtRestart = feed.emitted();
        await().atMost(TIMEOUT).until(() -> feed.emitted() >= emittedAtRestart + 3 * RATE);
        int emitted = feed.stop();
        await().atMost(TIMEOUT).until(() -> kafka.count() >= emitted);
        // Then until the topic is quiet for 5 s: a duplicate would arrive right behind the last record.
        AtomicInteger seen = new AtomicInteger(-1);
        await().during(Duration.ofSeconds(5)).atMost(TIMEOUT).until(() -> seen.getAndSet(kafka.count()) == kafka.count());

        List<TopicRecorder.Arrival<FedEvent>> arrivals = kafka.arrivals();
        Duration maxDelay = arrivals.stream().map(a -> Duration.between(feed.emittedAt(a.value().value()), a.at()))
                .max(Duration::compareTo).orElseThrow();
        Instant drained = arrivals.stream().map(TopicRecorder.Arrival::at).max(Instant::compareTo).orElseThrow();
        LOG.info("Kafka outage figures ({}): {} events at {}/s; Kafka process dead {} ms, then {} ms to start and answer;"
                 + " {} MQTT state messages while Kafka was away; largest emit-to-Kafka delay {} ms; drained {} ms"
                 + " after the restart; {} records, {} distinct ids", scenario, emitted, RATE,
                Duration.between(outage.began(), outage.restarting()).toMillis(),
                Duration.between(outage.restarting(), outage.restarted()).toMillis(), outage.mqttMeanwhile().size(),
                maxDelay.toMillis(), Duration.between(outage.restarted(), drained).toMillis(), arrivals.size(),
                arrivals.stream().map(a -> a.value().id()).distinct().count());

        assertThat(arrivals).hasSize(emitted);
        assertThat(arrivals.stream().map(a -> a.value().id()).distinct()).as("distinct CloudEvents ids").hasSize(emitted);
        assertThat(arrivals.stream().map(a -> a.value().value()).collect(Collectors.toSet()))
                .as("the fed values 1 to %d", emitted)
                .isEqualTo(LongStream.rangeClosed(1, emitted).boxed().collect(Collectors.toSet()));
    }

    /** MQTT got, before Kafka came back, the state of events emitted in the second half of the outage. */
    private void assertMqttFlowedDuringTheOutage(StatusFeed feed, Outage outage) {
        Instant lateInOutage = outage.began().plus(outage.length().dividedBy(2));
        Set<Long> values = outage.mqttMeanwhile().stream().map(m -> stateValue(m.payload())).filter(value -> value > 0)
                .collect(Collectors.toSet());
        assertThat(values).as("events emitted in the second half of the outage, on MQTT before Kafka came back")
                .anyMatch(value -> feed.emittedAt(value).isAfter(lateInOutage));
    }

    private Map<String, String> runnerProperties(HomeConnectSimulator cloud, String topic) {
        TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("homeconnect-to-kafka.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("homeconnect-to-mqtt.xml"));
        properties.put("smarthome.mqtt.url", MQTT.url());
        properties.put("smarthome.kafka.brokers", KAFKA.bootstrapServers());
        properties.put("smarthome.kafka.homeconnect-topic", topic);
        properties.put("smarthome.homeconnect.client-id", cloud.clientId());
        properties.put("camel.component.homeconnect.clientSecret", cloud.clientSecret());
        properties.put("camel.component.homeconnect.refreshToken", tokens.refreshToken());
        properties.put("camel.component.homeconnect.apiUrl", cloud.baseUrl());
        properties.put("camel.component.homeconnect.stateDir", stateDir.toString());
        return properties;
    }

    private static void createTopic(String topic) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** The feed's value in the washer's MQTT state, 0 before the feed started. */
    private long stateValue(String payload) {
        try {
            return json.readTree(payload).path("remaining_program_time").asLong();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * The feed's value in a CloudEvent, or 0 when it is another event (connection events, state read
     * over REST at start).
     */
    private long fedValue(String payload) {
        try {
            JsonNode event = json.readTree(payload).path("data");
            if (!event.path("origin").isMissingNode() && !"stream".equalsIgnoreCase(event.path("origin").asText())) {
                return 0;
            }
            for (JsonNode item : event.path("items")) {
                if (KEY.equals(item.path("key").asText())) {
                    return item.path("value").asLong();
                }
            }
            return 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** One of the feed's events on the topic: the value it set and its CloudEvents id. */
    private record FedEvent(long value, String id) {
    }

    private FedEvent fedEvent(ConsumerRecord<String, String> record) {
        long value = fedValue(record.value());
        if (value == 0) {
            return null;
        }
        try {
            return new FedEvent(value, json.readTree(record.value()).path("id").asText());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
