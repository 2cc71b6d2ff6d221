package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.event.CompleteDeviceList;
import io.github.camelsmarthome.event.CompleteDeviceListSource;
import io.github.camelsmarthome.miio.protocol.GatewayListeners;
import io.github.camelsmarthome.miio.protocol.MiioPushBindException;
import io.github.camelsmarthome.miio.protocol.MiioPushListener;
import io.github.camelsmarthome.miio.protocol.MiioPushServer;
import io.github.camelsmarthome.miio.protocol.MiioPushServerOptions;
import io.github.camelsmarthome.miio.protocol.MiioPushServerStats;
import io.github.camelsmarthome.miio.protocol.MiioToken;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code miio-push:} component: Xiaomi gateways push their Zigbee sub-devices' events to a
 * local UDP server that plays a miIO plug ({@code from("miio-push:<gateway host>")}), and miIO
 * commands go to a gateway ({@code to("miio-push:<gateway host>?operation=send&method=miIO.info")}).
 *
 * <p>The component owns the push servers: one per (bind address, port), shared by every consumer
 * of the CamelContext that uses it, started by the first and closed when the last one stops. One
 * server serves many gateways; only one can exist per host address, because gateways only send to
 * UDP 54321. Several consumers of one gateway (a route to MQTT, another to Kafka) all receive its
 * events, and a consumer that stops leaves the scenes the others still use.
 */
@Component("miio-push")
public class MiioPushComponent extends HealthCheckComponent implements CompleteDeviceListSource {

    private static final Duration MAX_LIVENESS_CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MIN_LIVENESS_CHECK_INTERVAL = Duration.ofMillis(50);

    @Metadata
    private MiioPushConfiguration configuration = new MiioPushConfiguration();

