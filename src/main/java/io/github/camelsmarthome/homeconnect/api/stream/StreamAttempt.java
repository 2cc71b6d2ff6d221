package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.homeconnect.api.BudgetDecision;
import io.github.camelsmarthome.homeconnect.api.HomeConnectErrors;
import io.github.camelsmarthome.homeconnect.api.HomeConnectException;
import io.github.camelsmarthome.homeconnect.api.InvalidTokenException;
import io.github.camelsmarthome.homeconnect.api.RateLimitedException;
import io.github.camelsmarthome.homeconnect.api.RequestKind;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectStreamDecoder;
import io.github.camelsmarthome.homeconnect.api.event.StreamOutcome;
import io.github.camelsmarthome.homeconnect.api.sse.SseLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to open the stream and, when it opens, the reading of it until it ends: a token
 * from the refresher, an event channel from the budget, the request, the decoding of what
 * arrives, and exactly one {@link Failure} at the end. The channel is returned to the budget
 * whichever way the attempt ends, and every answer status is recorded there.
 *
 * <p>After a 401 the refresher is asked to renew the rejected token at once; whether that needs
 * a person, the refresher's own state tells the stream.
 *
 * <p>Not thread-safe: used on the stream's event loop only.
 */
final class StreamAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAttempt.class);
    private static final String OPEN_REQUEST = "GET " + StreamConnection.PATH;

    /** What an attempt reports, in this order: opened, then events and parsed, then failed; or only failed. */
    interface Outcome {

        /** The server answered 200. */
        void opened();

        /** The first event or KEEP-ALIVE of this connection was decoded: the stream works. */
        void parsed();

        /** A KEEP-ALIVE arrived. */
        void keepAlive(Instant at);

        /** An appliance event arrived. */
        void event(HomeConnectEvent event);

        /** The attempt is over. */
        void failed(Failure failure);
    }

    /**
     * How an attempt ended.
     *
     * @param reason why
     * @param detail one line for a person, never a secret
     * @param rateLimit the 429 answer, for {@link DisconnectReason#RATE_LIMITED}
     * @param budgetWait when the budget frees up, for {@link DisconnectReason#BUDGET_REFUSED}
     */
    record Failure(DisconnectReason reason, String detail, RateLimitedException rateLimit, Duration budgetWait) {

        static Failure of(DisconnectReason reason, String detail) {
            return new Failure(reason, detail, null, null);
        }
    }

    private final HomeConnectEventStreamBuilder config;
    private final EventStreamOptions options;
    private final HttpClient client;
    private final EventStreamMetrics metrics;
    private final Executor onLoop;
    private final Outcome outcome;
    private final HomeConnectStreamDecoder decoder;
    private StreamConnection connection;
    private String token;
    private boolean channelHeld;
    private boolean parsed;
    private boolean paused;
    private boolean over;

    StreamAttempt(HomeConnectEventStreamBuilder config, HttpClient client, EventStreamMetrics metrics, Executor onLoop,
            Outcome outcome) {
        this.config = config;
        this.options = config.options;
        this.client = client;
        this.metrics = metrics;
        this.onLoop = onLoop;
        this.outcome = outcome;
        this.decoder = new HomeConnectStreamDecoder(SseLimits.DEFAULT, options.clock(), null);
    }

    /** Gets a token, asks the budget, and opens. */
    void begin() {
        metrics.countConnectAttempt();
        config.tokens.getValidToken().whenComplete((accessToken, failure) -> onLoop.execute(() -> {
            if (!over) {
                open(accessToken, failure);
            }
        }));
    }

    /** Stops reading (backpressure); also before the connection exists. */
    void pause() {
        paused = true;
        if (connection != null) {
            connection.pause();
        }
    }

    /** Reads again. */
    void resume() {
        paused = false;
        if (connection != null) {
            connection.resume();
        }
    }

    /** Whether reading is paused. */
    boolean isPaused() {
        return paused;
    }

    /** Ends the attempt without reporting anything: the owner is done with it. */
    void cancel() {
        if (!over) {
            over = true;
            if (connection != null) {
                connection.close();
            }
            releaseChannel();
        }
    }

    private void open(String accessToken, Throwable failure) {
        if (failure != null) {
            Throwable cause = unwrap(failure);
            fail(Failure.of(cause instanceof AuthorizationRequiredException ? DisconnectReason.AUTH_REQUIRED
                    : DisconnectReason.NO_TOKEN, "no access token: " + cause.getMessage()));
            return;
        }
        BudgetDecision decision = config.budget.tryAcquire(RequestKind.EVENT_STREAM, RequestPriority.HIGH);
        if (!decision.isGranted()) {
            Duration frees = decision.waitFrom(options.clock().instant()).orElse(Duration.ZERO);
            fail(new Failure(DisconnectReason.BUDGET_REFUSED, decision.reason(), null,
                    frees.compareTo(options.initialBackoff()) > 0 ? frees : options.initialBackoff()));
            return;
        }
        channelHeld = true;
        token = accessToken;
        connection = new StreamConnection(config.vertx, client, options, new ConnectionEvents());
        if (paused) {
            connection.pause();
        }
        connection.open(accessToken);
    }

    private void received(Buffer bytes) {
        for (StreamOutcome decoded : decoder.decode(bytes.getBytes())) {
            if (over) {
                return;
            }
            if (decoded instanceof StreamOutcome.Event event) {
                metrics.countEvent(event.event().receivedAt());
                firstParsed();
                outcome.event(event.event());
            } else if (decoded instanceof StreamOutcome.KeepAlive keepAlive) {
                metrics.countKeepAlive(keepAlive.receivedAt());
                firstParsed();
                outcome.keepAlive(keepAlive.receivedAt());
            } else if (decoded instanceof StreamOutcome.Skipped skipped) {
                metrics.countSkipped();
                LOG.debug("Home Connect stream of {}: {}", options.account(), skipped.describe());
            } else if (decoded instanceof StreamOutcome.Corrupt corrupt) {
                metrics.countCorrupt();
                connection.close();
                fail(Failure.of(DisconnectReason.CORRUPT_STREAM, corrupt.describe()));
            }
        }
    }

    private void firstParsed() {
        if (!parsed) {
            parsed = true;
            outcome.parsed();
        }
    }

    private void refused(int status, Map<String, String> headers, String body) {
        config.budget.recordResponse(status);
        HomeConnectException error = HomeConnectErrors.fromResponse(status, headers, body, OPEN_REQUEST, options.clock());
        if (error instanceof RateLimitedException limited) {
            config.budget.onRateLimited(limited);
            fail(new Failure(DisconnectReason.RATE_LIMITED, error.getMessage(), limited, null));
        } else if (status == 401 || error instanceof InvalidTokenException) {
            // Renew at once; the 401 ladder only delays the reopen, as the cloud rejects reopens for a while.
            config.tokens.refreshAfterRejection(token);
            fail(Failure.of(DisconnectReason.UNAUTHORIZED, error.getMessage()));
        } else {
            fail(Failure.of(DisconnectReason.REJECTED, error.getMessage()));
        }
    }

    private void fail(Failure failure) {
        if (!over) {
            over = true;
            releaseChannel();
            token = null;
            outcome.failed(failure);
        }
    }

    private void releaseChannel() {
        if (channelHeld) {
            channelHeld = false;
            config.budget.eventStreamClosed();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Passes the connection's reports on while the attempt is not over. */
    private final class ConnectionEvents implements StreamConnection.Events {

        @Override
        public void opened() {
            if (!over) {
                config.budget.recordResponse(200);
                outcome.opened();
            }
        }

        @Override
        public void chunk(Buffer bytes) {
            if (!over) {
                received(bytes);
            }
        }

        @Override
        public void refused(int status, Map<String, String> headers, String body) {
            if (!over) {
                StreamAttempt.this.refused(status, headers, body);
            }
        }

        @Override
        public void ended(DisconnectReason reason, String detail) {
            fail(Failure.of(reason, detail));
        }
    }
}
