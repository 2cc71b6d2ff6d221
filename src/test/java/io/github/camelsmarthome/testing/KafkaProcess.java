package io.github.camelsmarthome.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real one-node Kafka (KRaft, combined broker and controller) in a child JVM, so that a test can
 * kill it as a crash or an unplugged server would and start it again: same ports, same data. It
 * runs Kafka's own {@code kafka.Kafka} main from the jars on the test classpath (the ones
 * {@link KafkaBroker} uses in-process); the storage is formatted once with {@code kafka.tools.StorageTool}.
 *
 * <p>Its data lives under {@code target/kafka-process/<id>/}, its output goes to {@code broker.log}
 * there (never to the test's output). A JVM shutdown hook kills it if the test does not, so no
 * broker outlives the test run.
 *
 * <pre>{@code @RegisterExtension static final KafkaProcess KAFKA = new KafkaProcess();
 * KAFKA.kill();      // SIGKILL, as a crash
 * KAFKA.restart();   // same ports and data; returns when it answers
 * }</pre>
 */
public final class KafkaProcess implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final int brokerPort = FreePorts.find();
    private final int controllerPort = otherFreePort(brokerPort);
    private final Path dir;
    private final Path log;
    private final Thread reaper = new Thread(this::killQuietly, "kafka-process-reaper");
    private Process process;
    private boolean formatted;

    /** A broker (not started) with its data under {@code target/kafka-process/}. */
    public KafkaProcess() {
        Path target = Path.of(System.getProperty("camel-smarthome.project.dir", ".")).resolve("target");
        this.dir = target.resolve("kafka-process").resolve(UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        this.log = dir.resolve("broker.log");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Formats the storage the first time, starts the child JVM and waits until the broker answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        if (!formatted) {
            format();
            Runtime.getRuntime().addShutdownHook(reaper);
        }
        process = java("kafka.Kafka", config().toString()).start();
        LOG.info("Kafka broker (KRaft, child process pid {}) starting at {}; log {}", process.pid(), bootstrapServers(), log);
        awaitReady();
        LOG.info("Kafka broker pid {} ready at {} in {} ms", process.pid(), bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Kills the broker at once (SIGKILL): no flush, no controlled shutdown, as a crash. */
    public synchronized void kill() throws InterruptedException {
        end(true);
    }

    /** Stops the broker as an operator would (SIGTERM: controlled shutdown), forcibly after 60 s. */
    public synchronized void stop() throws InterruptedException {
        end(false);
    }

    /** Starts the broker again on the same ports with the same data; returns when it answers. */
    public void restart() throws IOException, InterruptedException {
        start();
    }

    /** Whether the child process is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, stable across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** The child's output (Kafka's own log). */
    public Path logFile() {
        return log;
    }

    /** Kills the broker if it runs; the data stays under {@code target/} for a look after a failure. */
    @Override
    public synchronized void close() {
        killQuietly();
        if (formatted) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook itself is running
            }
            formatted = false;
        }
    }

    private void end(boolean forcibly) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        long pid = process.pid();
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        LOG.info("Kafka broker pid {} {} (exit {})", pid, forcibly ? "killed" : "stopped", process.exitValue());
    }

    private void killQuietly() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
            try {
                current.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void format() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Path config = writeConfig();
        Process storageTool = java("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString())
                .start();
        if (!storageTool.waitFor(120, TimeUnit.SECONDS)) {
            storageTool.destroyForcibly();
            throw new IllegalStateException("Formatting the Kafka storage did not finish in 120 s; see " + log);
        }
        if (storageTool.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed (exit " + storageTool.exitValue() + "); see " + log);
        }
        formatted = true;
    }

    private static int otherFreePort(int taken) {
        int port = FreePorts.find();
        while (port == taken) {
            port = FreePorts.find();
        }
        return port;
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private Path writeConfig() throws IOException {
        Properties server = new Properties();
        server.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dir.resolve("data").toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        try (var out = Files.newBufferedWriter(config())) {
            server.store(out, "one-node KRaft broker of a test");
        }
        return config();
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** The test classpath: Surefire and Failsafe start tests through a manifest-only jar and name the real one here. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitReady() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin client = Admin.create(admin)) {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; see " + log);
                }
                return answers(client);
            });
        }
    }

    private static boolean answers(Admin client) throws InterruptedException {
        try {
            return !client.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
