package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives one CPU to the process under measurement and the others to everything else the
 * benchmark runs (its own JVM, the simulator in it, Mosquitto, a Kafka broker it starts later),
 * with Linux's {@code taskset}: a layout in which the bundle, as on a host of its own, does not wait
 * for a core that a simulated cloud or a broker holds.
 */
final class CpuAffinity {

    private final String all;
    private final String measured;
    private final String others;

    private CpuAffinity(String all, String measured, String others) {
        this.all = all;
        this.measured = measured;
        this.others = others;
    }

    /** The split, or empty where it cannot be made (fewer than two CPUs allowed, no {@code taskset}). */
    static Optional<CpuAffinity> split() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status) || Stream.of("/usr/bin/taskset", "/bin/taskset").noneMatch(path -> Files.isExecutable(Path.of(path)))) {
            return Optional.empty();
        }
        String allowed = Files.readAllLines(status).stream().filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
        List<Integer> cpus = new ArrayList<>();
        for (String range : allowed.split(",")) {
            if (range.isBlank()) {
                continue;
            }
            String[] bounds = range.split("-");
            int from = Integer.parseInt(bounds[0].trim());
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        if (cpus.size() < 2) {
            return Optional.empty();
        }
        String measured = Integer.toString(cpus.get(cpus.size() - 1));
        String others = cpus.subList(0, cpus.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(","));
        return Optional.of(new CpuAffinity(allowed, measured, others));
    }

    /** The CPU the measured process gets. */
    String measuredCpu() {
        return measured;
    }

    /** The CPUs everything else gets. */
    String otherCpus() {
        return others;
    }

    /** The prefix that starts a command on the measured CPU. */
    List<String> launcher() {
        return List.of("taskset", "-c", measured);
    }

    /** Moves this JVM (every thread; the threads it starts later inherit it) and its child processes to the other CPUs. */
    void confineBenchmark() throws IOException, InterruptedException {
        pinSelfAndChildren(others);
    }

    /** Gives this JVM and its child processes every CPU again. */
    void release() throws IOException, InterruptedException {
        pinSelfAndChildren(all);
    }

    private static void pinSelfAndChildren(String cpus) throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(child -> pids.add(child.pid()));
        for (long pid : pids) {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(taskset.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset could not pin pid " + pid + " to CPUs " + cpus + ": " + output.trim());
            }
        }
    }
}
