package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded socket and the watch over it (brief 9 rules 1 and 4): identify on open, frames
 * parsed and bad ones skipped, pings with a pong deadline, the subscribed deadline and the
 * optional silence watchdog. It tells its owner once that it died, and after {@link #end} (or
 * that) nothing of it reaches the owner any more. Confined to the owner's Vert.x context.
 *
 * <p>Vert.x answers the server's pings itself and hands pong frames to the pong handler, so no
 * frame handler is needed; a cut TCP connection reaches the close handler with no close status.
 */
final class RealtimeConnection {

    /** What the owner hears from a connection. */
    interface Owner {

        /** The subscribed message arrived (the first time on this socket). */
        void subscribed();

        /** An event arrived. */
        void event(SimplisafeEvent event);

        /**
         * The connection is dead and already ended.
         *
         * @param reason a short text without secrets
         * @param tokenRefused the server closed it with 1008 before subscribed: identify's token was refused
         */
        void dead(String reason, boolean tokenRefused);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeConnection.class);
    private static final long NO_TIMER = -1;
    /** The simulator's (and presumably the cloud's) answer to identify with an unknown or expired token (brief 12). */
    private static final short POLICY_VIOLATION = 1008;

    private final Vertx vertx;
    private final WebSocket socket;
    private final SimplisafeRealtimeOptions options;
    private final WebsocketMessageParser parser;
    private final RealtimeStats stats;
    private final Clock clock;
    private final Owner owner;
    private boolean ended;
    private boolean subscribed;
    private long subscribedTimer = NO_TIMER;
    private long pingTimer = NO_TIMER;
    private long pongTimer = NO_TIMER;
    private long silenceTimer = NO_TIMER;

    RealtimeConnection(Vertx vertx, WebSocket socket, SimplisafeRealtimeOptions options, WebsocketMessageParser parser,
            RealtimeStats stats, Clock clock, Owner owner) {
        this.vertx = vertx;
        this.socket = socket;
        this.options = options;
        this.parser = parser;
        this.stats = stats;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Installs the handlers, sends identify and starts the watch.
     *
     * @param identify the identify text; it holds the token and goes to the socket only
     */
    void open(String identify) {
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(bytes -> invalid(parser.binaryFrame(bytes.length())));
        socket.pongHandler(payload -> onPong());
        socket.exceptionHandler(this::onException);
        socket.closeHandler(v -> onClosed());
        socket.writeTextMessage(identify).onFailure(failure -> LOG.debug("SimpliSafe realtime identify not written ({})",
                failure.getClass().getSimpleName()));
        subscribedTimer = vertx.setTimer(options.subscribedTimeout().toMillis(), id -> {
            subscribedTimer = NO_TIMER;
            die("no subscribed message within " + options.subscribedTimeout(), false);
        });
        pingTimer = vertx.setPeriodic(options.pingInterval().toMillis(), id -> ping());
        watchSilence();
    }

    /** Whether the subscribed message arrived on this socket. */
    boolean isLive() {
        return subscribed && !ended;
    }

    /** Stops the watch and closes the socket; idempotent. Nothing reaches the owner afterwards. */
    void end(int code, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        for (long timer : new long[] {subscribedTimer, pingTimer, pongTimer, silenceTimer}) {
            if (timer != NO_TIMER) {
                vertx.cancelTimer(timer);
            }
        }
        subscribedTimer = pingTimer = pongTimer = silenceTimer = NO_TIMER;
        if (!socket.isClosed()) {
            // A dead peer never answers the close frame; the client's closing timeout then ends the TCP connection.
            socket.close((short) code, reason).onFailure(failure -> LOG.debug("SimpliSafe realtime close: {}",
                    failure.getClass().getSimpleName()));
        }
    }

    private void onText(String text) {
        if (ended) {
            return;
        }
        watchSilence();
        WebsocketParseResult result = parser.parse(text, clock.instant());
        if (result instanceof WebsocketParseResult.Malformed) {
            invalid(result);
        } else if (result instanceof WebsocketParseResult.Skipped skipped) {
            LOG.debug("SimpliSafe realtime {}", skipped.describe());
        } else if (result instanceof WebsocketParseResult.Message message) {
            onMessage(message.message());
        }
    }

    private void onMessage(WebsocketMessage message) {
        if (message instanceof WebsocketMessage.Event event) {
            owner.event(event.event());
        } else if (message instanceof WebsocketMessage.Subscribed && !subscribed) {
            subscribed = true;
            vertx.cancelTimer(subscribedTimer);
            subscribedTimer = NO_TIMER;
            owner.subscribed();
        } else {
            LOG.debug("SimpliSafe realtime received {}", message.envelope().type());
        }
    }

    private void invalid(WebsocketParseResult result) {
        if (ended) {
            return;
        }
        stats.invalidMessage();
        LOG.warn("SimpliSafe realtime skipped a frame: {}", result.describe());
    }

    private void ping() {
        if (ended || pongTimer != NO_TIMER) {
            return;
        }
        socket.writePing(Buffer.buffer("keep-alive"));
        pongTimer = vertx.setTimer(options.pongTimeout().toMillis(), id -> {
            pongTimer = NO_TIMER;
            die("no pong within " + options.pongTimeout() + " of a ping", false);
        });
    }

    private void onPong() {
        if (!ended && pongTimer != NO_TIMER) {
            vertx.cancelTimer(pongTimer);
            pongTimer = NO_TIMER;
        }
    }

    private void watchSilence() {
        if (options.silenceWatchdog().isZero()) {
            return;
        }
        if (silenceTimer != NO_TIMER) {
            vertx.cancelTimer(silenceTimer);
        }
        silenceTimer = vertx.setTimer(options.silenceWatchdog().toMillis(), id -> {
            silenceTimer = NO_TIMER;
            die("no message for " + options.silenceWatchdog(), false);
        });
    }

    private void onException(Throwable failure) {
        if (ended) {
            return;
        }
        if (failure instanceof IllegalStateException && !socket.isClosed()) {
            // Vert.x drops a message over the transport limit, reports it here and keeps the connection.
            invalid(new WebsocketParseResult.Malformed(WebsocketParseResult.Problem.OVERSIZED, "message over the limit of "
                    + WebsocketMessageParser.DEFAULT_MAX_MESSAGE_CHARS + " bytes, dropped"));
            return;
        }
        // The close handler follows when the connection is gone.
        LOG.debug("SimpliSafe realtime socket error ({})", LogSafeText.describe(failure));
    }

    private void onClosed() {
        Short code = socket.closeStatusCode();
        if (code == null || code == 1006) {
            die("connection cut without a close frame", false);
            return;
        }
        String reason = socket.closeReason();
        die("closed by the server with code " + code + (reason == null || reason.isEmpty() ? "" : " ("
                + LogSafeText.printable(reason) + ")"), code == POLICY_VIOLATION && !subscribed);
    }

    private void die(String reason, boolean tokenRefused) {
        if (ended) {
            return;
        }
        end(1001, "going away");
        owner.dead(reason, tokenRefused);
    }
}
