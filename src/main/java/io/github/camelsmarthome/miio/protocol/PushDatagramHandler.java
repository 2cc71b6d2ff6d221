package io.github.camelsmarthome.miio.protocol;

import io.github.camelsmarthome.miio.protocol.PushDatagram.AckWithoutEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Drop;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DropReason;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DuplicateEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Event;
import io.github.camelsmarthome.miio.protocol.PushDatagram.HelloRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive loop of the push server: runs on the Netty I/O thread, classifies each datagram with
 * the {@link PushDatagramClassifier}, answers hellos, acknowledges events and hands them to the
 * {@link ListenerDispatcher}. It never blocks and never calls a listener itself.
 */
final class PushDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(MiioPushServer.class);

    private final PushDatagramClassifier classifier;
    private final Map<InetAddress, GatewayRegistration> registrations;
    private final RetransmissionWindow retransmissions;
    private final GatewayLiveness liveness;
    private final ListenerDispatcher dispatcher;
    private final MiioPushServerStats stats;
    private final Clock clock;
    private final LogThrottle malformedLog;
    private final LogThrottle unregisteredLog;
    private final LogThrottle withoutEventLog;
    private final LogThrottle queueFullLog;
    private final LogThrottle sendFailureLog;
    private final GatewayMoveCheck moveCheck;
    /**
     * When this handler got the first datagram of the current read batch (just after Netty read the
     * batch off the socket), or -1 between batches. Netty reads up to 16 datagrams before it hands
     * the first to this handler, so a datagram arrived at the start of its batch, not when its turn
     * comes: the ack latency counts the datagrams ahead of it in the batch too.
     */
    private long batchReadAt = -1;

    PushDatagramHandler(PushDatagramClassifier classifier, Map<InetAddress, GatewayRegistration> registrations,
            RetransmissionWindow retransmissions, GatewayLiveness liveness, ListenerDispatcher dispatcher,
            MiioPushServerStats stats, MiioPushServerOptions options) {
        this.classifier = classifier;
        this.registrations = registrations;
        this.retransmissions = retransmissions;
        this.liveness = liveness;
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.clock = options.clock();
        this.malformedLog = new LogThrottle(clock, options.logInterval());
        this.unregisteredLog = new LogThrottle(clock, options.logInterval());
        this.withoutEventLog = new LogThrottle(clock, options.logInterval());
        this.queueFullLog = new LogThrottle(clock, options.logInterval());
        this.sendFailureLog = new LogThrottle(clock, options.logInterval());
        this.moveCheck = new GatewayMoveCheck(options.moveCheckTokens(), options.moveCheckInterval());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (batchReadAt < 0) {
            batchReadAt = System.nanoTime();
        }
        long readAt = batchReadAt;
        stats.countReceived();
        InetSocketAddress sender = packet.sender();
        InetAddress source = sender.getAddress();
        byte[] datagram = ByteBufUtil.getBytes(packet.content());
        Instant now = clock.instant();
        // One lookup per datagram, so the token that opened the event and the listener that hears it agree.
        GatewayRegistration registration = registrations.get(source);
        if (registration == null) {
            registration = followIfMoved(source, datagram, now);
        }
        GatewayRegistration sealer = registration;
        PushDatagram outcome = classifier.classify(source, datagram,
                address -> Optional.ofNullable(sealer).map(GatewayRegistration::token));
        // State is recorded before any reply leaves, so whoever reads the reply also sees the state.
        if (outcome instanceof HelloRequest hello) {
            heardFrom(registration, source, now);
            send(ctx, hello.reply(), sender, "hello reply").addListener(f -> countSent(f, stats::countHelloAnswered));
        } else if (outcome instanceof Event event) {
            onEvent(ctx, event, registration, sender, now, readAt);
        } else if (outcome instanceof DuplicateEvent duplicate) {
            // Only when the classifier de-duplicates on its own; the server turns that off and uses its window.
            heardFrom(registration, source, now);
            acknowledgeRetransmission(ctx, duplicate.id(), duplicate.method(), duplicate.reply(), sender, readAt);
        } else if (outcome instanceof AckWithoutEvent withoutEvent) {
            stats.countWithoutEvent();
            heardFrom(registration, source, now);
            send(ctx, withoutEvent.reply(), sender, "ack").addListener(f -> countAck(f, readAt));
            long skipped = withoutEventLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn("miIO push: acknowledged request id {} from {} without an event: method {} is not"
                        + " <action>:<source>{}", withoutEvent.id(), describe(sender),
                        describeMethod(withoutEvent.method()), LogThrottle.skippedNote(skipped));
            }
        } else if (outcome instanceof Drop drop) {
            onDrop(drop, sender, datagram.length);
        }
    }

    /**
     * Moves the registration of the gateway whose token sealed this datagram from an unregistered
     * address to that address, so the datagram is then handled (acknowledged, delivered) like any
     * other of the gateway's.
     *
     * @return the moved registration, or null when the datagram is not a registered gateway's
     */
    private GatewayRegistration followIfMoved(InetAddress source, byte[] datagram, Instant now) {
        Optional<GatewayMoveCheck.Match> found = moveCheck.find(source, datagram, registrations, now);
        if (moveCheck.lastOutcome() == GatewayMoveCheck.Outcome.SKIPPED) {
            stats.countMoveCheckSkipped();
        } else if (moveCheck.lastOutcome() != GatewayMoveCheck.Outcome.NOT_APPLICABLE) {
            stats.countMoveCheck();
        }
        if (found.isEmpty()) {
            return null;
        }
        GatewayMoveCheck.Match match = found.get();
        InetAddress from = match.from();
        if (match.messageId() != null && match.method() != null
                && retransmissions.contains(from, match.messageId(), match.method(), now)) {
            // A copy of an event already acknowledged at the old address: a replay by someone else proves nothing.
            LOG.debug("miIO push: {} sent a copy of event id {} of gateway {}; not taken as a move", source.getHostAddress(),
                    match.messageId(), from.getHostAddress());
            return null;
        }
        GatewayRegistration registration = match.registration();
        if (!registrations.remove(from, registration)) {
            return null;
        }
        if (registrations.putIfAbsent(source, registration) != null) {
            // Someone registered the new address meanwhile; that registration wins, the old one stays as it was.
            registrations.put(from, registration);
            return null;
        }
        liveness.move(from, source, now);
        retransmissions.move(from, source);
        stats.countGatewayMoved();
        LOG.info("miIO push: gateway {} now sends from {} (its token seals the datagram); following it there",
                from.getHostAddress(), source.getHostAddress());
        MiioPushListener listener = registration.listener();
        dispatcher.dispatch(() -> {
            try {
                listener.onGatewayMoved(from, source);
            } catch (RuntimeException e) {
                stats.countListenerFailure();
                LOG.warn("miIO push: listener failed on the move of gateway {} to {}", from.getHostAddress(),
                        source.getHostAddress(), e);
            }
        });
        return registration;
    }

    private void onEvent(ChannelHandlerContext ctx, Event event, GatewayRegistration registration,
            InetSocketAddress sender, Instant now, long readAt) {
        InetAddress gateway = sender.getAddress();
        heardFrom(registration, gateway, now);
        if (retransmissions.isRetransmission(gateway, event.id(), event.method(), now)) {
            acknowledgeRetransmission(ctx, event.id(), event.method(), event.reply(), sender, readAt);
            return;
        }
        if (!dispatcher.hasRoomForEvent()) {
            // No ack: the gateway re-sends later, which beats acknowledging an event we then lose.
            stats.countDroppedQueueFull();
            long skipped = queueFullLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn("miIO push: listener queue full, event id {} from {} not acknowledged so that the gateway"
                        + " sends it again; the listener is too slow{}", event.id(), describe(sender),
                        LogThrottle.skippedNote(skipped));
            }
            return;
        }
        retransmissions.remember(gateway, event.id(), event.method(), now);
        if (LOG.isDebugEnabled()) {
            LOG.debug("miIO push: event id {} method {} from {}", event.id(), describeMethod(event.method()),
                    describe(sender));
        }
        PushedMessage pushed = new PushedMessage(gateway, event.id(), event.method(), event.action(),
                event.sourceDevice(), event.params(), now);
        MiioPushListener listener = registration.listener();
        // The listener hears the event only once the ack has left (or failed to leave) the socket.
        send(ctx, event.reply(), sender, "ack").addListener(f -> {
            countAck(f, readAt);
            Runnable delivery = () -> deliver(listener, pushed);
            if (batchReadAt >= 0) {
                // Within a read batch: channelReadComplete wakes the listener once for the whole batch.
                dispatcher.queue(delivery);
            } else {
                // An ack that waited for a full socket completes outside any batch: wake the listener now.
                dispatcher.dispatch(delivery);
            }
        });
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        batchReadAt = -1;
        dispatcher.wake();
        ctx.fireChannelReadComplete();
    }

    private void acknowledgeRetransmission(ChannelHandlerContext ctx, long id, String method, byte[] ack,
            InetSocketAddress sender, long readAt) {
        stats.countDuplicate();
        LOG.debug("miIO push: retransmission of event id {} method {} from {} acknowledged again, not delivered",
                id, describeMethod(method), describe(sender));
        send(ctx, ack, sender, "ack").addListener(f -> countAck(f, readAt));
    }

    /** Counts an ack that left the socket and how long after its datagram was read (the design's 1 ms p99 budget). */
    private void countAck(io.netty.util.concurrent.Future<?> sent, long readAt) {
        if (sent.isSuccess()) {
            stats.countAcked();
            stats.recordAckLatency(System.nanoTime() - readAt);
        }
    }

    private void deliver(MiioPushListener listener, PushedMessage event) {
        try {
            listener.onEvent(event);
            stats.countDelivered();
        } catch (RuntimeException e) {
            stats.countListenerFailure();
            LOG.warn("miIO push: listener failed on event id {} action {} from {}", event.messageId(),
                    describeMethod(event.action()), event.gateway().getHostAddress(), e);
        }
    }

    private void onDrop(Drop drop, InetSocketAddress sender, int length) {
        if (drop.reason() == DropReason.UNKNOWN_SENDER) {
            stats.countDroppedUnregistered();
            long skipped = unregisteredLog.tryAcquire();
            if (skipped >= 0) {
                LOG.info("miIO push: dropped a {}-byte datagram from {}: no gateway is registered for that address"
                        + "{}", length, describe(sender), LogThrottle.skippedNote(skipped));
            }
        } else if (drop.reason() == DropReason.NOT_A_HELLO_REQUEST && length == MiioPacket.HEADER_LENGTH) {
            stats.countIgnored();
            LOG.debug("miIO push: ignored a 32-byte packet from {} that is not a hello request", describe(sender));
        } else {
            stats.countMalformed(drop.reason());
            long skipped = malformedLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn("miIO push: dropped a malformed {}-byte datagram from {}: {} ({}){}",
                        length, describe(sender), drop.reason(), printable(drop.detail()),
                        LogThrottle.skippedNote(skipped));
            }
        }
    }

    private void heardFrom(GatewayRegistration registration, InetAddress gateway, Instant now) {
        if (registration != null && liveness.heard(gateway, now)) {
            stats.countGatewayBack();
            LOG.info("miIO push: gateway {} is heard from again", gateway.getHostAddress());
            MiioPushListener listener = registration.listener();
            dispatcher.dispatch(() -> {
                try {
                    listener.onGatewayBack(gateway);
                } catch (RuntimeException e) {
                    stats.countListenerFailure();
                    LOG.warn("miIO push: listener failed on the return of gateway {}", gateway.getHostAddress(), e);
                }
            });
        }
    }

    private ChannelFuture send(ChannelHandlerContext ctx, byte[] bytes, InetSocketAddress recipient, String what) {
        return ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), recipient)).addListener(f -> {
            if (!f.isSuccess()) {
                stats.countSendFailure();
                long skipped = sendFailureLog.tryAcquire();
                if (skipped >= 0) {
                    LOG.warn("miIO push: could not send the {} to {}: {}{}", what, describe(recipient),
                            f.cause().toString(), LogThrottle.skippedNote(skipped));
                }
            }
        });
    }

    private static void countSent(io.netty.util.concurrent.Future<?> future, Runnable counter) {
        if (future.isSuccess()) {
            counter.run();
        }
    }

    /** {@code 192.168.1.20:54321}, without the slash of {@link InetSocketAddress#toString()}. */
    static String describe(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static String describeMethod(String method) {
        if (method == null) {
            return "absent";
        }
        return "'" + printable(method.length() <= 64 ? method : method.substring(0, 64) + "…") + "'";
    }

    /** Gateway-controlled text with control characters replaced, so it cannot forge log lines. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A datagram socket survives a failed read; closing it would stop every gateway's events.
        LOG.warn("miIO push: error on the UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
