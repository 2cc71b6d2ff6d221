package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.MiioDeviceException.Kind;
import io.github.camelsmarthome.miio.protocol.MiioPacketException.Reason;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A miIO client for one device: handshake (hello → did and stamp), encrypted JSON-RPC requests,
 * stamp tracking, message ids, retries and timeouts as python-miio's client does them.
 *
 * <p>One UDP socket on an ephemeral port for the client's lifetime (the device answers the source
 * port). Requests are sent one at a time in call order, because a device serves one conversation
 * and ids must be matched. All state lives on the channel's event loop; {@link #send} may be
 * called from any thread and never blocks.
 *
 * <p>Logs method, id and device address only: params can hold a token (a scene's trigger token).
 */
public final class MiioDeviceClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiioDeviceClient.class);

    /** Device error codes python-miio retries: transient "busy" answers. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(-30001, -9999);

    private static final int HELLOS_PER_HANDSHAKE = 3;

    private final InetSocketAddress device;
    private final MiioToken token;
    private final MiioClientOptions options;
    private final Clock clock;
    private final EventLoopGroup ownedGroup;
    private final ChannelFuture bound;
    private final LongAdder ignoredDatagrams = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile long deviceIdSeen = -1;

    // state below is touched on the event loop only
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private Pending current;
    private boolean handshaking;
    private int attempt;
    private long requestId;
    private final MiioDeviceSession session = new MiioDeviceSession();
    private ScheduledFuture<?> timer;
    private boolean closed;

    /** A client on an event loop group of its own (one thread), shut down by {@link #close()}. */
    public MiioDeviceClient(InetAddress host, MiioToken token, MiioClientOptions options) {
        this(host, token, options, null, Clock.systemUTC());
    }

    /**
     * A client on a borrowed event loop group, which {@link #close()} leaves running.
     *
     * @param group the group to run on, or null to own one
     * @param clock measures the time between a device stamp and the next request's stamp
     */
    public MiioDeviceClient(InetAddress host, MiioToken token, MiioClientOptions options, EventLoopGroup group,
            Clock clock) {
        this.device = new InetSocketAddress(Objects.requireNonNull(host, "host"), options.port());
        this.token = Objects.requireNonNull(token, "token");
        this.options = options;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownedGroup = group == null ? new NioEventLoopGroup(1) : null;
        this.bound = new Bootstrap()
                .group(group == null ? ownedGroup : group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_BROADCAST, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MiioPacketCodec.MAX_PACKET_LENGTH))
                .handler(new Receiver())
                .bind(0);
    }

    /**
     * Sends {@code method} with {@code params} (null means {@code []}) and completes with the
     * response's {@code result}, or fails with a {@link MiioDeviceException}.
     */
    public CompletableFuture<JsonNode> send(String method, JsonNode params) {
        Objects.requireNonNull(method, "method");
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        bound.addListener(f -> {
            if (!f.isSuccess() && closeRequested.get()) {
                result.completeExceptionally(closedException());
                return;
            }
            if (!f.isSuccess()) {
                result.completeExceptionally(new MiioDeviceException(Kind.IO_ERROR, "cannot open a UDP socket for miIO "
                        + "device " + hostText() + ": " + f.cause().getMessage(), null, f.cause()));
                return;
            }
            try {
                eventLoop().execute(() -> enqueue(new Pending(method, params, result)));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(closedException());
            }
        });
        return result;
    }

    /** The device id learned from the last hello reply, or -1 before the first handshake. */
    public long deviceId() {
        return deviceIdSeen;
    }

    /** Datagrams dropped: not from the device, malformed, stale ids, or hello replies out of turn. */
    public long ignoredDatagrams() {
        return ignoredDatagrams.sum();
    }

    /** Attempts after a first one (timeouts and transient device errors). */
    public long retries() {
        return retries.sum();
    }

    /** Fails every unfinished request with {@link Kind#CLOSED} and closes the socket. Does not block. */
    @Override
    public void close() {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        // after the bind settles, so a bind still under way is not failed by the close
        bound.addListener(f -> {
            closed = true;
            cancelTimer();
            MiioDeviceException closing = closedException();
            if (current != null) {
                current.result.completeExceptionally(closing);
                current = null;
            }
            queue.forEach(pending -> pending.result.completeExceptionally(closing));
            queue.clear();
            bound.channel().close();
        });
        if (ownedGroup != null) {
            ownedGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private void enqueue(Pending pending) {
        if (closed) {
            pending.result.completeExceptionally(closedException());
            return;
        }
        queue.add(pending);
        startNext();
    }

    private void startNext() {
        if (current != null || queue.isEmpty()) {
            return;
        }
        current = queue.poll();
        attempt = 0;
        begin();
    }

    private void begin() {
        if (needsHandshake()) {
            handshake();
        } else {
            sendRequest();
        }
    }

    private boolean needsHandshake() {
        return session.needsHandshake(clock.instant(), options.handshakeInterval());
    }

    private void handshake() {
        handshaking = true;
        LOG.debug("miIO handshake with {}", hostText());
        for (int i = 0; i < HELLOS_PER_HANDSHAKE; i++) {
            write(MiioPacketCodec.helloRequest());
        }
        schedule(() -> {
            handshaking = false;
            session.handshakeFailed();
            fail(new MiioDeviceException(Kind.UNREACHABLE, "miIO device " + hostText() + " did not answer the hello"
                    + " handshake within " + options.timeout().toMillis() + " ms; check its IP and that UDP "
                    + options.port() + " is reachable (before '" + current.method + "')"));
        });
    }

    private void onHelloReply(MiioPacket reply) {
        if (!handshaking) {
            ignoredDatagrams.increment(); // the 2nd and 3rd answers to a triple hello land here
            return;
        }
        handshaking = false;
        cancelTimer();
        session.handshakeCompleted(reply.deviceId(), reply.stamp(), clock.instant());
        deviceIdSeen = reply.deviceId();
        sendRequest();
    }

    private void sendRequest() {
        requestId = session.nextId();
        long stamp = session.nextStamp(clock.instant());
        ObjectNode request = MiioMessages.request(requestId, current.method, current.params);
        byte[] datagram;
        try {
            datagram = MiioPacketCodec.encode(session.deviceId(), stamp, token, MiioMessages.write(request));
        } catch (IllegalArgumentException e) {
            fail(new MiioDeviceException(Kind.REQUEST_TOO_LARGE, "miIO request '" + current.method + "' to "
                    + hostText() + " is too large for one packet; split it (send_data_frame frames)"));
            return;
        }
        LOG.debug("miIO request '{}' id {} to {} (attempt {})", current.method, requestId, hostText(), attempt + 1);
        write(datagram);
        schedule(this::onResponseTimeout);
    }

    private void onResponseTimeout() {
        if (attempt < options.retries()) {
            LOG.debug("miIO request '{}' id {} to {} timed out; retrying after a new handshake", current.method,
                    requestId, hostText());
            retry();
            session.requestTimedOut();
            begin();
            return;
        }
        fail(new MiioDeviceException(Kind.TIMEOUT, "miIO device " + hostText() + " did not answer '" + current.method
                + "' (id " + requestId + ") in " + (attempt + 1) + " attempts of " + options.timeout().toMillis()
                + " ms"));
    }

    private void onMessage(MiioPacket packet) {
        if (current == null || handshaking) {
            ignoredDatagrams.increment();
            return;
        }
        ObjectNode response;
        try {
            response = MiioMessages.readLenient(MiioPacketCodec.decrypt(packet, token));
        } catch (MiioPacketException e) {
            if (e.reason() == Reason.BAD_CHECKSUM) {
                fail(new MiioDeviceException(Kind.INVALID_TOKEN, "miIO device " + hostText() + " answered '"
                        + current.method + "' with a checksum that does not match the configured token; "
                        + "check the token", null, null));
            } else {
                ignoredDatagrams.increment();
                LOG.debug("miIO response from {} dropped: {}", hostText(), e.getMessage());
            }
            return;
        }
        JsonNode id = response.get("id");
        if (id == null || !id.canConvertToLong() || id.longValue() != requestId) {
            ignoredDatagrams.increment(); // a late answer to an earlier attempt or request
            LOG.debug("miIO response from {} ignored: id {} is not the awaited {}", hostText(), id, requestId);
            return;
        }
        session.responded(packet.stamp(), id.longValue(), clock.instant());
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
            onDeviceError(error);
        } else if (response.has("result")) {
            LOG.debug("miIO request '{}' id {} to {} succeeded", current.method, requestId, hostText());
            complete(response.get("result"));
        } else {
            fail(new MiioDeviceException(Kind.MALFORMED_RESPONSE, "miIO device " + hostText() + " answered '"
                    + current.method + "' (id " + requestId + ") with neither result nor error"));
        }
    }

    private void onDeviceError(JsonNode error) {
        MiioDeviceException failure = MiioDeviceException.deviceError(
                "miIO device " + hostText() + " refused '" + current.method + "' (id " + requestId + ")", error);
        if (failure.code().isPresent() && RETRYABLE_CODES.contains(failure.code().getAsInt())
                && attempt < options.retries()) {
            LOG.debug("miIO request '{}' id {} to {}: transient error {}, retrying", current.method, requestId,
                    hostText(), failure.code().getAsInt());
            cancelTimer();
            retry();
            begin();
            return;
        }
        fail(failure);
    }

    private void retry() {
        attempt++;
        retries.increment();
    }

    private void complete(JsonNode result) {
        Pending done = finish();
        done.result.complete(result);
    }

    private void fail(MiioDeviceException failure) {
        Pending done = finish();
        LOG.debug("{}", failure.getMessage());
        done.result.completeExceptionally(failure);
    }

    private Pending finish() {
        cancelTimer();
        Pending done = current;
        current = null;
        handshaking = false;
        // completing may run caller code; start the next request afterwards, on a fresh task
        eventLoop().execute(this::startNext);
        return done;
    }

    private void schedule(Runnable onTimeout) {
        cancelTimer();
        Pending owner = current;
        timer = eventLoop().schedule(() -> {
            if (current == owner && !closed) {
                onTimeout.run();
            }
        }, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void write(byte[] datagram) {
        bound.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), device))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        LOG.debug("miIO datagram to {} not sent: {}", hostText(), f.cause().toString());
                    }
                });
    }

    private MiioDeviceException closedException() {
        return new MiioDeviceException(Kind.CLOSED, "miIO client for " + hostText() + " is closed");
    }

    private EventLoop eventLoop() {
        return bound.channel().eventLoop();
    }

    private String hostText() {
        return device.getAddress().getHostAddress() + ":" + device.getPort();
    }

    private final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // a UDP socket survives a failed receive (e.g. ICMP port unreachable); the timer handles the request
            LOG.debug("miIO client socket for {} reported {}", hostText(), cause.toString());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket datagram) {
            if (!datagram.sender().getAddress().equals(device.getAddress())) {
                ignoredDatagrams.increment();
                LOG.debug("miIO client for {} ignored a datagram from {}", hostText(), datagram.sender());
                return;
            }
            MiioPacket packet;
            try {
                packet = MiioPacketCodec.parse(ByteBufUtil.getBytes(datagram.content()));
            } catch (MiioPacketException e) {
                ignoredDatagrams.increment();
                LOG.debug("miIO datagram from {} dropped: {}", hostText(), e.getMessage());
                return;
            }
            if (packet.isHelloFamily()) {
                onHelloReply(packet);
            } else {
                onMessage(packet);
            }
        }
    }

    private record Pending(String method, JsonNode params, CompletableFuture<JsonNode> result) {
    }
}
