package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a fresh fake cloud per test, a client wired as the component will wire it: a real
 * {@link TokenRefresher} over a {@link FileTokenStore} whose refresh call is
 * {@link HomeConnectAuthorization}, a {@link RequestBudget}, and a {@code knownStatus} map the test fills.
 */
abstract class HomeConnectClientTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "homeconnect-test";

    @TempDir
    Path stateDir;

    protected Vertx vertx;
    protected HomeConnectSimulator cloud;
    protected TokenSet issued;
    protected FileTokenStore store;
    protected HomeConnectAuthorization oauth;
    protected TokenRefresher tokens;
    protected RequestBudget budget;
    protected HomeConnectClient client;
    protected final Map<String, JsonNode> knownStatus = new ConcurrentHashMap<>();

    /** The fake cloud's options. */
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.forTests().build();
    }

    /** The scopes of the first token set. */
    protected String scope() {
        return SimulatorOptions.DEFAULT_SCOPE + " Images";
    }

    /** The client's options; by default pointed at the fake cloud, with a 10 ms retry backoff. */
    protected HomeConnectClientOptions clientOptions() {
        return HomeConnectClientOptions.defaults().withBaseUrl(cloud.baseUrl()).withReadRetries(2, Duration.ofMillis(10));
    }

    /** The budget's limits: roomy, errors included, so only tests about the budget meet it. */
    protected BudgetLimits limits() {
        return new BudgetLimits(100_000, 10_000, 1_000, 1_000, 100, 100, 1_000, Duration.ofMinutes(10), Duration.ofMinutes(10),
                500, Duration.ofMinutes(5), 10, 100, 0.9, 0.7);
    }

    /** The budget's clock. */
    protected Clock budgetClock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    void startCloudAndClient() throws IOException {
        vertx = Vertx.vertx();
        cloud = new HomeConnectSimulator(vertx, simulatorOptions()).start();
        issued = cloud.authorization().issueTokens(scope());
        store = new FileTokenStore(stateDir);
        store.save(ACCOUNT, tokensOf(issued));
        oauth = new HomeConnectAuthorization(vertx, HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), null));
        tokens = TokenRefresher.builder(ACCOUNT, store, oauth).build();
        budget = new RequestBudget("test", limits(), budgetClock());
        client = new HomeConnectClient(vertx, clientOptions(), tokens, budget, haId -> Optional.ofNullable(knownStatus.get(haId)));
    }

    @AfterEach
    void stopCloudAndClient() {
        client.close();
        oauth.close();
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    static OAuthTokens tokensOf(TokenSet set) {
        return new OAuthTokens(set.accessToken(), set.refreshToken(), Instant.now().plusSeconds(set.expiresIn()), set.scope(),
                "Bearer", Map.of());
    }

    /** The answer of a call that must succeed. */
    protected HomeConnectResponse call(HomeConnectRequest request) {
        return resultOf(client.execute(request));
    }

    /** The failure of a call that must fail. */
    protected Throwable failureOf(HomeConnectRequest request) {
        return failureOf(client.execute(request));
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

    /** {@code METHOD path} of every request the cloud recorded, in order. */
    protected List<String> requestLines() {
        return cloud.requests().all().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The REST requests the cloud recorded. */
    protected List<RecordedRequest> restRequests() {
        return cloud.requests().restRequests();
    }

    static JsonNode fixture(String name) {
        try (InputStream in = HomeConnectClientTestSupport.class.getResourceAsStream("/simulator/homeconnect/ha-core/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
