package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SimpliSafe real-time websocket (brief 6 and 9): connects, identifies with the current access
 * token, hands every event to a {@link SimplisafeRealtimeListener}, and keeps reconnecting with
 * back-off until {@link #close()}.
 *
 * <p>A connection is dead when a close frame arrives, the TCP connection ends (Vert.x reports a cut
 * connection through the close handler, without a close status), no pong follows a ping within
 * {@link SimplisafeRealtimeOptions#pongTimeout()} (Vert.x answers the server's pings itself and
 * hands pongs to the pong handler), no subscribed message follows the upgrade in time, or, when
 * enabled, no text arrives for the silence watchdog's time. Malformed frames are logged, counted and
 * skipped; the connection stays (design 8; brief 10 would reconnect, which loses nothing a skip
 * loses and costs a gap). HTTP 403 upgrades switch realtime off for hours after a few in a row.
 *
 * <p>All state lives on one Vert.x context, taken at construction; timers and sockets of a replaced
 * connection are recognised by an attempt number and ignored. The identify message carries the
 * bearer token and is never logged.
 */
public final class SimplisafeRealtimeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeRealtimeClient.class);
    private static final long NO_TIMER = -1;
    private static final int MAX_REASON_CHARS = 200;
    /** The simulator's (and presumably the cloud's) answer to identify with an unknown or expired token (brief 12). */
    private static final short POLICY_VIOLATION = 1008;

    private final Vertx vertx;
    private final Context context;
    private final SimplisafeRealtimeOptions options;
    private final TokenRefresher tokens;
    private final long userId;
    private final SimplisafeRealtimeListener listener;
    private final Clock clock;
    private final WebSocketClient sockets;
    private final WebsocketAddress address;
    private final WebsocketMessageParser parser = new WebsocketMessageParser();
    private final RealtimeStats stats = new RealtimeStats();
    private final ReconnectBackoff backoff;
    private final UpgradeRefusals refusals;
    /** Held while the listener runs and while closing, so that no callback starts after close() returned. */
    private final Object listenerGate = new Object();
    private volatile boolean closed;
    private volatile RealtimeStatus status = new RealtimeStatus(RealtimeState.STOPPED, 0, null, null);

    // Confined to the context.
    private boolean started;
    private long attempt;
    private WebSocket socket;
    /** The token of the current attempt; kept only to renew it if the server refuses it. */
    private String attemptToken;
    /** A token the server closed the socket for (1008); the next attempt asks for a renewed one. */
    private String rejectedToken;
    private boolean live;
    private boolean everLive;
    private long retryTimer = NO_TIMER;
    private long handshakeTimer = NO_TIMER;
    private long subscribedTimer = NO_TIMER;
    private long pingTimer = NO_TIMER;
    private long pongTimer = NO_TIMER;
    private long silenceTimer = NO_TIMER;

    /**
     * A client; nothing happens until {@link #start()}.
     *
     * @param vertx the Vert.x to run on; its current (or a new) context becomes the client's
     * @param options URL, timings and the 403 rule
     * @param tokens where access tokens come from; {@code getValidToken()} is asked before every upgrade
     * @param userId the user whose {@code uid:<userId>} namespace is joined
     * @param listener receives events and state changes
     * @param clock for event receipt times and the times in {@link #status()}
     */
    public SimplisafeRealtimeClient(Vertx vertx, SimplisafeRealtimeOptions options, TokenRefresher tokens, long userId,
            SimplisafeRealtimeListener listener, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userId = userId;
        this.context = vertx.getOrCreateContext();
        this.address = WebsocketAddress.of(options);
        this.sockets = vertx.createWebSocketClient(address.clientOptions());
        this.backoff = new ReconnectBackoff(options.initialBackoff(), options.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.refusals = new UpgradeRefusals(options.refusalsBeforeRestOnly(), options.refusedBackoff(),
                SimplisafeRealtimeOptions.MAX_REFUSED_BACKOFF);
    }

    /** Starts connecting in the background; returns at once. A second call does nothing. */
    public void start() {
        onContext(() -> {
            if (!started && !closed) {
                started = true;
                LOG.info("SimpliSafe realtime starting for uid:{} at {}", userId, address.display());
                connectNow();
            }
        });
    }

    /**
     * Closes the current socket, if any, and connects again now with a fresh
     * {@link TokenRefresher#getValidToken()}: call it after every token refresh (brief 9 rule 3).
     * Does not end a {@link RealtimeState#REFUSED} period; does nothing before {@link #start()}.
     *
     * @param reason why, for the log; must hold no secret
     */
    public void reconnect(String reason) {
        String why = printable(reason);
        onContext(() -> {
            if (!started || closed) {
                return;
            }
            if (status.state() == RealtimeState.REFUSED) {
                LOG.info("SimpliSafe realtime reconnect ({}) ignored: the upgrade is refused until {}", why,
                        status.nextAttemptAt());
                return;
            }
            LOG.info("SimpliSafe realtime reconnecting: {}", why);
            detachSocket(1000, "reconnecting");
            cancelRetry();
            connectNow();
        });
    }

    /** Where the client stands now; any thread. */
    public RealtimeStatus status() {
        return status;
    }

    /** The counters; any thread. */
    public RealtimeStats stats() {
        return stats;
    }

    /** Closes the socket, cancels every timer and stops reconnecting; idempotent. No listener call starts after it returns. */
    @Override
    public void close() {
        synchronized (listenerGate) {
            if (closed) {
                return;
            }
            closed = true;
        }
        status = new RealtimeStatus(RealtimeState.STOPPED, status.consecutiveRefusals(), null, status.lastProblem());
        onContext(() -> {
            detachSocket(1000, "client closed");
            cancelRetry();
            sockets.close();
            LOG.info("SimpliSafe realtime for uid:{} closed", userId);
        });
    }

    // ---- connecting ----

    private void connectNow() {
        if (closed) {
            return;
        }
        long current = ++attempt;
        setStatus(RealtimeState.CONNECTING, null, status.lastProblem());
        String rejected = rejectedToken;
        rejectedToken = null;
        (rejected == null ? tokens.getValidToken() : tokens.refreshAfterRejection(rejected)).whenComplete((token, failure) -> onContext(() -> onToken(current, token, failure)));
    }

    private void onToken(long current, String token, Throwable failure) {
        if (stale(current)) {
            return;
        }
        if (failure != null) {
            Throwable cause = unwrap(failure);
            if (cause instanceof AuthorizationRequiredException) {
                // Our own refresher's message, written without secrets, tells the user what to do.
                LOG.warn("SimpliSafe realtime waits {}: authorization required ({})", options.maxBackoff(), cause.getMessage());
                backOff(options.maxBackoff(), "authorization required");
            } else {
                Duration wait = backoff.next();
                LOG.info("SimpliSafe realtime has no valid access token ({}); next attempt in {}",
                        cause.getClass().getSimpleName(), wait);
                backOff(wait, "no valid access token (" + cause.getClass().getSimpleName() + ")");
            }
            return;
        }
        stats.connectAttempted();
        handshakeTimer = vertx.setTimer(options.connectTimeout().toMillis(), id -> {
            handshakeTimer = NO_TIMER;
            if (!stale(current)) {
                attempt++;
                failed("no upgrade within " + options.connectTimeout());
            }
        });
        sockets.connect(address.connectOptions()).onComplete(result -> onUpgrade(current, token, result));
    }

    private void onUpgrade(long current, String token, AsyncResult<WebSocket> result) {
        if (stale(current)) {
            if (result.succeeded()) {
                result.result().close();
            }
            return;
        }
        cancel(handshakeTimer);
        handshakeTimer = NO_TIMER;
        if (result.failed()) {
            Throwable cause = result.cause();
            if (cause instanceof UpgradeRejectedException rejected && rejected.getStatus() == 403) {
                refused();
            } else if (cause instanceof UpgradeRejectedException rejected) {
                failed("upgrade answered HTTP " + rejected.getStatus());
            } else {
                failed("cannot connect (" + describe(cause) + ")");
            }
            return;
        }
        refusals.accepted();
        WebSocket opened = result.result();
        socket = opened;
        attemptToken = token;
        opened.textMessageHandler(text -> onText(current, text));
        opened.binaryMessageHandler(bytes -> onInvalid(current, parser.binaryFrame(bytes.length())));
        opened.pongHandler(payload -> onPong(current));
        opened.exceptionHandler(failure -> onSocketException(current, failure));
        opened.closeHandler(v -> onSocketClosed(current, opened));
        opened.writeTextMessage(IdentifyMessage.text(token, userId, options.userAgent(), clock.instant()))
                .onFailure(failure -> LOG.debug("SimpliSafe realtime identify not written ({})", failure.getClass().getSimpleName()));
        LOG.debug("SimpliSafe realtime socket open; identify sent for uid:{}", userId);
        subscribedTimer = vertx.setTimer(options.subscribedTimeout().toMillis(), id -> {
            subscribedTimer = NO_TIMER;
            if (!stale(current)) {
                lose("no subscribed message within " + options.subscribedTimeout());
            }
        });
        pingTimer = vertx.setPeriodic(options.pingInterval().toMillis(), id -> ping(current));
        watchSilence(current);
    }

    private void refused() {
        stats.upgradeRefused();
        Duration pause = refusals.refused();
        int inARow = refusals.consecutive();
        String problem = "upgrade refused with HTTP 403 (" + inARow + " in a row)";
        if (pause == null) {
            Duration wait = backoff.next();
            LOG.info("SimpliSafe realtime: {}; next attempt in {}", problem, wait);
            backOff(wait, problem);
            return;
        }
        Instant retryAt = clock.instant().plus(pause);
        LOG.warn("SimpliSafe realtime: {}; realtime is off until {}, REST polling carries on", problem, retryAt);
        retryTimer = vertx.setTimer(pause.toMillis(), id -> {
            retryTimer = NO_TIMER;
            connectNow();
        });
        setStatus(RealtimeState.REFUSED, retryAt, problem);
        tell(l -> l.onRefused(inARow, retryAt));
    }

    /** An attempt that never got a socket: back off without onLost. */
    private void failed(String problem) {
        Duration wait = backoff.next();
        LOG.info("SimpliSafe realtime: {}; next attempt in {}", problem, wait);
        backOff(wait, problem);
    }

    private void backOff(Duration wait, String problem) {
        cancelRetry();
        retryTimer = vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
            retryTimer = NO_TIMER;
            connectNow();
        });
        setStatus(RealtimeState.BACKING_OFF, clock.instant().plus(wait), problem);
    }

    // ---- an open socket ----

    private void onText(long current, String text) {
        if (stale(current)) {
            return;
        }
        watchSilence(current);
        WebsocketParseResult result = parser.parse(text, clock.instant());
        if (result instanceof WebsocketParseResult.Malformed) {
            onInvalid(current, result);
        } else if (result instanceof WebsocketParseResult.Skipped skipped) {
            LOG.debug("SimpliSafe realtime {}", skipped.describe());
        } else if (result instanceof WebsocketParseResult.Message message) {
            onMessage(message.message());
        }
    }

    private void onMessage(WebsocketMessage message) {
        if (message instanceof WebsocketMessage.Event event) {
            stats.eventReceived();
            LOG.trace("SimpliSafe realtime event {}", event.event());
            tell(l -> l.onEvent(event.event()));
        } else if (message instanceof WebsocketMessage.Subscribed) {
            subscribed();
        } else {
            LOG.debug("SimpliSafe realtime received {}", message.envelope().type());
        }
    }

    private void subscribed() {
        if (live) {
            return;
        }
        cancel(subscribedTimer);
        subscribedTimer = NO_TIMER;
        live = true;
        boolean afterGap = everLive;
        everLive = true;
        backoff.reset();
        stats.subscribedReceived();
        setStatus(RealtimeState.LIVE, null, null);
        LOG.info("SimpliSafe realtime live for uid:{}{}", userId, afterGap ? " again; events may have been missed meanwhile" : "");
        tell(l -> l.onLive(afterGap));
    }

    private void onInvalid(long current, WebsocketParseResult result) {
        if (stale(current)) {
            return;
        }
        stats.invalidMessage();
        LOG.warn("SimpliSafe realtime skipped a frame: {}", result.describe());
    }

    private void ping(long current) {
        if (stale(current) || pongTimer != NO_TIMER) {
            return;
        }
        socket.writePing(Buffer.buffer("keep-alive"));
        pongTimer = vertx.setTimer(options.pongTimeout().toMillis(), id -> {
            pongTimer = NO_TIMER;
            if (!stale(current)) {
                lose("no pong within " + options.pongTimeout() + " of a ping");
            }
        });
    }

    private void onPong(long current) {
        if (!stale(current)) {
            cancel(pongTimer);
            pongTimer = NO_TIMER;
        }
    }

    private void watchSilence(long current) {
        if (options.silenceWatchdog().isZero()) {
            return;
        }
        cancel(silenceTimer);
        silenceTimer = vertx.setTimer(options.silenceWatchdog().toMillis(), id -> {
            silenceTimer = NO_TIMER;
            if (!stale(current)) {
                lose("no message for " + options.silenceWatchdog());
            }
        });
    }

    private void onSocketException(long current, Throwable failure) {
        if (stale(current)) {
            return;
        }
        if (failure instanceof IllegalStateException && socket != null && !socket.isClosed()) {
            // Vert.x drops a message over the transport limit, reports it here and keeps the connection.
            onInvalid(current, new WebsocketParseResult.Malformed(WebsocketParseResult.Problem.OVERSIZED,
                    "message over the limit of " + WebsocketMessageParser.DEFAULT_MAX_MESSAGE_CHARS + " bytes, dropped unread"));
            return;
        }
        // The close handler follows when the connection is gone.
        LOG.debug("SimpliSafe realtime socket error ({})", describe(failure));
    }

    private void onSocketClosed(long current, WebSocket closedSocket) {
        if (stale(current)) {
            return;
        }
        Short code = closedSocket.closeStatusCode();
        if (code != null && code == POLICY_VIOLATION && !live) {
            // Identify was refused: the token died before its expiry (brief 11 P4); renew it, do not reuse it.
            rejectedToken = attemptToken;
        }
        lose(code == null || code == 1006 ? "connection cut without a close frame"
                : "closed by the server with code " + code + (closedSocket.closeReason() == null ? ""
                        : " (" + printable(closedSocket.closeReason()) + ")"));
    }

    /** The current connection, live or still connecting, is dead: tell, count, back off. */
    private void lose(String reason) {
        detachSocket(1001, "going away");
        stats.connectionLost();
        Duration wait = backoff.next();
        LOG.warn("SimpliSafe realtime connection lost: {}; reconnecting in {}", reason, wait);
        backOff(wait, reason);
        tell(l -> l.onLost(reason));
    }

    /** Forgets the current socket: its callbacks and timers become stale; it is closed if still open. */
    private void detachSocket(int code, String reason) {
        attempt++;
        live = false;
        for (long timer : new long[] {handshakeTimer, subscribedTimer, pingTimer, pongTimer, silenceTimer}) {
            cancel(timer);
        }
        handshakeTimer = subscribedTimer = pingTimer = pongTimer = silenceTimer = NO_TIMER;
        WebSocket old = socket;
        socket = null;
        attemptToken = null;
        if (old != null && !old.isClosed()) {
            // A dead peer never answers the close frame; the client's closing timeout then ends the TCP connection.
            old.close((short) code, reason).onFailure(failure -> LOG.debug("SimpliSafe realtime close: {}",
                    failure.getClass().getSimpleName()));
        }
    }

    // ---- plumbing ----

    private boolean stale(long current) {
        return closed || current != attempt;
    }

    private void setStatus(RealtimeState state, Instant nextAttemptAt, String problem) {
        if (!closed) {
            status = new RealtimeStatus(state, refusals.consecutive(), nextAttemptAt, problem);
        }
    }

    private void tell(Consumer<SimplisafeRealtimeListener> call) {
        synchronized (listenerGate) {
            if (closed) {
                return;
            }
            try {
                call.accept(listener);
            } catch (RuntimeException failure) {
                stats.listenerFailed();
                LOG.warn("SimpliSafe realtime listener failed; the connection stays", failure);
            }
        }
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
            return;
        }
        try {
            context.runOnContext(v -> action.run());
        } catch (RuntimeException rejected) {
            // Vert.x is closing: nothing is left to run on.
            LOG.debug("SimpliSafe realtime: Vert.x refused work ({})", rejected.getClass().getSimpleName());
        }
    }

    private void cancelRetry() {
        cancel(retryTimer);
        retryTimer = NO_TIMER;
    }

    private void cancel(long timer) {
        if (timer != NO_TIMER) {
            vertx.cancelTimer(timer);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + printable(message));
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_REASON_CHARS ? oneLine : oneLine.substring(0, MAX_REASON_CHARS) + "...";
    }
}
