package io.github.camelsmarthome.simplisafe.api.client;

import static org.assertj.core.api.Assertions.fail;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.auth.TokenStore;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.RecordedRequest;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Given a fresh fake SimpliSafe cloud per test, a client wired as the component wires it: a real
 * {@link TokenRefresher} whose refresh call asks the simulator's tenant for new tokens (the token
 * endpoint itself is not this client's business), counting every refresh.
 */
abstract class SimpliSafeClientTestSupport {

    static final String ACCOUNT = "simplisafe-test";
    static final long SID = 12345;

    protected Vertx vertx;
    protected SimpliSafeSimulator cloud;
    protected IssuedTokens issued;
    protected TokenRefresher tokens;
    protected SimpliSafeClient client;
    /** Every access token handed out by a refresh, in order. */
    protected final List<String> refreshedTokens = new CopyOnWriteArrayList<>();

    /** The client's options: the simulator's URL, a 10 ms retry backoff. */
    protected SimpliSafeClientOptions clientOptions() {
        return SimpliSafeClientOptions.defaults().withApiUrl(cloud.apiUrl()).withReadRetries(2, Duration.ofMillis(10))
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    @BeforeEach
    void startCloudAndClient() {
        vertx = Vertx.vertx();
        cloud = new SimpliSafeSimulator(vertx, SimpliSafeSimulatorOptions.forTests().build()).start();
        issued = cloud.auth().issueTokens();
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
            refreshedTokens.add(fresh.accessToken());
            return CompletableFuture.completedFuture(tokensOf(fresh));
        }).build();
        client = new SimpliSafeClient(vertx, clientOptions(), tokens);
    }

    @AfterEach
    void stopCloudAndClient() {
        client.close();
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    static OAuthTokens tokensOf(IssuedTokens set) {
        return new OAuthTokens(set.accessToken(), set.refreshToken(), Instant.now().plusSeconds(set.expiresIn()),
                set.scope(), "Bearer", Map.of());
    }

    static <T> T resultOf(CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError("expected success, got " + failed.getCause(), failed.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer in time", e);
        }
    }

    static Throwable failureOf(CompletableFuture<?> future) {
        try {
            Object value = future.get(20, TimeUnit.SECONDS);
            return fail("expected a failure, got " + value);
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer in time", e);
        }
    }

    /** {@code METHOD path status} of every REST request the cloud recorded, in order. */
    protected List<String> restLines() {
        return cloud.requests().restRequests().stream().map(SimpliSafeClientTestSupport::line).toList();
    }

    static String line(RecordedRequest request) {
        return request.method() + " " + request.path() + " " + request.status();
    }
}
