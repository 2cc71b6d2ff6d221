package io.github.camelsmarthome.miio.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannelConfig;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake miIO device a gateway pushes Zigbee events to (brief sections 2, 6.1, 6.2, 6.6, 6.7 and
 * 6.10): one UDP socket, by default {@code 0.0.0.0:54321}, serving every registered gateway.
 *
 * <ul>
 *   <li><b>Hello</b> requests from any host get the hello reply with the fake device id.</li>
 *   <li><b>Events</b> from a registered gateway (attributed by source IP only) are decrypted with its
 *       token and acknowledged with {@code {"result":0,"id":…}} to the datagram's source address and
 *       port on the I/O thread, then handed to the gateway's {@link MiioPushListener} on the listener
 *       executor.</li>
 *   <li><b>Retransmissions</b> of an acknowledged event (same gateway, id and method within
 *       {@link MiioPushServerOptions#duplicateWindow()}) are acknowledged again but not delivered again.</li>
 *   <li><b>Moved gateways</b>: an encrypted datagram from an unregistered address whose checksum a
 *       registered gateway's token verifies is that gateway at a new address (a new DHCP lease). Its
 *       registration, liveness and remembered events move there, its listener hears
 *       {@link MiioPushListener#onGatewayMoved}, and the datagram is then acknowledged and delivered as
 *       usual, so the event that revealed the move is not lost. The check costs at most
 *       {@link MiioPushServerOptions#moveCheckTokens()} MD5s and runs at most once per
 *       {@link MiioPushServerOptions#moveCheckInterval()} per sender address; a copy of an event already
 *       acknowledged at the old address (a replay) does not move anything.</li>
 *   <li><b>Everything else</b> (unregistered senders, bad checksum, truncation, …) is dropped, counted
 *       in {@link #stats()} and logged at most once per {@link MiioPushServerOptions#logInterval()} per kind.</li>
 *   <li><b>Liveness</b>: the last time each gateway was heard ({@link #lastSeen}); a gateway silent for
 *       longer than {@link MiioPushServerOptions#silenceTimeout()} is reported to its listener, and so is
 *       its return.</li>
 * </ul>
 *
 * <p><b>Slow listeners.</b> Events wait for the listener in a queue of
 * {@link MiioPushServerOptions#listenerQueueCapacity()} entries. When it is full, a new event is
 * <em>not</em> acknowledged and not remembered, so the gateway sends it again later and it is
 * delivered then; acknowledging it and throwing it away would lose it silently. The cost: if the
 * listener stays stuck longer than the gateway keeps re-sending (undocumented), the gateway gives up,
 * which {@link MiioPushServerStats#droppedQueueFull()} shows. The I/O thread never waits.
 *
 * <p>Tokens and decrypted payloads are never logged; DEBUG shows the method and id of each event.
 * Thread-safe: register and unregister from any thread, also while running.
 */
public final class MiioPushServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiioPushServer.class);
    // Real traffic stays far below, but the 16-bit length field allows this much (brief section 3).
    private static final int MAX_DATAGRAM = 65535;
    /**
     * The socket's receive buffer. The kernel default (about 200 KB) overflowed in the benchmark:
     * about 60 % of a burst of 1,000 datagrams never reached the server (the gateway re-sends, so
     * they came late). Linux caps the request at net.core.rmem_max.
     */
    static final int RECEIVE_BUFFER_BYTES = 2 * 1024 * 1024;

    private final MiioPushServerOptions options;
    private final MiioPushServerStats stats = new MiioPushServerStats();
    private final Map<InetAddress, GatewayRegistration> registrations = new ConcurrentHashMap<>();
    private final GatewayLiveness liveness = new GatewayLiveness();
    private final RetransmissionWindow retransmissions;
    private final ListenerDispatcher dispatcher;
    private final ExecutorService ownedExecutor;

    private EventLoopGroup group;
    private volatile Channel channel;

    /** A server that is not bound yet; call {@link #start()}. */
    public MiioPushServer(MiioPushServerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.retransmissions = new RetransmissionWindow(options.duplicateWindow(), options.rememberedEvents());
        if (options.listenerExecutor() == null) {
            ownedExecutor = Executors.newSingleThreadExecutor(new DefaultThreadFactory("miio-push-listener", true));
        } else {
            ownedExecutor = null;
        }
        Executor executor = ownedExecutor != null ? ownedExecutor : options.listenerExecutor();
        this.dispatcher = new ListenerDispatcher(executor,
                options.listenerQueueCapacity(), new LogThrottle(options.clock(), options.logInterval()));
    }

    /**
     * Binds the UDP socket and starts answering.
     *
     * @throws MiioPushBindException when the address and port cannot be bound, e.g. another push server
     *                               or miIO tool already owns UDP 54321 on that address
     * @throws IllegalStateException when the server is running or closed
     */
    public synchronized void start() {
        if (group != null) {
            throw new IllegalStateException("the miIO push server was started before");
        }
        group = new NioEventLoopGroup(1, new DefaultThreadFactory("miio-push-io", true));
        InetAddress address = options.bindAddress();
        // The classifier's own de-duplication is off: the server decides what counts as delivered (see class doc).
        PushDatagramClassifier classifier = new PushDatagramClassifier(options.deviceId(), options.clock(),
                Duration.ZERO);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(() -> address instanceof Inet4Address
                        ? new NioDatagramChannel(InternetProtocolFamily.IPv4) : new NioDatagramChannel())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                .handler(new PushDatagramHandler(classifier, registrations, retransmissions, liveness, dispatcher,
                        stats, options));
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(address, options.port())).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            shutDownOwnedExecutor();
            throw bindFailure(address, options.port(), bound.cause());
        }
        channel = bound.channel();
        int granted = receiveBufferSize();
        if (granted < RECEIVE_BUFFER_BYTES) {
            LOG.info("miIO push server: the kernel granted a receive buffer of {} bytes of the {} asked for; "
                     + "bursts of events may arrive late (raise net.core.rmem_max to avoid it)", granted, RECEIVE_BUFFER_BYTES);
        }
        long interval = options.livenessCheckInterval().toMillis();
        channel.eventLoop().scheduleAtFixedRate(this::checkLiveness, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("miIO push server listening on UDP {} as fake device {}", PushDatagramHandler.describe(localAddress()),
                options.deviceId());
    }

    /** The receive buffer the kernel granted the socket, in bytes as the kernel reports it. */
    int receiveBufferSize() {
        Channel current = channel;
        if (current == null) {
            throw new IllegalStateException("the miIO push server is not running");
        }
        return ((DatagramChannelConfig) current.config()).getReceiveBufferSize();
    }

    /** Where the socket is bound (the actual port when the options asked for port 0). */
    public InetSocketAddress localAddress() {
        Channel current = channel;
        if (current == null) {
            throw new IllegalStateException("the miIO push server is not running");
        }
        return (InetSocketAddress) current.localAddress();
    }

    /** The fake device id in hello replies and acks. */
    public long deviceId() {
        return options.deviceId();
    }

    /**
     * Accepts events from a gateway (brief section 6.2). Registering the same address again replaces
     * the token and the listener; what is known about its liveness stays.
     *
     * @param gateway  the gateway's IP address; datagrams are attributed by source IP only
     * @param token    the gateway's token, which seals its events (brief section 4.1)
     * @param listener who hears its events and liveness changes
     */
    public void register(InetAddress gateway, MiioToken token, MiioPushListener listener) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(listener, "listener");
        registrations.put(gateway, new GatewayRegistration(token, listener));
        liveness.track(gateway, options.clock().instant());
        LOG.info("miIO push: gateway {} registered", gateway.getHostAddress());
    }

    /**
     * Stops accepting events from a gateway; its datagrams are dropped from now on.
     *
     * @return whether it was registered
     */
    public boolean unregister(InetAddress gateway) {
        boolean removed = registrations.remove(gateway) != null;
        liveness.untrack(gateway);
        Channel current = channel;
        if (current != null) {
            try {
                current.eventLoop().execute(() -> retransmissions.forget(gateway));
            } catch (RejectedExecutionException e) {
                // The server is closing; its memory of events goes with it.
            }
        }
        if (removed) {
            LOG.info("miIO push: gateway {} unregistered", gateway.getHostAddress());
        }
        return removed;
    }

    /** Whether a gateway is registered at this address. */
    public boolean isRegistered(InetAddress gateway) {
        return registrations.containsKey(gateway);
    }

    /**
     * When a registered gateway was last heard from (hello, keepalive or event), or empty when it is not
     * registered or nothing came from it since its registration.
     */
    public Optional<Instant> lastSeen(InetAddress gateway) {
        return liveness.lastHeard(gateway);
    }

    /** The live counters of this server. */
    public MiioPushServerStats stats() {
        return stats;
    }

    /**
     * Closes the socket and stops the I/O thread. Events already acknowledged and queued are still
     * delivered on a caller-provided executor; the server's own listener thread gets up to 5 s for them.
     */
    @Override
    public synchronized void close() {
        Channel current = channel;
        channel = null;
        InetSocketAddress where = null;
        if (current != null) {
            where = (InetSocketAddress) current.localAddress();
            current.close().awaitUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        shutDownOwnedExecutor();
        if (where != null) {
            LOG.info("miIO push server on UDP {} stopped", PushDatagramHandler.describe(where));
        }
    }

    private void checkLiveness() {
        try {
            reportSilentGateways(options.clock().instant());
        } catch (RuntimeException e) {
            // An exception would cancel the periodic check for good; log it and try again next time.
            LOG.warn("miIO push: liveness check failed", e);
        }
    }

    private void reportSilentGateways(Instant now) {
        for (GatewayLiveness.Silence silence : liveness.newlySilent(now, options.silenceTimeout())) {
            GatewayRegistration registration = registrations.get(silence.gateway());
            if (registration == null) {
                continue;
            }
            InetAddress gateway = silence.gateway();
            LOG.warn("miIO push: gateway {} silent for {} s (no hello, keepalive or event); is it online, and does"
                    + " its scene point to this host's address?", gateway.getHostAddress(),
                    silence.silentFor().toSeconds());
            MiioPushListener listener = registration.listener();
            dispatcher.dispatch(() -> {
                try {
                    listener.onGatewaySilent(gateway, silence.silentFor());
                } catch (RuntimeException e) {
                    stats.countListenerFailure();
                    LOG.warn("miIO push: listener failed on the silence of gateway {}", gateway.getHostAddress(), e);
                }
            });
        }
    }

    private void shutDownOwnedExecutor() {
        if (ownedExecutor == null) {
            return;
        }
        ownedExecutor.shutdown();
        try {
            if (!ownedExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                ownedExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownedExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static MiioPushBindException bindFailure(InetAddress address, int port, Throwable cause) {
        String where = "UDP " + address.getHostAddress() + ":" + port;
        String message;
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
            message = where + " is already in use (another miIO push server or miIO tool?); stop it or set another"
                    + " bindAddress (gateways only send to port 54321)";
        } else {
            message = "cannot bind " + where + " (" + oneLine(cause) + "); set bindAddress to an address of this host";
        }
        return new MiioPushBindException(message, address, port, cause);
    }

    private static String oneLine(Throwable cause) {
        String text = cause == null ? "unknown cause" : String.valueOf(cause.getMessage());
        return text.replaceAll("\\s+", " ").trim();
    }
}
