package io.github.camelsmarthome.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partition 0 of a topic from the beginning on its own thread for as long as it is open,
 * through broker outages, and keeps what each record means to the test with the time it was
 * read: for "every event arrives exactly once" and delay figures. No consumer group, so nothing
 * depends on the group coordinator surviving a broker crash.
 *
 * @param <T> what a record means to the test
 */
public final class TopicRecorder<T> implements AutoCloseable {

    /** A record the test cares about, read at {@code at}. */
    public record Arrival<T>(T value, Instant at, long offset) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicRecorder.class);

    private final KafkaConsumer<String, String> consumer;
    private final Function<ConsumerRecord<String, String>, T> meaning;
    private final List<Arrival<T>> arrivals = new ArrayList<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;

    private TopicRecorder(KafkaConsumer<String, String> consumer, Function<ConsumerRecord<String, String>, T> meaning, String topic) {
        this.consumer = consumer;
        this.meaning = meaning;
        this.reader = new Thread(this::read, "topic-recorder-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Starts reading {@code topic} (partition 0) at {@code bootstrapServers}; {@code meaning} turns a
     * record into what the test keeps, {@code null} for records the test ignores.
     */
    public static <T> TopicRecorder<T> start(String bootstrapServers, String topic, Function<ConsumerRecord<String, String>, T> meaning) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        TopicRecorder<T> recorder = new TopicRecorder<>(consumer, meaning, topic);
        recorder.reader.start();
        return recorder;
    }

    /** What arrived so far, in offset order. */
    public synchronized List<Arrival<T>> arrivals() {
        return List.copyOf(arrivals);
    }

    /** How many records the test cares about arrived so far. */
    public synchronized int count() {
        return arrivals.size();
    }

    private void read() {
        try {
            while (open.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant now = Instant.now();
                    T value = meaning.apply(record);
                    if (value != null) {
                        synchronized (this) {
                            arrivals.add(new Arrival<>(value, now, record.offset()));
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Topic recorder stopped reading", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        open.set(false);
        consumer.wakeup();
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
