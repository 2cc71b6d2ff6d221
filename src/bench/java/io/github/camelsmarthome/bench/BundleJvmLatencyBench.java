package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.testing.KafkaProcess;

/**
 * Benchmark 2 as deployed: the latency the routes add, with the bundle in a JVM of its own
 * started with the runner image's JVM options, as {@code docker compose} or {@code java -jar} runs
 * it, while the Home Connect simulator and the brokers are other processes; beside each route, a
 * bare client alone in a JVM with the same options (the transport's floor in that layout). The rows
 * of the {@code throughput} and {@code mqtt} phases measure the same routes inside the benchmark's
 * own JVM, which also holds the Kafka broker, the simulator and the raw clients (docs/benchmarks.md).
 *
 * <p>Two layouts: {@code shared}, every process on every CPU; {@code own-cpu}, the bundle (or the
 * bare client) alone on one CPU and everything else on the others ({@link CpuAffinity}), as on a
 * host where the simulated cloud and the brokers do not take the bundle's core.
 * {@code -Dbench.latency.layout=shared|own-cpu|both} (default shared: on two CPUs the other layout leaves one core to
 * the simulator, Mosquitto and the benchmark, which then fall behind);
 * {@code -Dbench.latency.bundle-jvm-args="…"} replaces the image's options (trying a flag; empty
 * for the JVM's defaults).
 */
final class BundleJvmLatencyBench {

    private final BenchReport report;
    private final Path out;
    private final String mqttUrl;

    BundleJvmLatencyBench(BenchReport report, Path out, String mqttUrl) {
        this.report = report;
        this.out = out;
        this.mqttUrl = mqttUrl;
    }

    void run(List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        String options = FootprintBench.jvmOptions("bench.latency.bundle-jvm-args");
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        jvm.addAll(Arrays.stream(options.split(" ")).filter(option -> !option.isBlank()).toList());
        String layout = System.getProperty("bench.latency.layout", "shared").trim().toLowerCase(Locale.ROOT);
        if (!List.of("shared", "own-cpu", "both").contains(layout)) {
            throw new IllegalArgumentException("bench.latency.layout takes shared, own-cpu or both, got " + layout);
        }
        if (!layout.equals("own-cpu")) {
            report.progress("latency: layout shared (every process on every CPU); bundle JVM options %s", String.join(" ", jvm));
            measureAll(new Layout(", bundle JVM", ", own JVM", List.of()), jvm, latencyRuns, warmUpEvents);
        }
        if (!layout.equals("shared")) {
            Optional<CpuAffinity> split = CpuAffinity.split();
            if (split.isEmpty()) {
                report.progress("latency: layout own-cpu skipped: it needs two CPUs and taskset");
                return;
            }
            CpuAffinity cpus = split.get();
            report.progress("latency: layout own-cpu: the measured JVM on CPU %s, the benchmark, simulator and brokers on CPU %s",
                    cpus.measuredCpu(), cpus.otherCpus());
            cpus.confineBenchmark();
            try {
                measureAll(new Layout(", bundle JVM, own CPU", ", own JVM, own CPU", cpus.launcher()), jvm, latencyRuns, warmUpEvents);
            } finally {
                cpus.release();
            }
        }
    }

    /** How the measured JVMs start and how their rows are named. */
    private record Layout(String bundleSuffix, String rawSuffix, List<String> launcher) {
    }

