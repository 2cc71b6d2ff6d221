package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.auth.TokenStore;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.RequestKind;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Given a fresh fake SimpliSafe cloud per test and a real {@link TokenRefresher} whose refresh asks
 * the simulator's tenant for new tokens, a realtime client with timings short enough to watch
 * every reconnect rule happen in well under a second.
 */
abstract class RealtimeClientTestSupport {

    static final String ACCOUNT = "simplisafe-realtime-test";
    static final long USER_ID = 12345;
    static final long SID = 12345;
    static final Duration NORMAL_MAX_BACKOFF = Duration.ofMillis(200);

    protected Vertx vertx;
    protected SimpliSafeSimulator cloud;
    protected IssuedTokens issued;
    protected TokenRefresher tokens;
    protected final MutableClock clock = new MutableClock();
    protected final RecordingListener listener = new RecordingListener();
    /** Every access token handed out, the first one included. */
    protected final List<String> accessTokens = new CopyOnWriteArrayList<>();
    protected SimplisafeRealtimeClient client;

    /** Ping 200 ms, pong 300 ms, subscribed 500 ms, back-off 50 to 200 ms, 3 refusals then 2 h. */
    protected SimplisafeRealtimeOptions fastOptions() {
        return SimplisafeRealtimeOptions.defaults().withUrl(cloud.webSocketUrl())
                .withPing(Duration.ofMillis(200), Duration.ofMillis(300))
                .withSubscribedTimeout(Duration.ofMillis(500))
                .withConnectTimeout(Duration.ofSeconds(2))
                .withBackoff(Duration.ofMillis(50), NORMAL_MAX_BACKOFF);
    }

    @BeforeEach
    void startCloud() {
        vertx = Vertx.vertx();
        cloud = new SimpliSafeSimulator(vertx, SimpliSafeSimulatorOptions.forTests().build()).start();
        issued = cloud.auth().issueTokens();
        accessTokens.add(issued.accessToken());
        Map<String, OAuthTokens> stored = new ConcurrentHashMap<>();
        stored.put(ACCOUNT, tokensOf(issued));
        TokenStore store = new TokenStore() {
            @Override
            public Optional<OAuthTokens> load(String account) {
                return Optional.ofNullable(stored.get(account));
            }

            @Override
            public void save(String account, OAuthTokens saved) {
                stored.put(account, saved);
            }

            @Override
            public boolean delete(String account) {
                return stored.remove(account) != null;
            }
        };
        tokens = TokenRefresher.builder(ACCOUNT, store, current -> {
            IssuedTokens fresh = cloud.auth().issueTokens();
            accessTokens.add(fresh.accessToken());
            return CompletableFuture.completedFuture(tokensOf(fresh));
        }).build();
    }

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Creates and starts the client with {@code options}. */
    protected SimplisafeRealtimeClient startClient(SimplisafeRealtimeOptions options) {
        client = new SimplisafeRealtimeClient(vertx, options, tokens, USER_ID, listener, clock);
        client.start();
        return client;
    }

    /** Upgrade requests the cloud received, refused ones included. */
    protected int upgradeRequests() {
        return cloud.requests().ofKind(RequestKind.WEBSOCKET).size();
    }

    static OAuthTokens tokensOf(IssuedTokens set) {
        return new OAuthTokens(set.accessToken(), set.refreshToken(), Instant.now().plusSeconds(set.expiresIn()),
                set.scope(), "Bearer", Map.of());
    }

    /** Records every callback, in order, from whatever thread. */
    static final class RecordingListener implements SimplisafeRealtimeListener {

        final List<SimplisafeEvent> events = new CopyOnWriteArrayList<>();
        final List<Boolean> lives = new CopyOnWriteArrayList<>();
        final List<String> losses = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final List<Instant> refusedUntil = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(SimplisafeEvent event) {
            calls.add("event");
            events.add(event);
        }

        @Override
        public void onLive(boolean afterGap) {
            calls.add("live");
            lives.add(afterGap);
        }

        @Override
        public void onLost(String reason) {
            calls.add("lost");
            losses.add(reason);
        }

        @Override
        public void onRefused(int consecutiveRefusals, Instant retryAt) {
            calls.add("refused");
            refusals.add(consecutiveRefusals + " until " + retryAt);
            refusedUntil.add(retryAt);
        }
    }
}
