package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A miIO device on 127.0.0.1 for client tests: answers hellos (did 123456789, stamp 1001, 16×FF)
 * and hands each decrypted request to a script that returns the reply or nothing (dropped).
 */
final class ScriptedMiioDevice implements AutoCloseable {

    static final long DID = 123456789L;
    static final long HELLO_STAMP = 1001L;
    static final long RESPONSE_STAMP = 2000L;

    /** One request as the device received it. */
    record Received(MiioPacket header, ObjectNode message, byte[] plaintext) {
        long id() {
            return message.get("id").longValue();
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel channel;
    private final MiioToken token;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger hellos = new AtomicInteger();
    private volatile boolean answerHello = true;
    private volatile MiioToken replyToken;
    private volatile BiFunction<Integer, ObjectNode, List<ObjectNode>> script =
            (n, request) -> List.of(MiioMessages.result(request.get("id").longValue(),
                    JsonNodeFactory.instance.arrayNode().add("ok")));

    ScriptedMiioDevice(MiioToken token) throws InterruptedException {
        this.token = token;
        this.replyToken = token;
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext context, DatagramPacket datagram) throws Exception {
                        handle(ByteBufUtil.getBytes(datagram.content()), datagram.sender());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Replaces the script: (0-based request number, request) → reply, or empty to drop. */
    void respond(BiFunction<Integer, ObjectNode, Optional<ObjectNode>> newScript) {
        this.script = (n, request) -> newScript.apply(n, request).stream().toList();
    }

    /** Replaces the script with one that may send several replies to one request, in order. */
    void respondWithAll(BiFunction<Integer, ObjectNode, List<ObjectNode>> newScript) {
        this.script = newScript;
    }

    void stopAnsweringHello() {
        answerHello = false;
    }

    /** Seals replies with another token, as a device would whose token is not the configured one. */
    void replyWithToken(MiioToken other) {
        replyToken = other;
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    int hellos() {
        return hellos.get();
    }

    private void handle(byte[] datagram, InetSocketAddress sender) throws MiioPacketException {
        if (MiioPacketCodec.isHelloRequest(datagram)) {
            hellos.incrementAndGet();
            if (answerHello) {
                byte[] ff = new byte[16];
                Arrays.fill(ff, (byte) 0xFF);
                send(MiioPacketCodec.helloReply(DID, HELLO_STAMP, ff), sender);
            }
            return;
        }
        MiioPacket packet = MiioPacketCodec.parse(datagram);
        byte[] plaintext = MiioPacketCodec.decrypt(packet, token);
        ObjectNode request = MiioMessages.read(plaintext);
        int number = requests.size();
        requests.add(new Received(packet, request, plaintext));
        script.apply(number, request).forEach(reply -> send(
                MiioPacketCodec.encode(DID, RESPONSE_STAMP, replyToken, MiioMessages.writeCompact(reply)), sender));
    }

    private void send(byte[] datagram, InetSocketAddress to) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to));
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