    private final Map<InetSocketAddress, SharedServer> servers = new HashMap<>();
    private final Set<MiioPushConsumer> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new InvalidConfigurationException("miio-push", "the URI names no gateway: use miio-push:<gateway host or IP>,"
                                                                 + " for example miio-push:192.168.1.20");
        }
        MiioPushEndpoint endpoint = new MiioPushEndpoint(uri, this, remaining.trim(), configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** A consumer that started: its gateway and planned sub-devices join {@link #completeDeviceList()}. */
    void consumerStarted(MiioPushConsumer consumer) {
        running.add(consumer);
    }

    /** A consumer that stops: its devices leave {@link #completeDeviceList()}. */
    void consumerStopped(MiioPushConsumer consumer) {
        running.remove(consumer);
    }

    /**
     * The gateways of the running consumers and the sub-devices their {@code devices} and
     * {@code subscriptions} options name; empty when no consumer runs, or when one installs no
     * scene (then only events of scenes installed elsewhere arrive, from devices nobody listed).
     */
    @Override
    public Optional<CompleteDeviceList> completeDeviceList() {
        List<MiioPushConsumer> current = List.copyOf(running);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Set<String> devices = new HashSet<>();
        Set<String> gateways = new HashSet<>();
        for (MiioPushConsumer consumer : current) {
            Set<String> planned = consumer.plannedDevices();
            if (planned.isEmpty()) {
                return Optional.empty();
            }
            devices.addAll(planned);
            gateways.add(consumer.getEndpoint().getGatewayHost());
        }
        return Optional.of(new CompleteDeviceList("miio", devices, gateways));
    }

    /**
     * Registers {@code listener} for {@code gateway}'s events on the running server for this address
     * and port, starting the server when no consumer uses it yet. Several listeners of one gateway
     * all hear its events.
     *
     * @param sceneIds the scenes the listener needs on the gateway (see {@link #detach})
     * @throws InvalidConfigurationException when the port cannot be bound, the consumers sharing the
     *                                       server disagree on the fake device id or the silence
     *                                       timeout, or two consumers give one gateway different tokens
     */
    synchronized MiioPushServer attach(ServerKey key, InetAddress gateway, MiioToken token, MiioPushListener listener,
            Set<String> sceneIds) {
        SharedServer shared = servers.get(key.address());
        if (shared == null) {
            shared = new SharedServer(start(key), key);
            servers.put(key.address(), shared);
        } else if (shared.key.deviceId() != key.deviceId() || !shared.key.silenceTimeout().equals(key.silenceTimeout())) {
            throw new InvalidConfigurationException("deviceId", "the consumers sharing the push server on UDP "
                    + describe(key.address()) + " must use the same deviceId and silenceTimeout (one has "
                    + shared.key.deviceId() + " and " + shared.key.silenceTimeout().toMillis() + " ms, another "
                    + key.deviceId() + " and " + key.silenceTimeout().toMillis() + " ms); set them once on the component");
        }
        GatewayListeners listeners = shared.gateways.get(gateway);
        if (listeners == null) {
            listeners = new GatewayListeners(gateway, token);
            shared.gateways.put(gateway, listeners);
            shared.server.register(gateway, token, listeners);
        } else if (!listeners.token().equals(token)) {
            throw new InvalidConfigurationException("token", "two miio-push consumers of gateway " + gateway.getHostAddress()
                    + " have different tokens; a gateway has one token, give it once");
        }
        listeners.add(listener, sceneIds);
        return shared.server;
    }

    /**
     * Unregisters {@code listener}; the last listener of a gateway unregisters the gateway, the last
     * consumer of a server closes it.
     *
     * @return the scene ids other consumers of the gateway still need: not to be deleted
     */
    synchronized Set<String> detach(MiioPushServer server, InetAddress gateway, MiioPushListener listener) {
        for (SharedServer shared : servers.values()) {
            if (shared.server != server) {
                continue;
            }
            InetAddress current = addressOf(shared, gateway, listener);
            if (current == null) {
                return Set.of();
            }
            GatewayListeners listeners = shared.gateways.get(current);
            Set<String> stillNeeded = listeners.remove(listener);
            if (listeners.isEmpty()) {
                shared.gateways.remove(current);
                server.unregister(current);
            }
            if (shared.gateways.isEmpty()) {
                servers.remove(shared.key.address());
                server.close();
            }
            return stillNeeded;
        }
        return Set.of();
    }

    /**
     * Files a gateway's listeners under its new address after the server found it there (see
     * {@link MiioPushListener#onGatewayMoved}); every consumer of the gateway calls this, the first one
     * does the work.
     */
    synchronized void gatewayMoved(MiioPushServer server, InetAddress from, InetAddress to) {
        for (SharedServer shared : servers.values()) {
            if (shared.server == server && !shared.gateways.containsKey(to)) {
                GatewayListeners listeners = shared.gateways.remove(from);
                if (listeners != null) {
                    shared.gateways.put(to, listeners);
                }
            }
        }
    }

    /** Where the listener's gateway is registered now: its last known address, unless it moved meanwhile. */
    private static InetAddress addressOf(SharedServer shared, InetAddress gateway, MiioPushListener listener) {
        GatewayListeners listeners = shared.gateways.get(gateway);
        if (listeners != null && listeners.contains(listener)) {
            return gateway;
        }
        for (Map.Entry<InetAddress, GatewayListeners> entry : shared.gateways.entrySet()) {
            if (entry.getValue().contains(listener)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static MiioPushServer start(ServerKey key) {
        Duration silence = key.silenceTimeout();
        Duration check = silence.dividedBy(4);
        check = check.compareTo(MAX_LIVENESS_CHECK_INTERVAL) > 0 ? MAX_LIVENESS_CHECK_INTERVAL
                : check.compareTo(MIN_LIVENESS_CHECK_INTERVAL) < 0 ? MIN_LIVENESS_CHECK_INTERVAL : check;
        MiioPushServerOptions options = MiioPushServerOptions.defaults()
                .withBinding(key.address().getAddress(), key.address().getPort())
                .withDeviceId(key.deviceId()).withLiveness(silence, check);
        MiioPushServer server = new MiioPushServer(options);
        try {
            server.start();
        } catch (MiioPushBindException e) {
            InvalidConfigurationException failure = new InvalidConfigurationException("port", e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        return server;
    }

    private static String describe(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The addresses of the push servers running now, for tests and diagnostics. */
    public synchronized List<InetSocketAddress> runningServers() {
        List<InetSocketAddress> running = new ArrayList<>();
        servers.values().forEach(shared -> running.add(shared.server.localAddress()));
        return running;
    }

    /** The counters of the push server on this address and port, while one runs. */
    public synchronized Optional<MiioPushServerStats> serverStats(InetAddress bindAddress, int port) {
        SharedServer shared = servers.get(new InetSocketAddress(bindAddress, port));
        return shared == null ? Optional.empty() : Optional.of(shared.server.stats());
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            servers.values().forEach(shared -> shared.server.close());
            servers.clear();
        }
        super.doStop();
    }

    public MiioPushConfiguration getConfiguration() {
        return configuration;
    }

    /** The options every endpoint starts from (token, bind address, ports, timeouts ...). */
    public void setConfiguration(MiioPushConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * What identifies a push server and what its consumers must agree on.
     *
     * @param address the bind address and port
     * @param deviceId the fake plug's device id
     * @param silenceTimeout how long a gateway may be silent before it is reported
     */
    record ServerKey(InetSocketAddress address, long deviceId, Duration silenceTimeout) {
    }

    private static final class SharedServer {
        private final MiioPushServer server;
        private final ServerKey key;
        private final Map<InetAddress, GatewayListeners> gateways = new HashMap<>();

        private SharedServer(MiioPushServer server, ServerKey key) {
            this.server = server;
            this.key = key;
        }
    }
}
