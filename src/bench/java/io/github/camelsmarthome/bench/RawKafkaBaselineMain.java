package io.github.camelsmarthome.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under the Kafka route's latency, in a JVM of its own started with the same options as
 * the bundle's ({@link BundleJvmLatencyBench}): a bare {@code KafkaProducer} configured as the
 * route's (acks=all, idempotence, 5 requests in flight, linger.ms 0) sending a CloudEvent of the
 * route's shape at a fixed rate without waiting for the previous acknowledgement, as the route's
 * 64 exchanges in flight do. An event's latency runs from the moment it was due to the broker's
 * acknowledgement. Arguments: bootstrap servers, topic, events per second, seconds, warm-up
 * events. Prints one line: failed sends, then the series as {@link Latencies#encode}.
 */
public final class RawKafkaBaselineMain {

    private static final byte[] KEY = "SIEMENS-HCS03WCH1-7BC6383CF794".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT = ("{\"specversion\":\"1.0\",\"id\":\"b7f2c1de-4a51-4f0e-9a3c-6e1d2f3a4b5c\","
            + "\"source\":\"homeconnect:SIEMENS-HCS03WCH1-7BC6383CF794\",\"type\":\"io.github.camelsmarthome.homeconnect.status\","
            + "\"subject\":\"SIEMENS-HCS03WCH1-7BC6383CF794\",\"time\":\"2026-11-22T08:00:00Z\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"system\":\"homeconnect\",\"deviceId\":\"SIEMENS-HCS03WCH1-7BC6383CF794\",\"type\":\"STATUS\","
            + "\"items\":[{\"key\":\"BSH.Common.Option.RemainingProgramTime\",\"value\":5400,\"unit\":\"seconds\","
            + "\"timestamp\":1795334400,\"level\":\"hint\",\"handling\":\"none\"}]}}").getBytes(StandardCharsets.UTF_8);

    private RawKafkaBaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        String topic = args[1];
        int perSecond = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        Map<String, Object> config = new HashMap<>(KafkaTopics.idempotentProducer(args[0]));
        config.put("linger.ms", "0");
        Latencies series = new Latencies("raw KafkaProducer");
        AtomicLong failed = new AtomicLong();
        int total = warmUp + perSecond * seconds;
        CountDownLatch acknowledged = new CountDownLatch(total);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            long interval = 1_000_000_000L / perSecond;
            long due = System.nanoTime();
            for (int i = 0; i < total; i++) {
                due += interval;
                Waits.parkUntil(due);
                long dueAt = due;
                boolean recorded = i >= warmUp;
                producer.send(new ProducerRecord<>(topic, KEY, EVENT), (metadata, exception) -> {
                    if (exception != null) {
                        failed.incrementAndGet();
                    } else if (recorded) {
                        series.recordNanos(System.nanoTime() - dueAt);
                    }
                    acknowledged.countDown();
                });
            }
            if (!acknowledged.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the broker did not acknowledge every record within 5 minutes");
            }
        }
        System.out.println(failed.get() + " " + series.encode());
        System.out.flush();
        System.exit(0);
    }
}
