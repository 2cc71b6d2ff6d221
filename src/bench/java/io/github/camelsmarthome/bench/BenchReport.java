package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a benchmark run found: progress lines while it runs, then the table on standard output and
 * {@code results.json} (plus the latency series, for the plot) in the output folder.
 */
final class BenchReport {

    private final PrintStream out;
    private final Instant started = Instant.now();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Latencies> latencies = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    BenchReport(PrintStream out) {
        this.out = out;
    }

    /** One progress line, with the seconds since the run started. */
    synchronized void progress(String format, Object... args) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        out.printf(Locale.ROOT, "[bench %4ds] %s%n", seconds, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    synchronized void add(String group, String name, double value, String unit, String budget, String note) {
        measurements.add(new Measurement(group, name, value, unit, budget, note));
        progress("  %s / %s = %s %s%s", group, name, format(value), unit, budget.isEmpty() ? "" : " (budget " + budget + ")");
    }

    /** Adds p50, p99 and max of a latency series, and keeps it for the JSON and the plot. */
    synchronized void addLatencies(String group, Latencies series, String budget, String note) {
        latencies.add(series);
        String samples = series.count() + " events" + (note.isEmpty() ? "" : "; " + note);
        add(group, series.name() + " p50", series.percentileMillis(50), "ms", "", samples);
        add(group, series.name() + " p99", series.percentileMillis(99), "ms", budget, samples);
        add(group, series.name() + " max", series.maxMillis(), "ms", "", samples);
    }

    /** A benchmark that failed: the run goes on, the table says so. */
    synchronized void failed(String group, Exception e) {
        failures.add(group + ": " + e);
        progress("FAILED %s: %s (details in bench.log)", group, e);
    }

    synchronized boolean hasFailures() {
        return !failures.isEmpty();
    }

    List<Latencies> latencies() {
        return List.copyOf(latencies);
    }

    /** The table, as Markdown, so it can be pasted into docs/benchmarks.md as it is. */
    synchronized String table() {
        StringBuilder table = new StringBuilder();
        table.append("| benchmark | measurement | value | unit | budget | note |\n");
        table.append("| --- | --- | ---: | --- | --- | --- |\n");
        for (Measurement m : measurements) {
            table.append("| ").append(m.group()).append(" | ").append(m.name()).append(" | ").append(format(m.value()))
                    .append(" | ").append(m.unit()).append(" | ").append(m.budget()).append(" | ").append(m.note()).append(" |\n");
        }
        for (String failure : failures) {
            table.append("| FAILED | ").append(failure.replace('|', '/')).append(" | | | | |\n");
        }
        return table.toString();
    }

    synchronized void writeJson(Path file, Map<String, String> machine) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        root.set("machine", json.valueToTree(machine));
        ArrayNode results = root.putArray("results");
        for (Measurement m : measurements) {
            ObjectNode row = results.addObject();
            row.put("group", m.group());
            row.put("name", m.name());
            if (Double.isFinite(m.value())) {
                row.put("value", m.value());
            } else {
                row.putNull("value");
            }
            row.put("unit", m.unit());
            row.put("budget", m.budget());
            row.put("note", m.note());
        }
        ObjectNode series = root.putObject("latencyPercentilesMs");
        for (Latencies l : latencies) {
            ObjectNode points = series.putObject(l.name());
            for (double p : new double[] {50, 90, 99, 99.9, 100}) {
                points.put("p" + p, l.percentileMillis(p));
            }
        }
        root.set("failures", json.valueToTree(failures));
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
    }

    /** The machine the run is on: what docs/benchmarks.md must state beside the numbers. */
    static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", memTotal());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("loadAverage", String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return machine;
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> line.substring("MemTotal:".length()).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
