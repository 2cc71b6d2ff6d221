package io.github.camelsmarthome.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real one-node Kafka (KRaft, combined broker and controller) started in-process with Kafka's
 * own test kit, once per test class. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();}</pre>
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the broker; {@link #beforeAll} calls it for extension users. */
    public void start() throws Exception {
        long started = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        LOG.info("Kafka broker (KRaft, in-process) ready at {} in {} ms", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The bootstrap servers, {@code host:port}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records arrived or
     * {@code timeout} passed, and returns what arrived (possibly more than expected, so tests can
     * assert "exactly").
     */
    public List<ConsumerRecord<String, String>> records(String topic, int expected, Duration timeout) {
        return recordsUntil(topic, records -> records.size() >= expected, timeout);
    }

    /**
     * Reads {@code topic} from the beginning until what arrived satisfies {@code enough} or
     * {@code timeout} passed, and returns what arrived.
     */
    public List<ConsumerRecord<String, String>> recordsUntil(String topic, Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return enough.test(records);
            });
            // One more short poll, so that a duplicate right behind the expected records is seen.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Stops the broker and deletes its data. */
    public void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
