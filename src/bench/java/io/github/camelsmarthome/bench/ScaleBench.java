package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark: concurrent Home Connect event streams of many accounts in one bundle JVM (design
 * section 7: 10,000 streams with heap &lt;= 512 MB). The simulator runs in a JVM of its own (it holds
 * a server socket per stream), the bundle in another ({@link ScaleBundleMain}: the
 * {@code homeconnect} component, {@code accountsDir} route to a counting sink), so heap, RSS and
 * threads are the bundle's alone. The number of accounts rises in steps; at each step the token
 * stores are written to the folder (as {@code authorize --account} does), the component finds them
 * on its periodic look, and once the simulator counts every stream open and the route has gone
 * quiet: heap used after a full collection, RSS, threads and open files. Per-stream figures are the
 * slopes between steps. Last, one event through every stream proves them all live.
 *
 * <p>System properties: {@code bench.scale.steps} (comma-separated, default 100,1000,5000,10000),
 * {@code bench.scale.xmx} (the bundle's -Xmx, default 1g, above the budget so that the figure is
 * measured rather than an OutOfMemoryError).
 */
final class ScaleBench {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration ANSWER = Duration.ofMinutes(2);
    /** How long the bundle's CPU use is measured with every stream open and nothing to carry but keep-alives. */
    private static final Duration IDLE = Duration.ofSeconds(10);

    private final BenchReport report;
    private final Path out;

    /** One step's measurements. */
    private record Step(int accounts, int streams, double seconds, double heapMb, double rssMb, long threads, long files,
            double idleCpuPercent) {
    }

    ScaleBench(BenchReport report, Path out) {
        this.report = report;
        this.out = out;
    }

