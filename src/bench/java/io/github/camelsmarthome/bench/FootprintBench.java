package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.RunnerMain;
import io.github.camelsmarthome.testing.RunnerProcess;

/**
 * Benchmark 4: the runner jar as users start it ({@code java -Xmx256m -jar … run}, every bundled
 * route), with Home Connect, SimpliSafe and miIO all on against their simulators and both
 * brokers: the time from starting the process to the first Home Connect event in Kafka, and the
 * resident set size ({@code VmRSS}) once it has idled; once with the JVM's defaults and once with
 * the JVM options the Dockerfile recommends.
 */
final class FootprintBench {

    private static final String SWITCH = "lumi.158d0001a2b3c4";
    /** {@code -Dbench.footprint.runs=N}: N starts of each kind, since one start on a shared machine says little. */
    private static final int RUNS = Integer.getInteger("bench.footprint.runs", 1);
    /** {@code -Dbench.footprint.skip-defaults=true}: only the recommended options, for quicker profiling rounds. */
    private static final boolean SKIP_DEFAULTS = Boolean.getBoolean("bench.footprint.skip-defaults");
    /**
     * {@code -Dbench.footprint.diagnose=true}: after the idle, {@code jcmd}'s native memory summary
     * (when the options turn tracking on), metaspace, heap, counters (classes), class loaders and
     * threads of the runner, into {@code bench.out/footprint-<label>-<pid>.txt}, to see where the
     * resident set goes.
     */
    private static final boolean DIAGNOSE = Boolean.getBoolean("bench.footprint.diagnose");

    private final BenchReport report;
    private final String bootstrapServers;
    private final String mqttUrl;

    FootprintBench(BenchReport report, String bootstrapServers, String mqttUrl) {
        this.report = report;
        this.bootstrapServers = bootstrapServers;
        this.mqttUrl = mqttUrl;
    }

