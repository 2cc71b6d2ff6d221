package io.github.camelsmarthome.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Benchmarks 1 and 2 (Kafka half): the Home Connect simulator flooding the runner's real
 * {@code homeconnect-to-kafka} route into a real Kafka broker, beside a raw {@code KafkaProducer}
 * sending the very records the route produced (same keys, same bytes, acks=all, idempotence) to
 * the same broker; then the latency the route adds at fixed rates.
 */
final class HomeConnectToKafkaBench {

    static final String TOPIC = "smarthome.homeconnect.events";
    private static final String RAW_TOPIC = "bench.raw.homeconnect";
    private static final String RAW_SYNC_TOPIC = "bench.raw-sync.homeconnect";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final BenchReport report;
    private final String bootstrapServers;
    private final String mqttUrl;
    private final int events;

    HomeConnectToKafkaBench(BenchReport report, String bootstrapServers, String mqttUrl, int events) {
        this.report = report;
        this.bootstrapServers = bootstrapServers;
        this.mqttUrl = mqttUrl;
        this.events = events;
    }

    @SuppressWarnings("try") // the runner only has to run while the benchmark does
    void run(List<int[]> latencyRuns) throws Exception {
        Path stateDir = Files.createTempDirectory("bench-hc-kafka-");
        RouteLatencyProbe probe = new RouteLatencyProbe("homeconnect-to-kafka");
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
                BridgeRunner runner = BridgeRunner.start(cloud, stateDir, List.of("bridge.yaml", "homeconnect-to-kafka.yaml"),
                        Map.of("smarthome.kafka.brokers", bootstrapServers, "smarthome.mqtt.url", mqttUrl), probe);
                KafkaTopics topics = new KafkaTopics(bootstrapServers)) {
            Waits.until(Duration.ofSeconds(60), () -> cloud.events().openStreamCount() == 1);
            // A warm-up as long as the measurement: with a fifth, the JIT compiler still took a quarter of the
            // CPU during the measured flood (JFR), and the route has far more code to compile than a raw producer.
            report.progress("throughput: runner streaming from the simulator; warming up with %,d events", events);
            long warmBase = topics.endOffset(TOPIC);
            flood(cloud, events, 0);
            Waits.until(TIMEOUT, () -> topics.endOffset(TOPIC) >= warmBase + events);
            settle(topics);

            long base = topics.endOffset(TOPIC);
            report.progress("throughput: flooding %,d events through simulator -> route -> Kafka", events);
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            var flood = cloud.events().flood(SimulatedHousehold.WASHER, events, 0);
            Waits.until(TIMEOUT, () -> topics.endOffset(TOPIC) >= base + events);
            double routeSeconds = (System.nanoTime() - started) / 1e9;
            double routeCpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / events;
            flood.get(1, TimeUnit.MINUTES);
            double routeRate = events / routeSeconds;
            report.add("throughput", "simulator -> route -> Kafka", routeRate, "events/s", "", String.format(
                    Locale.ROOT, "%,d events in %.1f s, one partition", events, routeSeconds));

            List<ConsumerRecord<byte[], byte[]>> records = topics.read(TOPIC, base, base + events);
            report.progress("throughput: raw KafkaProducer sending the same %,d records (avg %d bytes)", records.size(),
                    records.stream().mapToInt(r -> r.serializedValueSize()).sum() / Math.max(1, records.size()));
            double[] raw = rawProducer(records);
            double rawRate = raw[0];
            report.add("throughput", "raw KafkaProducer, pipelined", rawRate, "records/s", "", "acks=all, idempotence, same records");
            report.add("throughput", "ratio route / raw (headline)", routeRate / rawRate, "x", ">= 0.7", "");
            // CPU time is what the two cores run out of; unlike the rates it hardly moves with what else runs on the machine.
            report.add("throughput", "CPU per event, simulator -> route -> Kafka", routeCpuMicros, "us", "",
                    "process CPU time / events: simulator, bridge and broker in this JVM");
            report.add("throughput", "CPU per record, raw KafkaProducer", raw[1], "us", "", "process CPU time / records: producer and broker");
            report.add("throughput", "CPU ratio raw / route", raw[1] / routeCpuMicros, "x", "",
                    "the throughput ratio a machine that is CPU bound in both runs would show");
            double syncRate = rawProducerOneAtATime(records.subList(0, Math.min(2_000, records.size())));
            report.add("throughput", "raw KafkaProducer, one record in flight", syncRate, "records/s", "",
                    "send().get() per record: the route's own in-order, one-at-a-time pace");

            for (int[] run : latencyRuns) {
                measureLatency(report, cloud, probe, "kafka", run[0], run[1]);
            }
        }
    }

    private void flood(HomeConnectSimulator cloud, int count, int perSecond) throws Exception {
        cloud.events().flood(SimulatedHousehold.WASHER, count, perSecond).get(10, TimeUnit.MINUTES);
    }

    /** Waits until nothing more arrives on the topic for a second: the backlog of the warm-up is gone. */
    private static void settle(KafkaTopics topics) {
        long[] last = {topics.endOffset(TOPIC)};
        long[] stableSince = {System.nanoTime()};
        Waits.until(TIMEOUT, () -> {
            long now = topics.endOffset(TOPIC);
            if (now != last[0]) {
                last[0] = now;
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] > TimeUnit.SECONDS.toNanos(1);
        });
    }

    /** Records per second and process CPU microseconds per record. */
    private double[] rawProducer(List<ConsumerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaTopics.idempotentProducer(bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // The same warm-up the route had: as many records, on their own.
            records.forEach(r -> producer.send(new ProducerRecord<>(RAW_TOPIC, r.key(), r.value())));
            producer.flush();
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, record.key(), record.value()));
            }
            producer.flush();
            double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / records.size();
            return new double[] {records.size() / ((System.nanoTime() - started) / 1e9), cpuMicros};
        }
    }

    private double rawProducerOneAtATime(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaTopics.idempotentProducer(bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records.subList(0, records.size() / 5)) {
                producer.send(new ProducerRecord<>(RAW_SYNC_TOPIC, record.key(), record.value())).get();
            }
            long started = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(RAW_SYNC_TOPIC, record.key(), record.value())).get();
            }
            return records.size() / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** CPU time of this whole JVM (every thread) so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Floods at {@code perSecond} for {@code seconds} and records the latency of every event into a new series. */
    static Latencies measureLatency(BenchReport report, HomeConnectSimulator cloud, RouteLatencyProbe probe, String sink, int perSecond, int seconds)
            throws Exception {
        int count = perSecond * seconds;
        Latencies series = new Latencies(sink + " @ " + perSecond + "/s");
        report.progress("latency: %s, %,d events at %,d/s", sink, count, perSecond);
        long before = probe.completed();
        probe.recordInto(series);
        cloud.events().flood(SimulatedHousehold.WASHER, count, perSecond).get(10, TimeUnit.MINUTES);
        Waits.until(TIMEOUT, () -> probe.completed() >= before + count);
        probe.recordInto(null);
        report.addLatencies("latency", series, perSecond >= 1_000 ? "<= 5 ms" : "",
                probe.failed() == 0 ? "" : probe.failed() + " failed exchanges");
        return series;
    }
}
