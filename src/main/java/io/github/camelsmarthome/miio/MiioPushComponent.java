package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.miio.protocol.MiioPushBindException;
import io.github.camelsmarthome.miio.protocol.MiioPushServer;
import io.github.camelsmarthome.miio.protocol.MiioPushServerOptions;
import io.github.camelsmarthome.miio.protocol.MiioPushServerStats;
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
 * UDP 54321.
 */
@Component("miio-push")
public class MiioPushComponent extends HealthCheckComponent {

    private static final Duration MAX_LIVENESS_CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MIN_LIVENESS_CHECK_INTERVAL = Duration.ofMillis(50);

    @Metadata
    private MiioPushConfiguration configuration = new MiioPushConfiguration();

    private final Map<InetSocketAddress, SharedServer> servers = new HashMap<>();

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

    /**
     * The running server for this address and port, started when no consumer uses it yet.
     *
     * @throws InvalidConfigurationException when the port cannot be bound, or the consumers sharing the
     *                                       server disagree on the fake device id or the silence timeout
     */
    synchronized MiioPushServer acquireServer(InetAddress bindAddress, int port, long deviceId, Duration silenceTimeout) {
        InetSocketAddress key = new InetSocketAddress(bindAddress, port);
        SharedServer shared = servers.get(key);
        if (shared != null) {
            if (shared.deviceId != deviceId || !shared.silenceTimeout.equals(silenceTimeout)) {
                throw new InvalidConfigurationException("deviceId", "the consumers sharing the push server on UDP "
                        + bindAddress.getHostAddress() + ":" + port + " must use the same deviceId and silenceTimeout"
                        + " (one has " + shared.deviceId + " and " + shared.silenceTimeout.toMillis() + " ms, another "
                        + deviceId + " and " + silenceTimeout.toMillis() + " ms); set them once on the component");
            }
            shared.users++;
            return shared.server;
        }
        Duration check = silenceTimeout.dividedBy(4);
        check = check.compareTo(MAX_LIVENESS_CHECK_INTERVAL) > 0 ? MAX_LIVENESS_CHECK_INTERVAL
                : check.compareTo(MIN_LIVENESS_CHECK_INTERVAL) < 0 ? MIN_LIVENESS_CHECK_INTERVAL : check;
        MiioPushServerOptions options = MiioPushServerOptions.defaults().withBinding(bindAddress, port)
                .withDeviceId(deviceId).withLiveness(silenceTimeout, check);
        MiioPushServer server = new MiioPushServer(options);
        try {
            server.start();
        } catch (MiioPushBindException e) {
            InvalidConfigurationException failure = new InvalidConfigurationException("port", e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        servers.put(key, new SharedServer(server, deviceId, silenceTimeout));
        return server;
    }

    /** One consumer less on {@code server}; the last one closes it. */
    synchronized void releaseServer(MiioPushServer server) {
        for (Map.Entry<InetSocketAddress, SharedServer> entry : servers.entrySet()) {
            SharedServer shared = entry.getValue();
            if (shared.server == server) {
                if (--shared.users == 0) {
                    servers.remove(entry.getKey());
                    server.close();
                }
                return;
            }
        }
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

    private static final class SharedServer {
        private final MiioPushServer server;
        private final long deviceId;
        private final Duration silenceTimeout;
        private int users = 1;

        private SharedServer(MiioPushServer server, long deviceId, Duration silenceTimeout) {
            this.server = server;
            this.deviceId = deviceId;
            this.silenceTimeout = silenceTimeout;
        }
    }
}