    void run(Duration idle) throws Exception {
        // -Dbench.footprint.options="…" measures other options in place of the Dockerfile's (trying a flag).
        String recommended = jvmOptions("bench.footprint.options");
        Path workDir = Files.createTempDirectory("bench-footprint-");
        int pushPort = FreePorts.find();
        try (HomeConnectSimulator homeConnect = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
                SimpliSafeSimulator simpliSafe = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build());
                FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
                        .token(MiioAckBench.TOKEN).targetPort(pushPort).subDevice(SWITCH, "lumi.sensor_switch.aq2").build());
                KafkaTopics topics = new KafkaTopics(bootstrapServers)) {
            Systems systems = new Systems(homeConnect, simpliSafe, gateway, pushPort, topics);
            for (int run = 1; run <= RUNS; run++) {
                if (!SKIP_DEFAULTS) {
                    measure(systems, Files.createDirectories(workDir.resolve("defaults-" + run)), idle, "defaults", null);
                }
                measure(systems, Files.createDirectories(workDir.resolve("recommended-" + run)), idle, "recommended flags",
                        recommended);
            }
        }
    }

    /** The simulators and the topic reader both runs share. */
    private record Systems(HomeConnectSimulator homeConnect, SimpliSafeSimulator simpliSafe, FakeGateway gateway, int pushPort,
            KafkaTopics topics) {
    }

    /**
     * One start of the runner jar; {@code jvmOptions} reach the JVM as the image passes them
     * (JDK_JAVA_OPTIONS), {@code null} for the JVM's defaults. Each start gets fresh refresh tokens
     * and an empty state folder, so both pay the same first-start REST reads.
     */
    private void measure(Systems systems, Path workDir, Duration idle, String label, String jvmOptions) throws Exception {
        HomeConnectSimulator homeConnect = systems.homeConnect();
        SimpliSafeSimulator simpliSafe = systems.simpliSafe();
        Map<String, String> env = new HashMap<>();
        env.put("ROUTES_DIR", RunnerMain.ROUTES.toAbsolutePath().toString());
        env.put("STATE_DIR", Files.createDirectories(workDir.resolve("state")).toString());
        env.put("METRICS_PORT", Integer.toString(FreePorts.find()));
        env.put("MQTT_URL", mqttUrl);
        env.put("KAFKA_BROKERS", bootstrapServers);
        env.put("HOMECONNECT_CLIENT_ID", homeConnect.clientId());
        env.put("HOMECONNECT_CLIENT_SECRET", homeConnect.clientSecret());
        env.put("HOMECONNECT_REFRESH_TOKEN", homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).refreshToken());
        env.put("HOMECONNECT_API_URL", homeConnect.baseUrl());
        env.put("SIMPLISAFE_REFRESH_TOKEN", simpliSafe.auth().issueTokens().refreshToken());
        env.put("SIMPLISAFE_API_URL", simpliSafe.apiUrl());
        env.put("SIMPLISAFE_AUTH_URL", simpliSafe.authUrl());
        env.put("SIMPLISAFE_WEBSOCKET_URL", simpliSafe.webSocketUrl());
        env.put("MIIO_GATEWAY_HOST", "127.0.0.2");
        env.put("MIIO_TOKEN", MiioAckBench.TOKEN);
        env.put("MIIO_DEVICES", SWITCH + ":lumi.sensor_switch.aq2");
        env.put("MIIO_BIND_ADDRESS", "127.0.0.1");
        env.put("MIIO_PORT", Integer.toString(systems.pushPort()));
        env.put("MIIO_GATEWAY_PORT", Integer.toString(systems.gateway().localAddress().getPort()));
        if (jvmOptions != null) {
            env.put("JDK_JAVA_OPTIONS", jvmOptions);
        }
        String flags = jvmOptions == null ? "-Xmx256m" : "-Xmx256m " + jvmOptions;
        KafkaTopics topics = systems.topics();
        long before = topics.endOffset(HomeConnectToKafkaBench.TOPIC);
        report.progress("footprint (%s): starting the runner jar with all three systems on", label);
        long started = System.nanoTime();
        try (RunnerProcess runner = RunnerProcess.start(workDir, env, "run")) {
            Waits.until(Duration.ofMinutes(2), () -> {
                if (!runner.isAlive()) {
                    throw new IllegalStateException("runner exited: " + tail(runner.stderr() + runner.stdout()));
                }
                return topics.endOffset(HomeConnectToKafkaBench.TOPIC) > before;
            });
            double firstEvent = (System.nanoTime() - started) / 1e9;
            report.add("footprint", "start to first Home Connect event in Kafka, " + label, firstEvent, "s", "<= 3 s",
                    "process start (JVM included) to the record on the broker; " + flags);
            report.progress("footprint (%s): runner up (pid %d); idling %d s", label, runner.pid(), idle.toSeconds());
            Waits.idle(idle);
            report.add("footprint", "idle RSS (VmRSS), three systems on, " + label, rssMegabytes(runner.pid()), "MB", "<= 150 MB",
                    String.format(Locale.ROOT, "%s; after %d s idle; streams open: Home Connect %d", flags, idle.toSeconds(),
                            homeConnect.events().openStreamCount()));
            if (DIAGNOSE) {
                diagnose(runner.pid(), label);
            }
        }
    }

    /**
     * The JVM options the runner image sets (the {@code ENV JDK_JAVA_OPTIONS=} line of the
     * Dockerfile, which README recommends for {@code java -jar} too), so that the row measures
     * what users get.
     */
    static String recommendedJvmOptions() throws IOException {
        String prefix = "ENV JDK_JAVA_OPTIONS=";
        Path dockerfile = Path.of(System.getProperty("camel-smarthome.project.dir", "."), "Dockerfile");
        return Files.readAllLines(dockerfile).stream().map(String::trim).filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).replace("\"", "").trim()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Dockerfile has no " + prefix + " line"));
    }

    /**
     * The JVM options a {@code -D} property names: {@code image} (the default) for
     * {@link #recommendedJvmOptions()}, anything else as it is (empty for the JVM's defaults).
     */
    static String jvmOptions(String property) throws IOException {
        String value = System.getProperty(property, "image").trim();
        return value.equals("image") ? recommendedJvmOptions() : value;
    }

    static double rssMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElseThrow() / 1024.0;
    }

    private void diagnose(long pid, String label) throws IOException, InterruptedException {
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Path file = out.resolve("footprint-" + label.replace(' ', '-') + "-" + pid + ".txt");
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        StringBuilder text = new StringBuilder();
        String[] commands = {"VM.native_memory summary", "VM.metaspace", "GC.heap_info", "PerfCounter.print",
            "VM.classloader_stats", "Thread.print"};
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
            args.addAll(List.of(command.split(" ")));
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES);
            text.append("### ").append(command).append('\n').append(output).append('\n');
        }
        text.append("### /proc/").append(pid).append("/status\n").append(Files.readString(Path.of("/proc/" + pid + "/status")));
        Files.writeString(file, text);
        report.progress("footprint (%s): diagnostics in %s", label, file);
    }

    private static String tail(String text) {
        return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
    }
}