    void run() throws Exception {
        List<Integer> steps = Arrays.stream(System.getProperty("bench.scale.steps", "100,1000,5000,10000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        String xmx = System.getProperty("bench.scale.xmx", "1g");
        Path work = Files.createTempDirectory("bench-scale-");
        // Owner-only, as a user's folder of token stores should be (else each account's files warn once).
        Path folder = Files.createDirectory(work.resolve("accounts"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        report.progress("scale: steps %s; bundle -Xmx%s; accounts folder %s; file limit: see ulimit -n", steps, xmx, folder);
        try (ChildJvm cloud = ChildJvm.start("simulator", out.resolve("scale-simulator"), List.of("-Xmx2g"), ScaleCloudMain.class)) {
            String[] ready = cloud.awaitLine(ANSWER).split(" ");
            report.progress("scale: simulator up at %s (pid %d)", ready[1], cloud.pid());
            List<String> bundleJvm = new ArrayList<>(List.of("-Xmx" + xmx));
            // Extra options for the bundle's JVM only, e.g. a flight recording: -Dbench.scale.bundle-jvm-args="-XX:StartFlightRecording=..."
            bundleJvm.addAll(Arrays.stream(System.getProperty("bench.scale.bundle-jvm-args", "").split(" ")).filter(a -> !a.isBlank()).toList());
            try (ChildJvm bundle = ChildJvm.start("bundle", out.resolve("scale-bundle"), bundleJvm, ScaleBundleMain.class,
                    ready[1], ready[2], ready[3], folder.toString())) {
                bundle.awaitLine(ANSWER);
                report.progress("scale: bundle up (pid %d), %d threads, heap %.1f MB with no account", bundle.pid(),
                        bundle.procStatus("Threads"), megabytes(Long.parseLong(bundle.ask("heap", ANSWER))));
                List<Step> measured = new ArrayList<>();
                Step empty = measure(bundle, 0, 0, 0);
                measured.add(empty);
                int written = 0;
                for (int target : steps) {
                    Step step = rampTo(cloud, bundle, folder, written, target);
                    written = target;
                    measured.add(step);
                    record(step);
                }
                slopes(measured);
                histogram(bundle);
                proveLive(cloud, bundle, written);
            }
        }
    }

    private Step rampTo(ChildJvm cloud, ChildJvm bundle, Path folder, int from, int target) throws Exception {
        report.progress("scale: %,d -> %,d accounts: writing token stores", from, target);
        cloud.ask("accounts " + from + " " + target + " " + folder, STEP_TIMEOUT);
        // From the moment the stores are in the folder: the writing (synced, file by file) is not the bundle's time.
        long started = System.nanoTime();
        long deadline = started + STEP_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime();
        int open = 0;
        while (open < target) {
            if (!bundle.isAlive()) {
                throw new IllegalStateException("the bundle exited at " + open + " streams open (see scale-bundle/)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "only %d of %d streams open after %s; bundle threads %d,"
                        + " open files %d", open, target, STEP_TIMEOUT, bundle.procStatus("Threads"), bundle.openFiles()));
            }
            open = Integer.parseInt(cloud.ask("streams", ANSWER));
            if (System.nanoTime() >= nextProgress) {
                report.progress("scale: %,d of %,d streams open after %d s; bundle RSS %.0f MB, %d threads, %d files", open, target,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds(), bundle.procStatus("VmRSS") / 1024.0,
                        bundle.procStatus("Threads"), bundle.openFiles());
                nextProgress = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Waits.idle(Duration.ofMillis(250));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        settle(bundle);
        return measure(bundle, target, open, seconds);
    }

    /** Waits until the route has seen no exchange for two seconds: the first-start reads are done. */
    private void settle(ChildJvm bundle) throws Exception {
        long last = -1;
        long now = Long.parseLong(bundle.ask("events", ANSWER));
        while (now != last) {
            last = now;
            Waits.idle(Duration.ofSeconds(2));
            now = Long.parseLong(bundle.ask("events", ANSWER));
        }
    }

    private Step measure(ChildJvm bundle, int accounts, int streams, double seconds) throws Exception {
        long ticks = bundle.cpuTicks();
        long from = System.nanoTime();
        Waits.idle(IDLE);
        double idleCpu = (bundle.cpuTicks() - ticks) * 10.0 / ((System.nanoTime() - from) / 1e6) * 100;
        double heap = megabytes(Long.parseLong(bundle.ask("heap", ANSWER)));
        return new Step(accounts, streams, seconds, heap, bundle.procStatus("VmRSS") / 1024.0, bundle.procStatus("Threads"),
                bundle.openFiles(), idleCpu);
    }

    private void record(Step step) {
        String at = String.format(Locale.ROOT, "%,d accounts", step.accounts());
        String note = String.format(Locale.ROOT, "%d threads, %d open files in the bundle", step.threads(), step.files());
        report.add("scale", "streams open (simulator's count), " + at, step.streams(), "streams", "", "");
        report.add("scale", "time to open all, " + at, step.seconds(), "s", "",
                "token stores moved into the folder -> every stream open; includes up to 10 s until the component's next look for new accounts");
        report.add("scale", "heap used after full GC, " + at, step.heapMb(), "MB", step.accounts() == 10_000 ? "<= 512 MB" : "", note);
        report.add("scale", "RSS (VmRSS), " + at, step.rssMb(), "MB", "", note);
        report.add("scale", "threads, " + at, step.threads(), "threads", "", "");
        report.add("scale", "CPU while idle, " + at, step.idleCpuPercent(), "% of a core", "",
                "over " + IDLE.toSeconds() + " s with every stream open (keep-alives every 55 s, housekeeping)");
    }

    private void slopes(List<Step> steps) {
        for (int i = 2; i < steps.size(); i++) {
            Step before = steps.get(i - 1);
            Step after = steps.get(i);
            int added = after.accounts() - before.accounts();
            String between = String.format(Locale.ROOT, "%,d -> %,d", before.accounts(), after.accounts());
            report.add("scale", "heap per stream, " + between, (after.heapMb() - before.heapMb()) * 1024 / added, "KB", "",
                    "slope of heap after full GC");
            report.add("scale", "RSS per stream, " + between, (after.rssMb() - before.rssMb()) * 1024 / added, "KB", "", "slope of VmRSS");
        }
        Step last = steps.get(steps.size() - 1);
        Step first = steps.get(1);
        if (last.accounts() > first.accounts()) {
            int added = last.accounts() - first.accounts();
            report.add("scale", "heap per stream, overall", (last.heapMb() - first.heapMb()) * 1024 / added, "KB",
                    "<= 52 KB (512 MB / 10,000)", String.format(Locale.ROOT, "slope %,d -> %,d", first.accounts(), last.accounts()));
            report.add("scale", "RSS per stream, overall", (last.rssMb() - first.rssMb()) * 1024 / added, "KB", "",
                    String.format(Locale.ROOT, "slope %,d -> %,d", first.accounts(), last.accounts()));
            report.add("scale", "threads per 1,000 streams, overall", (last.threads() - first.threads()) * 1000.0 / added, "threads", "", "");
        }
    }

    private void proveLive(ChildJvm cloud, ChildJvm bundle, int accounts) throws Exception {
        bundle.ask("forget", ANSWER);
        long started = System.nanoTime();
        int written = Integer.parseInt(cloud.ask("flood", ANSWER));
        report.progress("scale: one event written to each of %,d streams; waiting for the route to see all", written);
        long deadline = System.nanoTime() + ANSWER.toNanos();
        int seen = 0;
        while (seen < accounts && System.nanoTime() < deadline) {
            Waits.idle(Duration.ofMillis(250));
            seen = Integer.parseInt(bundle.ask("marked", ANSWER));
        }
        report.add("scale", "accounts whose route got the event, of " + String.format(Locale.ROOT, "%,d", accounts), seen, "accounts", "",
                String.format(Locale.ROOT, "one STATUS event on every stream; all in %.1f s", (System.nanoTime() - started) / 1e9));
        if (seen < accounts) {
            throw new IllegalStateException("only " + seen + " of " + accounts + " accounts' routes received the event");
        }
    }

    /** The bundle's heap by class at the last step (jcmd GC.class_histogram), for finding what a stream costs. */
    private void histogram(ChildJvm bundle) throws Exception {
        Path file = out.resolve("scale-bundle").resolve("histogram.txt");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(bundle.pid()), "GC.class_histogram")
                .redirectOutput(file.toFile()).redirectErrorStream(true).start();
        if (process.waitFor() == 0) {
            report.progress("scale: the bundle's class histogram is in %s", file);
        }
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
