package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * <p>Each open socket is watched by a {@link RealtimeConnection}: it is dead when a close frame
 * arrives, the TCP connection ends, no pong follows a ping within
 * {@link SimplisafeRealtimeOptions#pongTimeout()}, no subscribed message follows the upgrade in
 * time, or, when enabled, no text arrives for the silence watchdog's time. Malformed frames are
 * logged, counted and skipped; the connection stays (design 8; brief 10 would reconnect, which
 * loses the same frame and adds a gap). HTTP 403 upgrades switch realtime off for hours after a
 * few in a row ({@link SimplisafeRealtimeOptions#refusalsBeforeRestOnly()}).
 *
 * <p>All state lives on one Vert.x context, taken at construction; token and upgrade answers for a
 * replaced attempt are recognised by an attempt number and ignored. The identify message carries
 * the bearer token and is never logged.
 */
public final class SimplisafeRealtimeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeRealtimeClient.class);
    private static final long NO_TIMER = -1;

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
    /** Numbers the attempts, so that a token or upgrade answer for a replaced attempt is ignored. */
    private long attempt;
    private RealtimeConnection connection;
    /** The token of the current connection; kept only to renew it if the server refuses it. */
    private String connectionToken;
    /** A token the server refused (1008); the next attempt asks for a renewed one instead. */
    private String rejectedToken;
    private boolean everLive;
    private long retryTimer = NO_TIMER;
    private long handshakeTimer = NO_TIMER;

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
        String why = LogSafeText.printable(reason);
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
        (rejected == null ? tokens.getValidToken() : tokens.refreshAfterRejection(rejected))
                .whenComplete((token, failure) -> onContext(() -> onToken(current, token, failure)));
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
                failed("cannot connect (" + LogSafeText.describe(cause) + ")");
            }
            return;
        }
        refusals.accepted();
        connectionToken = token;
        connection = new RealtimeConnection(vertx, result.result(), options, parser, stats, clock, new RealtimeConnection.Owner() {
            @Override
            public void subscribed() {
                onSubscribed();
            }

            @Override
            public void event(SimplisafeEvent event) {
                stats.eventReceived();
                LOG.trace("SimpliSafe realtime event {}", event);
                tell(l -> l.onEvent(event));
            }

            @Override
            public void dead(String reason, boolean tokenRefused) {
                onDead(reason, tokenRefused);
            }
        });
        connection.open(IdentifyMessage.text(token, userId, options.userAgent(), clock.instant()));
        LOG.debug("SimpliSafe realtime socket open; identify sent for uid:{}", userId);
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

    // ---- the open connection ----

    private void onSubscribed() {
        boolean afterGap = everLive;
        everLive = true;
        backoff.reset();
        stats.subscribedReceived();
        setStatus(RealtimeState.LIVE, null, null);
        LOG.info("SimpliSafe realtime live for uid:{}{}", userId, afterGap ? " again; events may have been missed meanwhile" : "");
        tell(l -> l.onLive(afterGap));
    }

    /** The connection, live or still waiting for subscribed, died and has ended itself: tell, count, back off. */
    private void onDead(String reason, boolean tokenRefused) {
        if (tokenRefused) {
            // Identify was refused: the token died before its expiry (brief 11 P4); renew it, do not reuse it.
            rejectedToken = connectionToken;
        }
        connection = null;
        connectionToken = null;
        attempt++;
        stats.connectionLost();
        Duration wait = backoff.next();
        LOG.warn("SimpliSafe realtime connection lost: {}; reconnecting in {}", reason, wait);
        backOff(wait, reason);
        tell(l -> l.onLost(reason));
    }

    /** Ends the current attempt: a pending upgrade is ignored when it completes, an open connection is closed. */
    private void detachSocket(int code, String reason) {
        attempt++;
        cancel(handshakeTimer);
        handshakeTimer = NO_TIMER;
        if (connection != null) {
            connection.end(code, reason);
            connection = null;
        }
        connectionToken = null;
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
}
