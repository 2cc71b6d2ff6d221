package io.github.camelsmarthome.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A zero-install MQTT 5 broker (Apache ActiveMQ Artemis, in memory, loopback only) for the demo,
 * and for tests on machines without Mosquitto.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server;
    private final Path dataDir;
    private final int port;

    private EmbeddedMqttBroker(EmbeddedActiveMQ server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     */
    public static EmbeddedMqttBroker start(int port) throws Exception {
        int chosen = port == 0 ? freePort() : port;
        Path dataDir = Files.createTempDirectory("camel-smarthome-mqtt-");
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("camel-smarthome-embedded");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setBrokerInstance(dataDir.toFile());
        config.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + chosen + "?protocols=MQTT");
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return new EmbeddedMqttBroker(server, dataDir, chosen);
    }

    /** The port the broker listens on. */
    public int port() {
        return port;
    }

    /** The broker URL for clients, {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Whether nothing listens on {@code port} of the loopback address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("The embedded MQTT broker on port " + port + " did not stop: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
