package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.AuthStateListener;
import io.github.camelsmarthome.auth.AuthStatus;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.state.ApplianceStateStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-appliances Home Connect event stream of one account (brief section 8), kept open for
 * as long as it runs, with the account's appliance state kept in step.
 *
 * <ul>
 *   <li><b>Open</b>: {@code GET /api/homeappliances/events} with a bearer token from the
 *       {@code TokenRefresher}, through the {@code RequestBudget} ({@code EVENT_STREAM}, HIGH).</li>
 *   <li><b>Reconnect</b> on end of stream, read timeout, line watchdog, transport error, corrupt
 *       stream and 401, with exponential backoff and jitter reset by the first parsed event; after
 *       a 401 the token is renewed first and the 401 ladder sets the wait; after a 429 nothing is
 *       sent before {@code Retry-After}. A healthy stream is never recycled on a timer; a stream
 *       that carries keep-alives but missed a running appliance's change is reopened (rule 9).</li>
 *   <li><b>Gap marker</b>: after every reconnect, before any event of the new connection, a
 *       {@code stream_reconnected} event (deviceId = account, origin {@code bridge}) with
 *       {@code disconnectedAt}, {@code reconnectedAt} and {@code reason} items.</li>
 *   <li><b>State</b>: every event updates the {@link ApplianceStateStore}. A start with saved
 *       state replays it (origin {@code restored}) without any REST request; an account never
 *       seen is read once over REST; a reconnect, CONNECTED and PAIRED resync within the budget
 *       (origin {@code resync}), see {@link ApplianceResync}.</li>
 *   <li><b>Authorisation</b>: when the refresher needs a person, no attempt is made until it is
 *       authorised again, then the stream resumes by itself.</li>
 * </ul>
 *
 * <p>Everything runs on one Vert.x event-loop context; listener calls happen there, one at a
 * time. {@link #start()} and {@link #stop()} may be called from any thread. The Vert.x instance is
 * borrowed, never closed.
 */
public final class HomeConnectEventStream {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectEventStream.class);

    private final HomeConnectEventStreamBuilder config;
    private final EventStreamOptions options;
    private final String account;
    private final Context context;
    private final Executor onLoop;
    private final EventStreamMetrics metrics = new EventStreamMetrics();
    private final ReconnectSchedule schedule;
    private final ApplianceEventPipeline pipeline;
    private final AuthStateListener authListener = this::onAuthStateChange;

    private volatile StreamState state = StreamState.STOPPED;
    private volatile Instant nextReconnectAt;

    // Touched on the event loop only.
    private boolean running;
    private long run;
    private HttpClient httpClient;
    private StreamAttempt attempt;
    private boolean everConnected;
    private Instant disconnectedAt;
    private DisconnectReason lastReason;
    private DisconnectReason loggedFailure;
    private boolean authReported;
    private long reconnectTimer = -1;

    HomeConnectEventStream(HomeConnectEventStreamBuilder config) {
        this.config = config;
        this.options = config.options;
        this.account = options.account();
        this.context = config.vertx.getOrCreateContext();
        this.onLoop = task -> context.runOnContext(ignored -> task.run());
        this.schedule = new ReconnectSchedule(options, config.random);
        this.pipeline = new ApplianceEventPipeline(config, metrics, onLoop, this::pauseReading, this::resumeReading,
                this::stalled);
    }

    /** Starts configuring a stream for the account of {@code options}. */
    public static HomeConnectEventStreamBuilder builder(Vertx vertx, EventStreamOptions options) {
        return new HomeConnectEventStreamBuilder(vertx, options);
    }

    /**
     * Loads the saved state (a worker thread reads the file), replays it to the listener, and
     * starts connecting. Completes once the state is loaded; connecting goes on in the background.
     */
    public CompletionStage<Void> start() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        onLoop.execute(() -> {
            if (running) {
                started.complete(null);
                return;
            }
            running = true;
            long current = ++run;
            everConnected = false;
            pipeline.open().onComplete(opened -> {
                if (!running || run != current) {
                    started.complete(null);
                } else if (opened.failed()) {
                    running = false;
                    started.completeExceptionally(opened.cause());
                } else {
                    LOG.info("Home Connect event stream of {} starting with {} known appliance(s)", account, opened.result());
                    config.tokens.addListener(authListener);
                    connect();
                    started.complete(null);
                }
            });
        });
        return started;
    }

    /**
     * Closes the stream, saves the state and releases the event channel; completes when the state
     * is written. Events not yet handed to the listener are dropped.
     */
    public CompletionStage<Void> stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        onLoop.execute(() -> {
            if (!running) {
                stopped.complete(null);
                return;
            }
            running = false;
            run++;
            cancelReconnect();
            boolean wasConnected = state == StreamState.CONNECTED;
            cancelAttempt();
            if (wasConnected) {
                metrics.countDisconnect(DisconnectReason.STOPPED);
                metrics.markConnectedSince(null);
                notifyListener(() -> config.listener.onDisconnected(DisconnectReason.STOPPED, "stopped"));
            }
            config.tokens.removeListener(authListener);
            moveTo(StreamState.STOPPED);
            LOG.info("Home Connect event stream of {} stopped", account);
            HttpClient owned = config.httpClient == null ? httpClient : null;
            httpClient = null;
            pipeline.close()
                    .eventually(() -> owned != null ? owned.close() : Future.<Void>succeededFuture())
                    .onComplete(done -> stopped.complete(null));
        });
        return stopped;
    }

    /** Where the stream is now. */
    public StreamState state() {
        return state;
    }

    /** When the next attempt to open the stream is due, while backing off. */
    public Optional<Instant> nextReconnectAt() {
        return Optional.ofNullable(nextReconnectAt);
    }

    /** Counters for metrics. */
    public EventStreamMetrics metrics() {
        return metrics;
    }

    /**
     * The account's appliance state, for reads such as program-start preconditions.
     *
     * @throws IllegalStateException before {@link #start()} has completed, unless a store was given
     */
    public ApplianceStateStore stateStore() {
        ApplianceStateStore current = pipeline.store();
        if (current == null) {
            throw new IllegalStateException("The appliance state of " + account + " is loaded by start()");
        }
        return current;
    }

    /** The account this stream serves. */
    public String account() {
        return account;
    }

    private void connect() {
        reconnectTimer = -1;
        nextReconnectAt = null;
        if (!running) {
            return;
        }
        if (config.tokens.status().state() == AuthState.AUTH_REQUIRED) {
            enterAuthRequired(config.tokens.status().detail());
            return;
        }
        moveTo(StreamState.CONNECTING);
        if (httpClient == null) {
            httpClient = config.httpClient != null ? config.httpClient : config.vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(false));
        }
        cancelAttempt();
        attempt = new StreamAttempt(config, httpClient, metrics, onLoop, new AttemptOutcome(++run));
        if (pipeline.isBlocked()) {
            attempt.pause();
        }
        attempt.begin();
    }

    private void opened() {
        Instant now = options.clock().instant();
        boolean reconnect = everConnected;
        everConnected = true;
        authReported = false;
        moveTo(StreamState.CONNECTED);
        metrics.markConnectedSince(now);
        if (loggedFailure != null) {
            LOG.info("Home Connect event stream of {} is open again; events between {} and {} may be missing", account,
                    disconnectedAt, now);
            loggedFailure = null;
        } else {
            LOG.info("Home Connect event stream of {} is open", account);
        }
        notifyListener(config.listener::onConnected);
        if (reconnect) {
            metrics.countReconnect();
        }
        pipeline.connected(reconnect, disconnectedAt, now, lastReason);
    }

    private void failed(StreamAttempt.Failure failure) {
        attempt = null;
        DisconnectReason reason = failure.reason();
        Instant now = options.clock().instant();
        if (state == StreamState.CONNECTED) {
            disconnectedAt = now;
            lastReason = reason;
            metrics.markConnectedSince(null);
        }
        metrics.countDisconnect(reason);
        notifyListener(() -> config.listener.onDisconnected(reason, failure.detail()));
        if (reason == DisconnectReason.AUTH_REQUIRED || config.tokens.status().state() == AuthState.AUTH_REQUIRED) {
            enterAuthRequired(config.tokens.status().detail());
            return;
        }
        Duration wait = switch (reason) {
            case UNAUTHORIZED -> schedule.afterUnauthorized(now);
            case RATE_LIMITED -> schedule.afterRateLimit(failure.rateLimit().retryAfter(),
                    failure.rateLimit().retryAfterAdvertised());
            case BUDGET_REFUSED -> failure.budgetWait();
            default -> schedule.afterFailure();
        };
        if (loggedFailure != reason) {
            LOG.warn("Home Connect event stream of {}: {} ({}); reconnecting in {} s (repeats are logged at DEBUG until "
                    + "the cause changes)", account, reason, failure.detail(), wait.toMillis() / 1000.0);
            loggedFailure = reason;
        } else {
            LOG.debug("Home Connect event stream of {}: {} again ({}); next attempt in {} ms", account, reason,
                    failure.detail(), wait.toMillis());
        }
        moveTo(StreamState.BACKING_OFF);
        nextReconnectAt = now.plus(wait);
        notifyListener(() -> config.listener.onReconnecting(wait));
        reconnectTimer = config.vertx.setTimer(Math.max(1, wait.toMillis()), id -> onLoop.execute(this::connect));
    }

    /** Brief 8.7 rule 9: the stream carries keep-alives but no events; reopen it, which also resyncs. */
    private void stalled(String haId) {
        if (running && attempt != null && state == StreamState.CONNECTED) {
            cancelAttempt();
            failed(StreamAttempt.Failure.of(DisconnectReason.STALLED, haId + " changed state without an event"));
        }
    }

    private void enterAuthRequired(String detail) {
        if (!running) {
            return;
        }
        if (!authReported) {
            authReported = true;
            LOG.warn("Home Connect event stream of {} waits for the account to be authorised again: {}", account, detail);
            notifyListener(() -> config.listener.onAuthRequired(detail));
        }
        if (attempt != null && state == StreamState.CONNECTED) {
            return; // the open stream stays useful until its token expires; no reconnect after it ends
        }
        cancelAttempt();
        cancelReconnect();
        moveTo(StreamState.AUTH_REQUIRED);
    }

    private void onAuthStateChange(String changedAccount, AuthStatus previous, AuthStatus current) {
        onLoop.execute(() -> {
            if (!running) {
                return;
            }
            if (current.state() == AuthState.AUTH_REQUIRED) {
                enterAuthRequired(current.detail());
            } else if (state == StreamState.AUTH_REQUIRED) {
                LOG.info("Account {} is authorised again; opening its Home Connect event stream", account);
                authReported = false;
                schedule.reset();
                connect();
            }
        });
    }

    private void pauseReading() {
        if (attempt != null && !attempt.isPaused()) {
            metrics.countPause();
            attempt.pause();
        }
    }

    private void resumeReading() {
        if (attempt != null) {
            attempt.resume();
        }
    }

    private void cancelAttempt() {
        if (attempt != null) {
            attempt.cancel();
            attempt = null;
        }
    }

    private void cancelReconnect() {
        if (reconnectTimer >= 0) {
            config.vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        nextReconnectAt = null;
    }

    private void moveTo(StreamState next) {
        if (state != next) {
            LOG.debug("Home Connect event stream of {}: {} -> {}", account, state, next);
            state = next;
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            LOG.warn("The listener of the Home Connect event stream of {} threw: {}", account, failure.toString());
        }
    }

    /** Routes one attempt's reports to the stream, ignoring those of an attempt already replaced. */
    private final class AttemptOutcome implements StreamAttempt.Outcome {

        private final long owner;

        AttemptOutcome(long owner) {
            this.owner = owner;
        }

        @Override
        public void opened() {
            if (current()) {
                HomeConnectEventStream.this.opened();
            }
        }

        @Override
        public void parsed() {
            if (current()) {
                schedule.reset();
            }
        }

        @Override
        public void keepAlive(Instant at) {
            if (current()) {
                pipeline.keepAlive(at);
            }
        }

        @Override
        public void event(HomeConnectEvent event) {
            if (current()) {
                pipeline.received(event);
            }
        }

        @Override
        public void failed(StreamAttempt.Failure failure) {
            if (current()) {
                HomeConnectEventStream.this.failed(failure);
            }
        }

        private boolean current() {
            return running && owner == run;
        }
    }
}
