package io.github.camelsmarthome.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 6);
    private static final int MEASURED_ROUNDS = 3;

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
            settle(topics);
            // Rounds alternate the route and the raw producer, and the figures are the medians of the rounds
            // after the warm-up ones, so both sides meet the same JIT and machine. With one warm-up flood and
            // then the route before the raw producer, the JIT compiler still took a third of the CPU during
            // the route's flood (thousands of compilations per 5 s: broker, simulator and Camel warm up
            // together) and had mostly finished by the raw run (JFR, issue #8).
            List<ConsumerRecord<byte[], byte[]>> records = null;
            List<double[]> routeRounds = new ArrayList<>();
            List<double[]> rawRounds = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaTopics.idempotentProducer(bootstrapServers),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int round = 1; round <= WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                    String kind = round <= WARM_UP_ROUNDS ? "warm-up" : "measured";
                    long base = topics.endOffset(TOPIC);
                    double[] route = routeRound(cloud, probe, topics, base);
                    if (records == null) {
                        records = topics.read(TOPIC, base, base + events);
                    }
                    double[] raw = rawRound(producer, records);
                    report.progress("throughput: round %d (%s): route %,.0f events/s (%.0f us CPU each), raw %,.0f records/s (%.0f us)",
                            round, kind, route[0], route[1], raw[0], raw[1]);
                    if (round > WARM_UP_ROUNDS) {
                        routeRounds.add(route);
                        rawRounds.add(raw);
                    }
                }
            }
            double routeRate = median(routeRounds, 0);
            double rawRate = median(rawRounds, 0);
            double routeCpuMicros = median(routeRounds, 1);
            double rawCpuMicros = median(rawRounds, 1);
            String rounds = String.format(Locale.ROOT, "median of %d rounds of %,d after %d warm-up rounds", MEASURED_ROUNDS, events,
                    WARM_UP_ROUNDS);
            report.add("throughput", "simulator -> route -> Kafka", routeRate, "events/s", "", rounds + ", one partition");
            report.add("throughput", "raw KafkaProducer, pipelined", rawRate, "records/s", "",
                    "acks=all, idempotence, the records the route produced; " + rounds);
            report.add("throughput", "ratio route / raw (headline)", routeRate / rawRate, "x", ">= 0.7", "");
            // CPU time is what the two cores run out of; unlike the rates it hardly moves with what else runs on the machine.
            report.add("throughput", "CPU per event, simulator -> route -> Kafka", routeCpuMicros, "us", "",
                    "process CPU time / events: simulator, bridge and broker in this JVM");
            report.add("throughput", "CPU per record, raw KafkaProducer", rawCpuMicros, "us", "", "process CPU time / records: producer and broker");
            report.add("throughput", "CPU ratio raw / route", rawCpuMicros / routeCpuMicros, "x", "",
                    "the throughput ratio a machine that is CPU bound in both runs would show");
            double syncRate = rawProducerOneAtATime(records.subList(0, Math.min(2_000, records.size())));
            report.add("throughput", "raw KafkaProducer, one record in flight", syncRate, "records/s", "",
                    "send().get() per record: the route's own in-order, one-at-a-time pace");

            for (int[] run : latencyRuns) {
                measureLatency(report, cloud, probe, "kafka", run[0], run[1]);
            }
        }
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

    /** One flood through the route: events per second and process CPU microseconds per event. */
    private double[] routeRound(HomeConnectSimulator cloud, RouteLatencyProbe probe, KafkaTopics topics, long base) throws Exception {
        long acknowledgedBefore = probe.completed();
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        Map<String, Long> threadsBefore = ThreadCpu.wanted() ? ThreadCpu.snapshot() : Map.of();
        var flood = cloud.events().flood(SimulatedHousehold.WASHER, events, 0);
        // The route's own count of exchanges the broker acknowledged, a counter read: polling the
        // topic's end offset every 5 ms cost the broker a request each time and the route 5 % of the CPU.
        Waits.until(TIMEOUT, () -> probe.completed() >= acknowledgedBefore + events);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / events;
        if (ThreadCpu.wanted()) {
            report.progress("throughput: route round, CPU per event by thread:%n  %s",
                    String.join("\n  ", ThreadCpu.perEvent(threadsBefore, ThreadCpu.snapshot(), events)));
        }
        flood.get(1, TimeUnit.MINUTES);
        Waits.until(TIMEOUT, () -> topics.endOffset(TOPIC) >= base + events);
        settle(topics);
        return new double[] {events / seconds, cpuMicros};
    }

    /** The same records through a raw producer, pipelined: records per second and process CPU microseconds per record. */
    private double[] rawRound(KafkaProducer<byte[], byte[]> producer, List<ConsumerRecord<byte[], byte[]>> records) {
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        Map<String, Long> threadsBefore = ThreadCpu.wanted() ? ThreadCpu.snapshot() : Map.of();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            producer.send(new ProducerRecord<>(RAW_TOPIC, record.key(), record.value()));
        }
        producer.flush();
        double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / records.size();
        if (ThreadCpu.wanted()) {
            report.progress("throughput: raw round, CPU per record by thread:%n  %s",
                    String.join("\n  ", ThreadCpu.perEvent(threadsBefore, ThreadCpu.snapshot(), records.size())));
        }
        return new double[] {records.size() / ((System.nanoTime() - started) / 1e9), cpuMicros};
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
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
    static Latencies measureLatency(BenchReport report, HomeConnectSimulator cloud, LatencySource probe, String sink, int perSecond,
            int seconds) throws Exception {
        return measureLatency(report, cloud, probe, sink, "", perSecond, seconds);
    }

    /**
     * {@code perSecond} events a second for {@code seconds} through the route, each one's latency
     * recorded by {@code probe}; the rows are named {@code sink @ rate/s} plus {@code where}.
     */
    static Latencies measureLatency(BenchReport report, HomeConnectSimulator cloud, LatencySource probe, String sink, String where,
            int perSecond, int seconds) throws Exception {
        int count = perSecond * seconds;
        Latencies series = new Latencies(sink + " @ " + perSecond + "/s" + where);
        report.progress("latency: %s%s, %,d events at %,d/s", sink, where, count, perSecond);
        long before = probe.completed();
        probe.recordInto(series);
        cloud.events().flood(SimulatedHousehold.WASHER, count, perSecond).get(10, TimeUnit.MINUTES);
        probe.awaitCompleted(before + count);
        probe.recordInto(null);
        report.addLatencies("latency", series, perSecond >= 1_000 ? "<= 5 ms" : "",
                probe.failed() == 0 ? "" : probe.failed() + " failed exchanges");
        return series;
    }
}
