package io.github.camelsmarthome.homeconnect.api.stream;

import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.homeconnect.api.BudgetLimits;
import io.github.camelsmarthome.homeconnect.api.RequestBudget;
import io.github.camelsmarthome.homeconnect.api.state.KnownAppliance;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the real Home Connect simulator (the fake cloud), a token refresher and request budget on
 * it, the test adapter for REST reads and a recording listener: each test starts streams with
 * waits scaled to milliseconds and states one behaviour.
 */
abstract class EventStreamTestSupport {

    static final String ACCOUNT = "homeconnect";
    static final Duration AT_MOST = Duration.ofSeconds(15);
    /** Far above what a test sends, with no early error pause: budget behaviour is not under test here. */
    static final BudgetLimits ROOMY = new BudgetLimits(100_000, 10_000, 1_000, 2_000, 5, 5, 50, Duration.ofMinutes(10),
            Duration.ofMinutes(10), 50, Duration.ofMinutes(5), 10, 100, 0.9, 0.7);

    @TempDir
    Path stateDir;

    protected HomeConnectSimulator cloud;
    protected Vertx vertx;
    protected TokenSet issued;
    protected FileTokenStore tokenStore;
    protected TokenRefresher tokens;
    protected RequestBudget budget;
    protected SimulatorStateSource stateSource;
    protected RecordingListener listener;
    private final List<HomeConnectEventStream> started = new ArrayList<>();

    /** The cloud's options: the test defaults with keep-alives four times a second. */
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.forTests().keepAliveInterval(Duration.ofMillis(250)).build();
    }

    /** The stream's options: every wait of the brief scaled down to milliseconds, no jitter. */
    protected EventStreamOptions.Builder streamOptions() {
        return EventStreamOptions.builder(ACCOUNT, cloud.baseUrl())
                .readTimeout(Duration.ofMillis(1500))
                .watchdogTimeout(Duration.ofMillis(2000))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0)
                .backoffJitter(0)
                .unauthorizedLadder(List.of(Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofMillis(1200)),
                        Duration.ofMinutes(1))
                .defaultRetryAfter(Duration.ofSeconds(1))
                .stateSaveDelay(Duration.ofMillis(100));
    }

    @BeforeEach
    void startCloud() throws IOException {
        cloud = HomeConnectSimulator.start(simulatorOptions());
        vertx = Vertx.vertx();
        issued = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        tokenStore = new FileTokenStore(stateDir.resolve("tokens"));
        tokenStore.save(ACCOUNT, new OAuthTokens(issued.accessToken(), issued.refreshToken(),
                Instant.now().plusSeconds(issued.expiresIn()), issued.scope(), "Bearer", Map.of()));
        tokens = TokenRefresher.builder(ACCOUNT, tokenStore,
                new SimulatorTokenRefreshCall(cloud.baseUrl(), cloud.clientId(), cloud.clientSecret())).build();
        budget = new RequestBudget(ACCOUNT, ROOMY, Clock.systemUTC());
        stateSource = new SimulatorStateSource(cloud.baseUrl(), tokens, budget);
        listener = new RecordingListener();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (HomeConnectEventStream stream : started) {
            stream.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A stream with the test options, saving state in the test's state directory. */
    protected HomeConnectEventStream newStream(EventStreamOptions options, RecordingListener eventListener) {
        HomeConnectEventStream stream = HomeConnectEventStream.builder(vertx, options)
                .tokens(tokens).budget(budget).stateSource(stateSource).listener(eventListener)
                .stateDirectory(stateDir.resolve("state"))
                .build();
        started.add(stream);
        return stream;
    }

    /** Starts a stream with the test options and waits until its state is loaded. */
    protected HomeConnectEventStream startStream() throws Exception {
        return start(newStream(streamOptions().build(), listener));
    }

    protected HomeConnectEventStream start(HomeConnectEventStream stream) throws Exception {
        stream.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return stream;
    }

    protected static void awaitConnected(HomeConnectEventStream stream) {
        await().atMost(AT_MOST).until(() -> stream.state() == StreamState.CONNECTED);
    }

    /** Waits until every connected appliance was read over REST: the seeding or resync is done. */
    protected void awaitSynced(HomeConnectEventStream stream, Instant after) {
        await().atMost(AT_MOST).until(() -> {
            List<KnownAppliance> appliances = stream.stateStore().appliances();
            return !appliances.isEmpty() && appliances.stream().filter(KnownAppliance::connected)
                    .allMatch(appliance -> appliance.syncedAt() != null && !appliance.syncedAt().isBefore(after));
        });
    }

    /** Requests for the event stream, in arrival order. */
    protected List<RecordedRequest> streamOpens() {
        return cloud.requests().matching(request -> request.path().equals("/api/homeappliances/events"));
    }
}
