package io.github.camelsmarthome.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads what the benchmark needs from the broker: how many records a topic holds, and the records themselves. */
final class KafkaTopics implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    KafkaTopics(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The sum of the end offsets of {@code topic}'s partitions: its record count (no transactions here). */
    long endOffset(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            return 0;
        }
        List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(all, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A supplier of {@link #endOffset} for polling loops. */
    LongSupplier endOffsetOf(String topic) {
        return () -> endOffset(topic);
    }

    /** The records of partition 0 of {@code topic} from {@code from} (inclusive) to {@code to} (exclusive). */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, long from, long to) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (records.size() < to - from && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < to) {
                    records.add(record);
                }
            }
        }
        consumer.assign(List.of());
        return records;
    }

    /** The partitions of {@code topic}; the benchmark relies on one. */
    int partitions(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return partitions == null ? 0 : partitions.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    static Map<String, Object> idempotentProducer(String bootstrapServers) {
        return Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", "true",
                "max.in.flight.requests.per.connection", "5");
    }
}
