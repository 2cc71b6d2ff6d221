package io.github.camelsmarthome.bench;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;

/**
 * The runner's routes in a JVM of their own ({@link RouteBundleMain}), started with the JVM
 * options a deployment uses, and read as a {@link LatencySource}: the latencies are measured in
 * that JVM and travel back as a histogram when a series stops.
 */
final class BundleJvm implements LatencySource, AutoCloseable {

    private static final Duration ANSWER = Duration.ofMinutes(6);

    private final ChildJvm child;
    private Latencies series;
    private long failed;
    private long leftovers;

    private BundleJvm(ChildJvm child) {
        this.child = child;
    }

    /**
     * Starts the bundle with {@code properties} ({@link BridgeRunner#properties}), measuring the
     * route {@code routeId}, with {@code jvmOptions}, through {@code launcher} (empty, or a taskset
     * prefix); logs and the properties file go to {@code dir}.
     */
    static BundleJvm start(Path dir, Map<String, String> properties, String routeId, List<String> launcher, List<String> jvmOptions)
            throws Exception {
        Files.createDirectories(dir);
        Properties all = new Properties();
        all.putAll(properties);
        StringWriter text = new StringWriter();
        all.store(text, "the latency benchmark's bundle");
        // It holds the simulator's client secret and a refresh token: owner-only and atomic, as every secret file.
        Path file = new OwnerOnlyFileWriter(dir, "bundle properties")
                .write("bundle.properties", text.toString().getBytes(StandardCharsets.UTF_8));
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dcamel-smarthome.project.dir=" + Path.of(System.getProperty("camel-smarthome.project.dir", ".")).toAbsolutePath());
        ChildJvm child = ChildJvm.start("bundle", dir, launcher, options, RouteBundleMain.class, file.toString(), routeId);
        try {
            String ready = child.awaitLine(Duration.ofMinutes(2));
            if (!ready.equals("ready")) {
                throw new IllegalStateException("the bundle JVM answered " + ready);
            }
        } catch (Exception e) {
            child.close();
            throw e;
        }
        return new BundleJvm(child);
    }

    long pid() {
        return child.pid();
    }

    @Override
    public long completed() throws Exception {
        return Long.parseLong(child.ask("completed", ANSWER));
    }

    @Override
    public long failed() {
        return failed;
    }

    @Override
    public long leftovers() {
        return leftovers;
    }

    @Override
    public void recordInto(Latencies next) throws Exception {
        if (next != null) {
            series = next;
            child.ask("record", ANSWER);
            return;
        }
        String[] answer = child.ask("stop", ANSWER).split(" ");
        failed = Long.parseLong(answer[0]);
        leftovers = Long.parseLong(answer[1]);
        if (series != null) {
            series.add(Latencies.decode(answer[2]));
            series = null;
        }
    }

    @Override
    public void awaitCompleted(long count) throws Exception {
        child.ask("await " + count, ANSWER);
    }

    @Override
    public void settle() throws Exception {
        child.ask("settle", ANSWER);
    }

    @Override
    public void close() throws Exception {
        child.close();
    }
}
