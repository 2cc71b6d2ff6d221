package io.github.camelsmarthome.miio.protocol;

import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * Starts a push server on {@code 127.0.0.1} and a free port (never the wildcard, brief section 12),
 * with a clock the test moves, and gateway sockets on loopback addresses.
 */
abstract class PushServerTestSupport {

    static final Instant START = Instant.ofEpochSecond(1_700_000_000L);
    static final String GATEWAY_IP = "127.0.0.1";

    final MutableClock clock = new MutableClock(START);
    final RecordingPushListener listener = new RecordingPushListener();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    MiioPushServer server;

    MiioPushServer startServer(UnaryOperator<MiioPushServerOptions> adjust) {
        MiioPushServerOptions options = adjust.apply(
                MiioPushServerOptions.defaults().withBinding(loopback(GATEWAY_IP), 0).withClock(clock));
        server = new MiioPushServer(options);
        toClose.add(server);
        server.start();
        return server;
    }

    MiioPushServer startServer() {
        return startServer(options -> options);
    }

    /** A gateway socket on {@code address}; the gateway is registered with the test listener. */
    GatewaySocket registeredGateway(String address) {
        GatewaySocket gateway = unregisteredSender(address);
        server.register(gateway.address(), GatewaySocket.TOKEN, listener);
        return gateway;
    }

    GatewaySocket unregisteredSender(String address) {
        GatewaySocket socket = new GatewaySocket(address, server.localAddress());
        toClose.add(socket);
        return socket;
    }

    void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() >= count);
    }

    static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }
}
