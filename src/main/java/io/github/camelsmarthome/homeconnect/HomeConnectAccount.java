package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.homeconnect.api.BudgetLimits;
import io.github.camelsmarthome.homeconnect.api.BudgetSnapshot;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.HomeConnectClient;
import io.github.camelsmarthome.homeconnect.api.HomeConnectClientOptions;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOAuthOptions;
import io.github.camelsmarthome.homeconnect.api.RequestBudget;
import io.github.camelsmarthome.homeconnect.api.state.KnownAppliance;
import io.github.camelsmarthome.homeconnect.api.stream.EventStreamOptions;
import io.github.camelsmarthome.homeconnect.api.stream.HomeConnectEventStream;
import io.github.camelsmarthome.homeconnect.api.stream.HomeConnectEventStreamBuilder;
import io.github.camelsmarthome.homeconnect.api.stream.StreamState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one Home Connect account (client id + user) shares between the endpoints that use
 * it: tokens, the request budget, the REST client. Endpoints of the same client id share one
 * account, so that the budget and the single event stream the brief asks for are per account,
 * not per route.
 */
final class HomeConnectAccount implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectAccount.class);
    /** The brief recommends refreshing ten minutes before expiry, not on a 401 storm. */
    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(10);
    private static final Duration STREAM_START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path stateDir;
    private final RequestBudget budget;
    private final HomeConnectAuthorization authorization;
    private final TokenRefresher tokens;
    private final HomeConnectClient client;
    private final KnownStatus knownStatus = new KnownStatus();
    private final Vertx vertx;
    private final HomeConnectEventFanOut fanOut;
    private HomeConnectEventStream stream;
    /** What the budget file holds, as far as this account wrote it; {@code null} before the first save. */
    private volatile BudgetSnapshot lastSavedBudget;
    private final Object budgetSaveLock = new Object();
    /** The component's shared stream clients by connect timeout; {@code null}: the stream makes its own. */
    private volatile LongFunction<HttpClient> streamHttpClient;
    /**
     * The stream being started or running, read without the account's lock: the saved state is
     * delivered while {@link #subscribe} holds it, waiting for the start.
     */
    private volatile HomeConnectEventStream typesSource;

    HomeConnectAccount(Vertx vertx, HomeConnectConfiguration configuration, Path stateDir, Clock clock) throws IOException {
        this(vertx, HomeConnectAuthorization.accountName(configuration.getClientId()), configuration, stateDir, clock);
    }

    /** The account {@code name} whose files are in {@code stateDir} (one of an accounts folder). */
    HomeConnectAccount(Vertx vertx, String name, HomeConnectConfiguration configuration, Path stateDir, Clock clock) throws IOException {
        this.vertx = vertx;
        this.name = name;
        this.stateDir = stateDir;
        this.fanOut = new HomeConnectEventFanOut(name, clock);
        boolean budgetSaved = java.nio.file.Files.exists(budgetFile());
        this.budget = RequestBudget.load(budgetFile(), name, BudgetLimits.HOME_CONNECT, clock);
        if (budgetSaved) {
            lastSavedBudget = withoutTime(budget.remaining());
        }
        this.authorization = new HomeConnectAuthorization(vertx,
                HomeConnectOAuthOptions.of(configuration.getApiUrl(), configuration.getClientId(), configuration.getClientSecret())
                        .withScope(configuration.getScope()),
                budget, clock);
        FileTokenStore store = new FileTokenStore(stateDir);
        if (store.load(name).isEmpty() && configuration.getRefreshToken() != null && !configuration.getRefreshToken().isBlank()) {
            // Bootstrap: an expired access token makes the first call refresh, and the store keeps what comes back.
            store.save(name, new OAuthTokens(null, configuration.getRefreshToken().trim(), Instant.EPOCH, configuration.getScope(),
                    "Bearer", java.util.Map.of()));
            LOG.info("Home Connect account {}: starting from the configured refresh token; the token store is {}", name,
                    store.locationOf(name));
        }
        this.tokens = TokenRefresher.builder(name, store, authorization).refreshAhead(REFRESH_AHEAD).clock(clock).build();
        HomeConnectClientOptions options = HomeConnectClientOptions.defaults()
                .withBaseUrl(configuration.getApiUrl())
                .withTimeouts(Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getRequestTimeout()))
                .withCheckPreconditions(configuration.isCheckPreconditions());
        if (configuration.getLanguage() != null && !configuration.getLanguage().isBlank()) {
            options = options.withAcceptLanguage(configuration.getLanguage());
        }
        this.client = new HomeConnectClient(vertx, options, tokens, budget, knownStatus::of);
    }

    /**
     * Opens the event stream on a client of {@code clients} (by connect timeout), which the caller
     * owns and closes after this account, instead of on a client of the stream's own.
     */
    void shareStreamClients(LongFunction<HttpClient> clients) {
        this.streamHttpClient = clients;
    }

    /** The account name: tokens, saved state and budget files are named after it. */
    String name() {
        return name;
    }

    HomeConnectClient client() {
        return client;
    }

    RequestBudget budget() {
        return budget;
    }

    TokenRefresher tokens() {
        return tokens;
    }

    Path stateDir() {
        return stateDir;
    }

    /** Where the producer's start-program check finds the appliances' last known status. */
    KnownStatus knownStatus() {
        return knownStatus;
    }

    /**
     * Adds a consumer; the first one opens the account's event stream (the brief asks for one
     * all-appliances stream per account, whatever the number of routes).
     */
    synchronized void subscribe(HomeConnectConsumer consumer, HomeConnectConfiguration configuration) throws Exception {
        fanOut.add(consumer);
        if (stream != null) {
            return;
        }
        EventStreamOptions.Builder options = EventStreamOptions.builder(name, configuration.getApiUrl())
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .readTimeout(Duration.ofMillis(configuration.getStreamReadTimeout()))
                .watchdogTimeout(Duration.ofMillis(configuration.getStreamWatchdogTimeout()))
                .silentStallTimeout(Duration.ofMillis(configuration.getSilentStallTimeout()))
                .backoff(Duration.ofMillis(configuration.getInitialReconnectDelay()),
                        Duration.ofMillis(configuration.getMaxReconnectDelay()), 2.0);
        if (configuration.getLanguage() != null && !configuration.getLanguage().isBlank()) {
            options.acceptLanguage(configuration.getLanguage());
        }
        HomeConnectEventStreamBuilder builder = HomeConnectEventStream.builder(vertx, options.build())
                .tokens(tokens).budget(budget).stateSource(client).stateDirectory(stateDir).listener(fanOut);
        if (streamHttpClient != null) {
            builder.httpClient(streamHttpClient.apply(configuration.getConnectTimeout()));
        }
        HomeConnectEventStream opened = builder.build();
        typesSource = opened;
        try {
            opened.start().toCompletableFuture().get(STREAM_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            typesSource = null;
            throw e;
        }
        knownStatus.use(opened.stateStore()::knownStatus);
        stream = opened;
    }

    /** Removes a consumer; the last one closes the stream (saving the appliance state). */
    synchronized void unsubscribe(HomeConnectConsumer consumer) throws Exception {
        fanOut.remove(consumer);
        if (fanOut.isEmpty() && stream != null) {
            knownStatus.use(haId -> Optional.empty());
            HomeConnectEventStream closing = stream;
            stream = null;
            typesSource = null;
            closing.stop().toCompletableFuture().get(STREAM_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The stream's state, {@code STOPPED} when no consumer runs. */
    synchronized StreamState streamState() {
        return stream == null ? StreamState.STOPPED : stream.state();
    }

    /** The stream, while a consumer runs. */
    synchronized Optional<HomeConnectEventStream> stream() {
        return Optional.ofNullable(stream);
    }

    /**
     * The type of an appliance as the appliance list names it ({@code Washer}), from the stream's
     * state; empty while no consumer runs or the list was not read yet.
     */
    Optional<String> applianceType(String haId) {
        HomeConnectEventStream source = typesSource;
        if (source == null) {
            return Optional.empty();
        }
        try {
            return source.stateStore().appliance(haId).map(KnownAppliance::type);
        } catch (IllegalStateException notLoadedYet) {
            return Optional.empty();
        }
    }

    /** Whether the account's running stream knows the appliance {@code haId} (from its list or its events). */
    boolean knowsAppliance(String haId) {
        HomeConnectEventStream source = typesSource;
        if (source == null || haId == null) {
            return false;
        }
        try {
            return source.stateStore().appliance(haId).isPresent();
        } catch (IllegalStateException notLoadedYet) {
            return false;
        }
    }

    /**
     * The account's appliances once the list is complete (see {@code ApplianceStateStore}); empty
     * without a stream. Reads the volatile source, not under the account's lock, which a starting
     * stream holds for as long as its start takes.
     */
    Optional<java.util.Set<String>> completeApplianceIds() {
        HomeConnectEventStream source = typesSource;
        if (source == null) {
            return Optional.empty();
        }
        try {
            return source.stateStore().completeApplianceIds();
        } catch (IllegalStateException notLoadedYet) {
            return Optional.empty();
        }
    }

    /** Why the event stream is not connected, {@code null} while it is. */
    String streamProblem() {
        StreamState state = streamState();
        if (state == StreamState.CONNECTED) {
            return null;
        }
        String problem = fanOut.lastProblem();
        return state + (problem == null ? "" : ": " + problem);
    }

    private Path budgetFile() {
        return stateDir.resolve(name + ".budget.json");
    }

    /**
     * Saves the request budget, so that a restart does not reset the day's count; skipped while
     * nothing changed since the last save, because the component saves every account every 30 s
     * and with an accounts folder of thousands, unchanged files written (and synced) again would
     * keep the disk and the housekeeping thread busy, and the look for new accounts waits for it.
     */
    void saveBudget() {
        // The periodic pass and close() may meet at shutdown; one writer at a time keeps the last save the newest.
        synchronized (budgetSaveLock) {
            saveBudgetIfChanged();
        }
    }

    private void saveBudgetIfChanged() {
        BudgetSnapshot now = withoutTime(budget.remaining());
        if (now.equals(lastSavedBudget)) {
            return;
        }
        try {
            budget.save(budgetFile());
            lastSavedBudget = now;
        } catch (IOException e) {
            LOG.warn("Home Connect account {}: could not save the request budget to {}: {}", name, budgetFile(), e.getMessage());
        }
    }

    /** The snapshot without its time, so that two snapshots of the same counts are equal. */
    private static BudgetSnapshot withoutTime(BudgetSnapshot snapshot) {
        return new BudgetSnapshot(Instant.EPOCH, snapshot.dailyRemaining(), snapshot.minuteRemaining(), snapshot.burstRemaining(),
                snapshot.programStartsRemaining(), snapshot.programStopsRemaining(), snapshot.tokenRequestsRemaining(),
                snapshot.successiveErrors(), snapshot.openEventStreams(), snapshot.nonEssentialPaused(), snapshot.blockedUntil(),
                snapshot.blockedBy());
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (stream != null) {
                    stream.stop().toCompletableFuture().get(STREAM_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    stream = null;
                }
            }
        } catch (Exception e) {
            LOG.warn("Home Connect account {}: the event stream did not stop cleanly: {}", name, e.toString());
        }
        synchronized (budgetSaveLock) {
            lastSavedBudget = null;
            saveBudgetIfChanged();
        }
        client.close();
        authorization.close();
    }

    /**
     * The last known status per appliance, fed by the event stream when a consumer runs; empty
     * otherwise, and then the client reads the status itself before a program start.
     */
    static final class KnownStatus {
        private volatile java.util.function.Function<String, Optional<JsonNode>> source = haId -> Optional.empty();

        Optional<JsonNode> of(String haId) {
            return source.apply(haId);
        }

        void use(java.util.function.Function<String, Optional<JsonNode>> newSource) {
            this.source = newSource;
        }
    }
}
