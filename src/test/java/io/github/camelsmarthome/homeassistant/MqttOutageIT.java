package io.github.camelsmarthome.homeassistant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.component.RouteBacklog;
import io.github.camelsmarthome.simulator.miio.DeliveryOutcome;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fake gateway sends a steady stream of button clicks through the runner's real
 * {@code miio-to-mqtt} and {@code miio-to-kafka} routes while Mosquitto is killed (SIGKILL) and
 * restarted on the same port without persistence, so it forgets every retained message.
 *
 * <p>Event messages are not retained, so a subscriber only sees what was published while it was
 * connected: one probe listens until the kill, another from the restart on, and every click the
 * gateway had acknowledged must be among what they heard (by the gateway's message id).
 */
class MqttOutageIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutageIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String SWITCH = "lumi.158d0001a2b3c4";
    private static final String EVENT_TOPIC = "camel-smarthome/miio/lumi_158d0001a2b3c4/event";
    private static final String KAFKA_TOPIC = "smarthome.miio.events";
    private static final int EVENTS_DURING_OUTAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKilledAndRestartedBrokerGetsEveryEventDiscoveryAndOnlineAgainWhileKafkaKeepsFlowing() throws Exception {
        int serverPort = FreePorts.find();
        int metricsPort = FreePorts.find();
        try (FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
                .token(TOKEN).targetPort(serverPort).subDevice(SWITCH, "lumi.sensor_switch.aq2").build())) {
            MqttProbe beforeKill = MqttProbe.subscribe(MQTT.url(), "#");
            Main main = RunnerMain.start(runnerProperties(serverPort, metricsPort, gateway));
            Clicks clicks = new Clicks(gateway);
            try {
                await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == 3);
                clicks.start();
                await().atMost(TIMEOUT).until(() -> messageIds(beforeKill.messages()).size() >= 20);
                Set<String> configsBeforeKill = configTopics(beforeKill.messages());
                assertThat(configsBeforeKill).as("discovery published before the outage").isNotEmpty();

                int firedBeforeKill = clicks.fired();
                MQTT.kill();
                long killedAt = System.nanoTime();

                // The outage lasts until the gateway had enough clicks acknowledged meanwhile and Kafka has them all.
                await().atMost(TIMEOUT).until(() -> clicks.acknowledgedAfter(firedBeforeKill).size() >= EVENTS_DURING_OUTAGE);
                Set<Long> duringOutage = clicks.acknowledgedAfter(firedBeforeKill);
                KAFKA.recordsUntil(KAFKA_TOPIC, records -> kafkaMessageIds(records).containsAll(duringOutage), TIMEOUT);
                int mqttBehind = backlog(main, "miio-to-mqtt").backlog();
                assertThat(mqttBehind).as("MQTT is behind while Kafka has every event of the outage").isPositive();
                long outageMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();

                MQTT.start();
                long restartedAt = System.nanoTime();
                try (MqttProbe afterRestart = MqttProbe.subscribe(MQTT.url(), "#")) {
                    int firedAtRestart = clicks.fired();
                    await().atMost(TIMEOUT).until(() -> clicks.acknowledgedAfter(firedAtRestart).size() >= 20);
                    clicks.stop();
                    Set<Long> acknowledged = clicks.acknowledged();
                    Set<Long> heard = new HashSet<>(messageIds(beforeKill.messages()));
                    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(union(heard, messageIds(afterRestart.messages())))
                            .as("every acknowledged click on " + EVENT_TOPIC).containsAll(acknowledged));
                    long drainMillis = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
                    assertThat(clicks.unacknowledged()).as("clicks the bridge never acknowledged").isZero();

                    try (MqttProbe retained = MqttProbe.subscribe(MQTT.url(), "#")) {
                        await().atMost(TIMEOUT).untilAsserted(() -> {
                            assertThat(retainedPayload(retained.messages(), "camel-smarthome/bridge/state")).isEqualTo("online");
                            assertThat(retainedPayload(retained.messages(), "camel-smarthome/bridge/info")).contains("\"instance\"");
                            assertThat(configTopics(retained.messages().stream().filter(MqttProbe.Message::retained).toList()))
                                    .as("discovery configs retained again").containsAll(configsBeforeKill);
                        });
                    }
                    List<ConsumerRecord<String, String>> records = KAFKA.recordsUntil(KAFKA_TOPIC,
                            all -> kafkaMessageIds(all).containsAll(acknowledged), TIMEOUT);
                    assertThat(records.stream().map(MqttOutageIT::kafkaMessageId).filter(acknowledged::contains).toList())
                            .as("each click once on Kafka").doesNotHaveDuplicates();

                    String metrics = get(metricsPort, "/observe/metrics");
                    assertThat(metric(metrics, "smarthome_route_backlog_capacity", "miio-to-mqtt")).isEqualTo(10_000);
                    assertThat(metric(metrics, "smarthome_route_backlog_peak", "miio-to-mqtt")).isGreaterThanOrEqualTo(mqttBehind);
                    assertThat(metric(metrics, "smarthome_route_backlog_events", "miio-to-mqtt")).isZero();
                    assertThat(metric(metrics, "smarthome_route_backlog_full_total", "miio-to-mqtt")).isZero();
                    assertThat(metric(metrics, "smarthome_route_events_dropped_total", "miio-to-mqtt")).isZero();
                    assertThat(metric(metrics, "smarthome_route_events_dropped_total", "miio-to-kafka")).isZero();
                    assertThat(metric(metrics, "smarthome_miio_push_unacknowledged_total", "miio-to-mqtt")).isZero();
                    LOG.info("MQTT outage figures: {} clicks acknowledged ({} during the outage), outage {} ms, MQTT backlog"
                             + " {} when Kafka had them all, backlog peak {}, all on MQTT {} ms after the restart",
                            acknowledged.size(), duringOutage.size(), outageMillis, mqttBehind,
                            (long) metric(metrics, "smarthome_route_backlog_peak", "miio-to-mqtt"), drainMillis);
                }
            } finally {
                clicks.stop();
                main.stop();
                beforeKill.close();
            }
        }
    }

    private static Map<String, String> runnerProperties(int serverPort, int metricsPort, FakeGateway gateway) {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routesIncludePattern", "file:" + RunnerMain.ROUTES.resolve("bridge.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("miio-to-kafka.yaml") + ",file:"
                                                          + RunnerMain.ROUTES.resolve("miio-to-mqtt.yaml"));
        properties.put("smarthome.mqtt.url", MQTT.url());
        properties.put("smarthome.kafka.brokers", KAFKA.bootstrapServers());
        properties.put("smarthome.miio.gateway-host", "127.0.0.2");
        properties.put("camel.component.miio-push.token", TOKEN);
        properties.put("camel.component.miio-push.devices", SWITCH + ":lumi.sensor_switch.aq2");
        properties.put("camel.component.miio-push.bindAddress", "127.0.0.1");
        properties.put("camel.component.miio-push.port", String.valueOf(serverPort));
        properties.put("camel.component.miio-push.gatewayPort", String.valueOf(gateway.localAddress().getPort()));
        properties.put("camel.management.enabled", "true");
        properties.put("camel.management.port", String.valueOf(metricsPort));
        return properties;
    }

    /** Clicks the switch every 50 ms and remembers the message id of each click the push server acknowledged. */
    private static final class Clicks {
        private final FakeGateway gateway;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger fired = new AtomicInteger();
        private final AtomicLong unacknowledged = new AtomicLong();
        private final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();

        Clicks(FakeGateway gateway) {
            this.gateway = gateway;
        }

        void start() {
            scheduler.scheduleAtFixedRate(() -> {
                int number = fired.incrementAndGet();
                gateway.fire(SWITCH, "click_ch0").whenComplete((outcomes, failure) -> {
                    if (failure != null || outcomes.isEmpty()) {
                        unacknowledged.incrementAndGet();
                        return;
                    }
                    for (DeliveryOutcome outcome : outcomes) {
                        if (outcome.acknowledged()) {
                            acknowledged.put(outcome.eventId(), number);
                        } else {
                            unacknowledged.incrementAndGet();
                        }
                    }
                });
            }, 0, 50, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }

        int fired() {
            return fired.get();
        }

        Set<Long> acknowledged() {
            return Set.copyOf(acknowledged.keySet());
        }

        Set<Long> acknowledgedAfter(int firedNumber) {
            return acknowledged.entrySet().stream().filter(e -> e.getValue() > firedNumber).map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
        }

        long unacknowledged() {
            return unacknowledged.get();
        }
    }

    private static RouteBacklog backlog(Main main, String routeId) {
        return ((RouteBacklog.Owner) main.getCamelContext().getRoute(routeId).getConsumer()).routeBacklog();
    }

    private static Set<Long> messageIds(List<MqttProbe.Message> messages) {
        return messages.stream().filter(m -> m.topic().equals(EVENT_TOPIC)).map(m -> read(m.payload()).path("messageId").asLong())
                .collect(Collectors.toSet());
    }

    private static Set<Long> kafkaMessageIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(MqttOutageIT::kafkaMessageId).collect(Collectors.toSet());
    }

    private static Long kafkaMessageId(ConsumerRecord<String, String> record) {
        JsonNode id = read(record.value()).findValue("messageId");
        return id == null ? -1L : id.asLong();
    }

    private static Set<String> configTopics(List<MqttProbe.Message> messages) {
        return messages.stream().filter(m -> m.topic().startsWith("homeassistant/") && m.topic().endsWith("/config")
                                             && !m.payload().isEmpty()).map(MqttProbe.Message::topic).collect(Collectors.toSet());
    }

    private static String retainedPayload(List<MqttProbe.Message> messages, String topic) {
        return messages.stream().filter(m -> m.retained() && m.topic().equals(topic)).map(MqttProbe.Message::payload)
                .reduce((first, last) -> last).orElse(null);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The value of Prometheus sample {@code name} labelled {@code route="routeId"}. */
    private static double metric(String exposition, String name, String routeId) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*route=\"" + Pattern.quote(routeId)
                                         + "\"[^}]*\\} (\\S+)$").matcher(exposition);
        assertThat(sample.find()).as(name + " of route " + routeId + " at /observe/metrics").isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
