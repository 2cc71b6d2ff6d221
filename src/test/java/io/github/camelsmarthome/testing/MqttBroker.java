package io.github.camelsmarthome.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelsmarthome.app.EmbeddedMqttBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real MQTT 5 broker for one test class: a private Mosquitto on a free port when the binary is
 * installed (what users run, and what CI installs), else the embedded Artemis broker. The test
 * log says which. Set {@code -Dcamel-smarthome.test.mqtt=artemis} to force Artemis.
 *
 * <p>{@link #stop()} or {@link #kill()} and then {@link #start()} restart it on the same port, for
 * outage tests. Mosquitto runs without persistence, as its container image does by default: after a
 * restart it has forgotten every retained message and session, the harder case for a bridge.
 */
public final class MqttBroker implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);
    private static final List<Path> MOSQUITTO_LOCATIONS = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"), Path.of("/opt/homebrew/sbin/mosquitto"));

    private final int port;
    private String username;
    private String password;
    private Path workDir;
    private Process mosquitto;
    private EmbeddedMqttBroker artemis;

    /** A broker on a free port. */
    public MqttBroker() {
        this(FreePorts.find());
    }

    /** A broker on {@code port} (started by {@link #start()} or the extension). */
    public MqttBroker(int port) {
        this.port = port;
    }

    /**
     * A Mosquitto broker on a free port that refuses anonymous clients and accepts only
     * {@code username} with {@code password}. The embedded Artemis fallback takes anyone: see
     * {@link #requiresCredentials()}.
     */
    public static MqttBroker withCredentials(String username, String password) {
        MqttBroker broker = new MqttBroker();
        broker.username = username;
        broker.password = password;
        return broker;
    }

    /** Whether this broker refuses clients without the credentials it was made with. */
    public boolean requiresCredentials() {
        return username != null && "mosquitto".equals(kind());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Which broker this machine runs: {@code mosquitto} or {@code artemis}. */
    public static String kind() {
        return mosquittoBinary().isPresent() && !"artemis".equals(System.getProperty("camel-smarthome.test.mqtt")) ? "mosquitto" : "artemis";
    }

    static Optional<Path> mosquittoBinary() {
        return MOSQUITTO_LOCATIONS.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts (or restarts) the broker on its port and waits until it accepts connections. */
    public synchronized void start() throws Exception {
        if (isRunning()) {
            return;
        }
        if ("mosquitto".equals(kind())) {
            startMosquitto(mosquittoBinary().orElseThrow());
        } else {
            artemis = EmbeddedMqttBroker.start(port);
            LOG.info("MQTT broker: embedded Artemis ({}) at {}", mosquittoBinary().isPresent()
                    ? "forced by -Dcamel-smarthome.test.mqtt=artemis" : "Mosquitto not installed", url());
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::accepts);
    }

    private void startMosquitto(Path binary) throws IOException {
        if (workDir == null) {
            workDir = Files.createTempDirectory("mosquitto-test-");
        }
        Path config = workDir.resolve("mosquitto.conf");
        String access = "allow_anonymous true";
        if (username != null) {
            access = "allow_anonymous false\npassword_file " + passwordFile(binary);
        }
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                access,
                "persistence false",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        mosquitto = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("mosquitto.log").toFile()))
                .start();
        LOG.info("MQTT broker: Mosquitto {} (pid {}) at {}", binary, mosquitto.pid(), url());
    }

    /**
     * A password file made with {@code mosquitto_passwd} next to the binary. Mosquitto started as
     * root reads it after switching to its own user: the folder must be readable for others.
     */
    private Path passwordFile(Path binary) throws IOException {
        Path file = workDir.resolve("passwords");
        Path tool = Stream.of(binary.resolveSibling("mosquitto_passwd"), Path.of("/usr/bin/mosquitto_passwd"),
                Path.of("/usr/local/bin/mosquitto_passwd")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("mosquitto_passwd is not installed: it comes with mosquitto"));
        Process process = new ProcessBuilder(tool.toString(), "-b", "-c", file.toString(), username, password)
                .redirectErrorStream(true).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_passwd failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the password file", e);
        }
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private boolean isRunning() {
        return (mosquitto != null && mosquitto.isAlive()) || artemis != null;
    }

    private boolean accepts() {
        if (mosquitto != null && !mosquitto.isAlive()) {
            throw new IllegalStateException("Mosquitto exited with " + mosquitto.exitValue() + "; see " + workDir.resolve("mosquitto.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker; retained messages are gone (persistence is off), as after a crash. */
    public synchronized void stop() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            mosquitto = null;
        }
        if (artemis != null) {
            artemis.close();
            artemis = null;
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !accepts());
    }

    /**
     * Kills Mosquitto with SIGKILL, as a crash or an OOM kill would: no clean disconnect, no will
     * published, nothing saved. The embedded Artemis broker can only be stopped.
     */
    public synchronized void kill() throws Exception {
        if (mosquitto == null) {
            stop();
            return;
        }
        mosquitto.destroyForcibly();
        if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Mosquitto (pid " + mosquitto.pid() + ") survived SIGKILL for 10 s");
        }
        LOG.info("MQTT broker: Mosquitto killed (exit {}) at {}", mosquitto.exitValue(), url());
        mosquitto = null;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !accepts());
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }
}
