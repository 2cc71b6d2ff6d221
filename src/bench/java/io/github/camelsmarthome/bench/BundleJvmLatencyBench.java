package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.testing.KafkaProcess;

/**
 * Benchmark 2 as deployed: the latency the routes add, with the bundle in a JVM of its own
 * started with the runner image's JVM options, as {@code docker compose} or {@code java -jar} runs
 * it, while the Home Connect simulator and the brokers are other processes. The rows of the
 * {@code throughput} and {@code mqtt} phases measure the same routes inside the benchmark's own
 * JVM, which also holds the Kafka broker, the simulator and the raw clients (docs/benchmarks.md).
 *
 * <p>{@code -Dbench.latency.bundle-jvm-args="…"} replaces the image's options (trying a flag; empty for
 * the JVM's defaults).
 */
final class BundleJvmLatencyBench {

    private final BenchReport report;
    private final Path out;
    private final String bootstrapServers;
    private final String mqttUrl;

    BundleJvmLatencyBench(BenchReport report, Path out, String bootstrapServers, String mqttUrl) {
        this.report = report;
        this.out = out;
        this.bootstrapServers = bootstrapServers;
        this.mqttUrl = mqttUrl;
    }

    void run(List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        String options = FootprintBench.jvmOptions("bench.latency.bundle-jvm-args");
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        jvm.addAll(Arrays.stream(options.split(" ")).filter(option -> !option.isBlank()).toList());
        String where = ", bundle JVM";
        // Kafka too in a JVM of its own (KafkaProcess, as the reliability tests run it), so that neither the
        // simulator's work nor the benchmark's heap sits between the bundle and its broker's acknowledgement.
        try (KafkaProcess kafka = new KafkaProcess()) {
            kafka.start();
            measure("kafka", "homeconnect-to-kafka", List.of("bridge.yaml", "homeconnect-to-kafka.yaml"),
                    Map.of("smarthome.kafka.brokers", kafka.bootstrapServers(), "smarthome.mqtt.url", mqttUrl), jvm, where,
                    latencyRuns, warmUpEvents);
            // The floor in the same layout: a bare producer alone in a JVM with the same options, the same broker.
            for (int[] run : latencyRuns) {
                report.progress("latency: raw KafkaProducer in a JVM of its own, %,d records at %,d/s", run[0] * run[1], run[0]);
                try (ChildJvm raw = ChildJvm.start("raw-kafka", out.resolve("raw-kafka"), jvm, RawKafkaBaselineMain.class,
                        kafka.bootstrapServers(), "bench.raw-latency.homeconnect", Integer.toString(run[0]), Integer.toString(run[1]),
                        Integer.toString(Math.min(2_000, run[0] * run[1])))) {
                    String[] answer = raw.awaitLine(Duration.ofMinutes(6)).split(" ");
                    Latencies series = new Latencies("raw KafkaProducer @ " + run[0] + "/s, own JVM");
                    series.add(Latencies.decode(answer[1]));
                    report.addLatencies("latency", series, "", "acks=all, idempotence, linger.ms 0, pipelined; " + answer[0]
                            + " failed sends");
                }
            }
        }
        measure("mqtt", "homeconnect-to-mqtt", List.of("bridge.yaml", "homeconnect-to-mqtt.xml", "homeassistant.yaml"),
                Map.of("smarthome.mqtt.url", mqttUrl), jvm, where, latencyRuns, warmUpEvents);
        // The floor in the same layout: a bare Paho client alone in a JVM with the same options.
        for (int[] run : latencyRuns) {
            report.progress("latency: raw Paho client in a JVM of its own, %,d events at %,d/s (2 messages each)", run[0] * run[1],
                    run[0]);
            try (ChildJvm raw = ChildJvm.start("raw-mqtt", out.resolve("raw-mqtt"), jvm, RawMqttBaselineMain.class, mqttUrl,
                    Integer.toString(run[0]), Integer.toString(run[1]), Integer.toString(Math.min(2_000, run[0] * run[1])))) {
                String[] answer = raw.awaitLine(Duration.ofMinutes(5)).split(" ");
                Latencies series = new Latencies("raw Paho client @ " + run[0] + "/s, own JVM");
                series.add(Latencies.decode(answer[1]));
                report.addLatencies("latency", series, "", "state (retained) and event message, QoS 1, sync; " + answer[0]
                        + " publishes refused by Paho's in-flight race and sent again");
            }
        }
    }

    private void measure(String sink, String routeId, List<String> routeFiles, Map<String, String> brokers, List<String> jvm,
            String where, List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        Path stateDir = Files.createTempDirectory("bench-bundle-" + sink + "-");
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
            String refreshToken = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).refreshToken();
            Map<String, String> properties = BridgeRunner.properties(cloud.clientId(), cloud.clientSecret(), cloud.baseUrl(),
                    refreshToken, stateDir, routeFiles, brokers);
            report.progress("latency: %s route in a JVM of its own (%s)", sink, String.join(" ", jvm));
            try (BundleJvm bundle = BundleJvm.start(out.resolve("bundle-" + sink), properties, routeId, jvm)) {
                Waits.until(Duration.ofSeconds(60), () -> cloud.events().openStreamCount() == 1);
                report.progress("latency: %s route (pid %d) streaming; warming up with %,d events", sink, bundle.pid(), warmUpEvents);
                long before = bundle.completed();
                cloud.events().flood(SimulatedHousehold.WASHER, warmUpEvents, 0).get(10, TimeUnit.MINUTES);
                bundle.awaitCompleted(before + warmUpEvents);
                bundle.settle();
                for (int[] run : latencyRuns) {
                    HomeConnectToKafkaBench.measureLatency(report, cloud, bundle, sink, where, run[0], run[1]);
                    bundle.settle();
                }
                if (bundle.leftovers() > 0) {
                    report.progress("latency: %s%s, %d exchanges of events received before their run were not recorded", sink, where,
                            bundle.leftovers());
                }
            }
        }
    }
}
