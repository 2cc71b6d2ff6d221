package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Xiaomi gateway on UDP (brief section 8): answers hellos with its did and uptime stamp,
 * serves {@code miIO.info}, {@code send_data_frame} and {@code miIO.xdel} encrypted with its
 * token, and, when a test {@link #fire fires} a sub-device event, acts as a miIO client towards
 * every matching scene's target like a real gateway: hello, event request, re-sends until
 * acknowledged. While it holds scenes it sends keepalive hellos to their targets.
 *
 * <pre>{@code
 * try (FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0)
 *         .targetPort(pushServerPort).subDevice("lumi.158d0001a2b3c4", "lumi.sensor_switch.aq2").build())) {
 *     // subscribe through the push server, then:
 *     gateway.fire("lumi.158d0001a2b3c4", "click_ch0").get(5, SECONDS);
 * }
 * }</pre>
 *
 * <p>The token never appears in its logs; scene JSON is never logged.
 */
public final class FakeGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    private static final int RECORD_LIMIT = 4096;
    private static final byte[] HIDDEN_TOKEN = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

    private final FakeGatewayOptions options;
    private final TokenCipher cipher;
    private final ObjectMapper json = new ObjectMapper();
    private final SceneStore scenes = new SceneStore(json);
    private final GatewayStats stats = new GatewayStats();
    private final AtomicBoolean silent = new AtomicBoolean();
    private final Deque<ReceivedRequest> requests = new ArrayDeque<>();
    private final Deque<RecordedDatagram> traffic = new ArrayDeque<>();
    private final long startedNanos = System.nanoTime();
    private final GatewayRequests answers;
    private final EventSender events;
    private final EventLoopGroup group;
    private final Channel channel;

    private FakeGateway(FakeGatewayOptions options) {
        this.options = options;
        this.cipher = TokenCipher.ofHex(options.tokenHex());
        this.answers = new GatewayRequests(json, scenes, options, this::uptimeSeconds, stats);
        this.events = new EventSender(options, cipher, json, stats, this::send);
        scenes.restore(options.storedScenes());
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("fake-gateway-" + options.did(), true));
        try {
            ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(PacketCodec.MAX_LENGTH))
                    .handler(new Receiver())
                    .bind(new InetSocketAddress(options.bindAddress(), options.port())).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IllegalStateException("Fake gateway could not bind udp " + options.bindAddress() + ":" + options.port() + " ("
                        + bound.cause().getMessage() + "); is another program using that port?", bound.cause());
            }
            this.channel = bound.channel();
        } catch (RuntimeException e) {
            events.close();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        long interval = options.keepaliveInterval().toMillis();
        group.scheduleAtFixedRate(this::sendKeepalives, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Fake gateway {} ({}) listening on udp {}, {} sub-devices, pushing to port {}", options.did(), options.model(),
                channel.localAddress(), options.subDevices().size(), options.targetPort());
    }

    /** Binds the socket and starts answering; throws {@link IllegalStateException} when the port is taken. */
    public static FakeGateway start(FakeGatewayOptions options) {
        return new FakeGateway(options);
    }

    /**
     * Stops this gateway and starts it again on {@code bindAddress}, as a gateway that got a new DHCP
     * lease: same did, token, sub-devices, port and scenes (which still point to the push server), so
     * its keepalives and events now come from the new address.
     *
     * @return the gateway at the new address; this instance is closed
     * @throws IllegalStateException when the port is taken on the new address
     */
    public FakeGateway restartAt(String bindAddress) {
        int keptPort = localAddress().getPort();
        List<StoredScene> kept = scenes();
        close();
        LOG.info("Fake gateway {}: moving to {}", options.did(), bindAddress);
        return start(options.toBuilder().bindAddress(bindAddress).port(keptPort).storedScenes(kept).build());
    }

    /** The options it runs with. */
    public FakeGatewayOptions options() {
        return options;
    }

    /** The bound address, with the real port when port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The device id. */
    public long did() {
        return options.did();
    }

    /** The paired Zigbee sub-devices. */
    public List<SubDevice> subDevices() {
        return options.subDevices();
    }

    /** Fires an event with params {@code []}; see {@link #fire(String, String, JsonNode)}. */
    public CompletableFuture<List<DeliveryOutcome>> fire(String sid, String trigger) {
        return fire(sid, trigger, null);
    }

    /**
     * Something happened on sub-device {@code sid} (or on the gateway itself, {@code sid} = its did
     * in decimal): every stored scene whose trigger has that did and whose {@code extra} or event
     * name equals {@code trigger} sends its event (brief 8.4). Completes with one outcome per scene
     * action, empty when no scene matched or the gateway is silent.
     *
     * @throws IllegalArgumentException when {@code sid} is neither a paired sub-device nor the gateway
     */
    public CompletableFuture<List<DeliveryOutcome>> fire(String sid, String trigger, JsonNode params) {
        if (!String.valueOf(options.did()).equals(sid) && options.subDevices().stream().noneMatch(device -> device.sid().equals(sid))) {
            throw new IllegalArgumentException("No sub-device " + sid + " on this gateway; known: " + String.join(", ", knownSids()));
        }
        List<StoredScene> matching = scenes.matching(sid, trigger);
        if (matching.isEmpty() || silent.get()) {
            LOG.debug("Fake gateway {}: {} {} starts no scene{}", options.did(), sid, trigger, silent.get() ? " (silent)" : "");
            return CompletableFuture.completedFuture(List.of());
        }
        return events.deliver(matching, params);
    }

    /** The sids {@link #fire} accepts: the gateway's did, then every sub-device. */
    public List<String> knownSids() {
        return Stream.concat(Stream.of(String.valueOf(options.did())), options.subDevices().stream().map(SubDevice::sid)).toList();
    }

    /** The stored scenes, in upload order. */
    public List<StoredScene> scenes() {
        return scenes.scenes();
    }

    /** The counters. */
    public GatewayStats stats() {
        return stats;
    }

    /** Valid requests received, oldest first (the last 4096). */
    public List<ReceivedRequest> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Every datagram in and out, oldest first (the last 4096), with decrypted payloads. */
    public List<RecordedDatagram> traffic() {
        synchronized (traffic) {
            return new ArrayList<>(traffic);
        }
    }

    /** Goes silent, as if unplugged: no answers, no keepalives, no events, until {@link #comeBack()}. */
    public void goSilent() {
        silent.set(true);
        LOG.info("Fake gateway {}: silent", options.did());
    }

    /** Answers, keeps alive and fires again. */
    public void comeBack() {
        silent.set(false);
        LOG.info("Fake gateway {}: back", options.did());
    }

    /** Whether it is silent. */
    public boolean isSilent() {
        return silent.get();
    }

    @Override
    public void close() {
        events.close();
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        LOG.info("Fake gateway {} stopped", options.did());
    }

    private long uptimeSeconds() {
        return 1 + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    private void sendKeepalives() {
        if (silent.get()) {
            return;
        }
        for (String ip : scenes.targetIps()) {
            EventSender.ipv4(ip).ifPresent(address -> {
                // Counted first: a test may already see the datagram before send() returns.
                stats.keepalivesSent.increment();
                send(PacketCodec.helloRequest(), new InetSocketAddress(address, options.targetPort()), null);
            });
        }
    }

    private void send(byte[] datagram, InetSocketAddress to, String plaintext) {
        if (silent.get() || !channel.isActive()) {
            return;
        }
        record(new RecordedDatagram(true, to, datagram, plaintext));
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to));
    }

    private void receive(byte[] datagram, InetSocketAddress from) {
        if (silent.get()) {
            stats.datagramsDropped.increment();
            return;
        }
        if (PacketCodec.isHelloRequest(datagram)) {
            record(new RecordedDatagram(false, from, datagram, null));
            stats.hellosAnswered.increment();
            send(PacketCodec.helloReply(options.did(), uptimeSeconds(), options.provisioned() ? HIDDEN_TOKEN : cipher.token()), from, null);
            return;
        }
        if (datagram.length == PacketCodec.HEADER_LENGTH) {
            record(new RecordedDatagram(false, from, datagram, null));
            PacketCodec.header(datagram).filter(header -> header.unknown() == 0)
                    .ifPresentOrElse(header -> events.onHelloReply(from, header), () -> drop(from, datagram, "a malformed hello"));
            return;
        }
        OpenedPacket opened = PacketCodec.open(cipher, datagram);
        if (!opened.isOpened()) {
            record(new RecordedDatagram(false, from, datagram, null));
            drop(from, datagram, opened.rejection().name());
            return;
        }
        String text = new String(opened.plaintext(), StandardCharsets.UTF_8);
        record(new RecordedDatagram(false, from, datagram, text));
        handleMessage(text, from);
    }

    private void handleMessage(String text, InetSocketAddress from) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            invalid(from, "not a JSON object");
            return;
        }
        JsonNode method = message.get("method");
        if (method == null) {
            events.onResponse(message);
            return;
        }
        JsonNode id = message.get("id");
        if (!method.isTextual() || id == null || !id.canConvertToLong()) {
            invalid(from, "a request needs a string method and a numeric id");
            return;
        }
        String name = method.asText();
        record(new ReceivedRequest(name, id.asLong(), from));
        LOG.debug("Fake gateway {}: request {} id {} from {}", options.did(), shortened(name), id.asLong(), from);
        ObjectNode reply = answers.answer(name, id, message.get("params"));
        stats.requestsAnswered.increment();
        String replyText = reply.toString();
        // Devices end their JSON with a NUL byte (brief section 4).
        byte[] plaintext = (replyText + '\0').getBytes(StandardCharsets.UTF_8);
        send(PacketCodec.seal(cipher, options.did(), uptimeSeconds(), plaintext), from, replyText);
    }

    private void invalid(InetSocketAddress from, String why) {
        stats.invalidRequests.increment();
        LOG.info("Fake gateway {}: dropped a message from {}: {}", options.did(), from, why);
    }

    private void drop(InetSocketAddress from, byte[] datagram, String why) {
        stats.datagramsDropped.increment();
        LOG.info("Fake gateway {}: dropped a {}-byte datagram from {}: {}", options.did(), datagram.length, from, why);
    }

    private void record(RecordedDatagram datagram) {
        synchronized (traffic) {
            if (traffic.size() == RECORD_LIMIT) {
                traffic.removeFirst();
            }
            traffic.addLast(datagram);
        }
    }

    private void record(ReceivedRequest request) {
        synchronized (requests) {
            if (requests.size() == RECORD_LIMIT) {
                requests.removeFirst();
            }
            requests.addLast(request);
        }
    }

    private static String shortened(String method) {
        return method.length() <= 64 ? method : method.substring(0, 64) + "...";
    }

    /** Netty hands every datagram to the gateway on its single event-loop thread. */
    private final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            receive(ByteBufUtil.getBytes(packet.content()), packet.sender());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            LOG.warn("Fake gateway {}: socket error: {}", options.did(), cause.toString());
        }
    }
}
