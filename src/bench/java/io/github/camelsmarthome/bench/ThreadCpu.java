package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by name (digits folded, so a pool is one row), to say where a
 * round's CPU per event went: {@code -Dbench.threads=true} prints one breakdown per round.
 *
 * <p>Two views: Java threads by their full names ({@link ThreadMXBean}), and every thread of the
 * process from {@code /proc/self/task} (Linux only; names cut at 15 characters by the kernel), which
 * also shows the JIT compiler and GC threads the JVM hides from the first.
 */
final class ThreadCpu {

    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ, 100 on Linux

    private ThreadCpu() {
    }

    /** Whether {@code -Dbench.threads=true} asked for the breakdowns. */
    static boolean wanted() {
        return Boolean.getBoolean("bench.threads");
    }

    /** CPU nanoseconds so far, by thread name. */
    static Map<String, Long> snapshot() {
        Map<String, Long> nanos = new HashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                nanos.merge(fold(info.getThreadName()), cpu, Long::sum);
            }
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    nanos.merge("os: " + fold(Files.readString(task.resolve("comm")).trim()), (long) (ticks * NANOS_PER_TICK), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException notLinux) {
            // the Java view alone
        }
        return nanos;
    }

    /** The rows from {@code before} to {@code after}, in microseconds per event, largest first. */
    static List<String> perEvent(Map<String, Long> before, Map<String, Long> after, long events) {
        List<Map.Entry<String, Long>> spent = new ArrayList<>();
        after.forEach((name, nanos) -> spent.add(Map.entry(name, nanos - before.getOrDefault(name, 0L))));
        spent.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Long> row : spent) {
            double micros = row.getValue() / 1e3 / events;
            if (micros >= 0.1) {
                rows.add(String.format(Locale.ROOT, "%7.1f us  %s", micros, row.getKey()));
            }
        }
        return rows;
    }

    private static String fold(String name) {
        return name.replaceAll("\\d+", "N");
    }
}
