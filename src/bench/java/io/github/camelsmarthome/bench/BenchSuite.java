package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark run of {@code ./mvnw -B -Pbench verify} (docs/benchmarks.md): starts a real Kafka
 * (in-process KRaft) and a real MQTT broker (Mosquitto when installed), runs each benchmark in
 * order of importance with a progress line per phase, then prints the table and writes
 * {@code results.json}, {@code results.md} and {@code latency.png} to {@code -Dbench.out}.
 *
 * <p>System properties: {@code bench.only} (comma-separated phases, or {@code all}):
 * {@code throughput} (with the Kafka latencies), {@code mqtt}, {@code latency} (both routes' latencies with the bundle in a
 * JVM of its own, {@link BundleJvmLatencyBench}), {@code miio}, {@code footprint},
 * {@code budget}, {@code scale} (see {@link ScaleBench} for its properties), {@code jmh}; {@code bench.events} (throughput flood size, default 20,000);
 * {@code bench.latency-seconds} (length of each fixed-rate latency run, default 10).
 */
public final class BenchSuite {

    private static final List<String> PHASES = List.of("throughput", "mqtt", "latency", "miio", "footprint", "budget", "scale", "jmh");

    private BenchSuite() {
    }

    /** Runs the selected benchmarks; exits 1 when one of them failed (its row says why). */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Set<String> only = selected(System.getProperty("bench.only", "all"));
        int events = Integer.getInteger("bench.events", 20_000);
        int latencySeconds = Integer.getInteger("bench.latency-seconds", 10);
        List<int[]> rates = List.of(new int[] {100, latencySeconds}, new int[] {1_000, latencySeconds});
        BenchReport report = new BenchReport(System.out);
        Map<String, String> machine = BenchReport.machine();
        report.progress("machine: %s; phases: %s; logs in %s", machine, only, out.resolve("bench.log"));

        KafkaBroker kafka = new KafkaBroker();
        MqttBroker mqtt = new MqttBroker();
        try {
            if (only.stream().anyMatch(phase -> !Set.of("miio", "scale", "jmh").contains(phase))) {
                report.progress("brokers: starting Kafka (KRaft, in-process) and MQTT (%s)", MqttBroker.kind());
                kafka.start();
                mqtt.start();
                machine.put("mqttBroker", MqttBroker.kind());
            }
            phase(report, only, "throughput", () -> new HomeConnectToKafkaBench(report, kafka.bootstrapServers(), mqtt.url(), events)
                    .run(rates));
            phase(report, only, "mqtt", () -> new HomeConnectToMqttBench(report, mqtt.url()).run(rates, events / 10));
            phase(report, only, "latency", () -> new BundleJvmLatencyBench(report, out, mqtt.url())
                    .run(rates, events / 10));
            phase(report, only, "miio", () -> new MiioAckBench(report).run(3, 5));
            phase(report, only, "footprint", () -> new FootprintBench(report, kafka.bootstrapServers(), mqtt.url())
                    .run(Duration.ofSeconds(15)));
            phase(report, only, "budget", () -> new RequestBudgetBench(report, kafka.bootstrapServers(), mqtt.url()).run());
            phase(report, only, "scale", () -> new ScaleBench(report, out).run());
            phase(report, only, "jmh", () -> jmh(report, out));
        } finally {
            report.progress("brokers: stopping");
            stopQuietly(mqtt::stop);
            stopQuietly(kafka::stop);
        }

        String table = report.table();
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table);
        report.writeJson(out.resolve("results.json"), machine);
        if (!report.latencies().isEmpty()) {
            LatencyPlot.write(report.latencies(), "Latency: bundle routes (event received -> broker ack), miIO (datagram sent -> ack received)", out.resolve("latency.png"));
        }
        report.progress("done: %s", out.toAbsolutePath());
        // Vert.x, Kafka and Camel leave non-daemon threads behind; the run is over.
        System.exit(report.hasFailures() ? 1 : 0);
    }

    private interface Phase {
        void run() throws Exception;
    }

    private static void phase(BenchReport report, Set<String> only, String name, Phase phase) {
        if (!only.contains(name)) {
            return;
        }
        report.progress("phase %s: start", name);
        long started = System.nanoTime();
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            org.slf4j.LoggerFactory.getLogger(BenchSuite.class).error("Benchmark phase {} failed", name, e);
            report.failed(name, e instanceof Exception exception ? exception : new IllegalStateException(e));
        }
        report.progress("phase %s: end (%d s)", name, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static void jmh(BenchReport report, Path out) throws Exception {
        report.progress("jmh: %s, 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement (output in jmh.log)", HotPathsBench.class.getSimpleName());
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(HotPathsBench.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx256m")
                .output(out.resolve("jmh.log").toString())
                .result(out.resolve("jmh.json").toString()).resultFormat(ResultFormatType.JSON)
                .build()).run();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            var primary = result.getPrimaryResult();
            report.add("jmh", name, primary.getScore(), primary.getScoreUnit(), "",
                    String.format(Locale.ROOT, "± %.3f (99.9%%)", primary.getScoreError()));
        }
    }

    private static Set<String> selected(String only) {
        if (only.isBlank() || only.equals("all")) {
            return Set.copyOf(PHASES);
        }
        Set<String> chosen = Arrays.stream(only.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!PHASES.containsAll(chosen)) {
            throw new IllegalArgumentException("bench.only takes " + PHASES + " or all, got " + only);
        }
        return chosen;
    }

    private interface Stop {
        void stop() throws Exception;
    }

    private static void stopQuietly(Stop stop) {
        try {
            stop.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(BenchSuite.class).warn("Could not stop a broker", e);
        }
    }
}