    private void measureAll(Layout layout, List<String> jvm, List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        // Kafka too in a JVM of its own (KafkaProcess, as the reliability tests run it), so that neither the
        // simulator's work nor the benchmark's heap sits between the bundle and its broker's acknowledgement.
        try (KafkaProcess kafka = new KafkaProcess()) {
            kafka.start();
            measure("kafka", "homeconnect-to-kafka", List.of("bridge.yaml", "homeconnect-to-kafka.yaml"),
                    Map.of("smarthome.kafka.brokers", kafka.bootstrapServers(), "smarthome.mqtt.url", mqttUrl), layout, jvm,
                    latencyRuns, warmUpEvents);
            for (int[] run : latencyRuns) {
                report.progress("latency: raw KafkaProducer in a JVM of its own, %,d records at %,d/s", run[0] * run[1], run[0]);
                raw("raw KafkaProducer", "raw-kafka", layout, jvm, run, RawKafkaBaselineMain.class, "acks=all, idempotence, linger.ms 0, "
                        + "pipelined; %s failed sends", kafka.bootstrapServers(), "bench.raw-latency.homeconnect");
            }
        }
        measure("mqtt", "homeconnect-to-mqtt", List.of("bridge.yaml", "homeconnect-to-mqtt.xml", "homeassistant.yaml"),
                Map.of("smarthome.mqtt.url", mqttUrl), layout, jvm, latencyRuns, warmUpEvents);
        for (int[] run : latencyRuns) {
            report.progress("latency: raw Paho client in a JVM of its own, %,d events at %,d/s (2 messages each)", run[0] * run[1],
                    run[0]);
            raw("raw Paho client", "raw-mqtt", layout, jvm, run, RawMqttBaselineMain.class,
                    "state (retained) and event message, QoS 1, sync; %s publishes refused by Paho's in-flight race and sent again",
                    mqttUrl);
        }
    }

    /**
     * One fixed-rate run of a bare client's main ({@link RawKafkaBaselineMain}, {@link RawMqttBaselineMain}):
     * its arguments are {@code target}, the rate, the seconds and the warm-up; it answers with a count
     * (into {@code note}) and the encoded series.
     */
    private void raw(String name, String dir, Layout layout, List<String> jvm, int[] run, Class<?> main, String note, String... target)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(target));
        args.addAll(List.of(Integer.toString(run[0]), Integer.toString(run[1]), Integer.toString(Math.min(2_000, run[0] * run[1]))));
        try (ChildJvm raw = ChildJvm.start(dir, out.resolve(dir), layout.launcher(), jvm, main, args.toArray(String[]::new))) {
            String[] answer = raw.awaitLine(Duration.ofMinutes(6)).split(" ");
            Latencies series = new Latencies(name + " @ " + run[0] + "/s" + layout.rawSuffix());
            series.add(Latencies.decode(answer[1]));
            report.addLatencies("latency", series, "", String.format(Locale.ROOT, note, answer[0]));
        }
    }

    private void measure(String sink, String routeId, List<String> routeFiles, Map<String, String> brokers, Layout layout, List<String> jvm,
            List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        Path stateDir = Files.createTempDirectory("bench-bundle-" + sink + "-");
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
            String refreshToken = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).refreshToken();
            Map<String, String> properties = BridgeRunner.properties(cloud.clientId(), cloud.clientSecret(), cloud.baseUrl(),
                    refreshToken, stateDir, routeFiles, brokers);
            try (BundleJvm bundle = BundleJvm.start(out.resolve("bundle-" + sink), properties, routeId, layout.launcher(), jvm)) {
                Waits.until(Duration.ofSeconds(60), () -> cloud.events().openStreamCount() == 1);
                report.progress("latency: %s route (pid %d) streaming; warming up with %,d events", sink, bundle.pid(), warmUpEvents);
                long before = bundle.completed();
                cloud.events().flood(SimulatedHousehold.WASHER, warmUpEvents, 0).get(10, TimeUnit.MINUTES);
                bundle.awaitCompleted(before + warmUpEvents);
                bundle.settle();
                for (int[] run : latencyRuns) {
                    HomeConnectToKafkaBench.measureLatency(report, cloud, bundle, sink, layout.bundleSuffix(), run[0], run[1]);
                    bundle.settle();
                }
                if (bundle.leftovers() > 0) {
                    report.progress("latency: %s%s, %d exchanges of events received before their run were not recorded", sink,
                            layout.bundleSuffix(), bundle.leftovers());
                }
            }
        }
    }
}
