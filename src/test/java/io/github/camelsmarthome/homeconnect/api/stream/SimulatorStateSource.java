package io.github.camelsmarthome.homeconnect.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.homeconnect.api.ApplianceStateSource;
import io.github.camelsmarthome.homeconnect.api.BudgetDecision;
import io.github.camelsmarthome.homeconnect.api.HomeConnectErrors;
import io.github.camelsmarthome.homeconnect.api.RequestBudget;
import io.github.camelsmarthome.homeconnect.api.RequestKind;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test adapter of OUR {@link ApplianceStateSource} interface onto the simulator's REST API with
 * {@code java.net.http}: not a fake cloud (the simulator is the cloud), and not the real REST
 * client, which replaces it in integration tests. Like the real client it asks the request budget
 * first, records each answer's status there and maps error answers with {@link HomeConnectErrors}.
 */
final class SimulatorStateSource implements ApplianceStateSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final TokenRefresher tokens;
    private final RequestBudget budget;
    private final List<RequestPriority> priorities = new CopyOnWriteArrayList<>();

    SimulatorStateSource(String baseUrl, TokenRefresher tokens, RequestBudget budget) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.budget = budget;
    }

    /** The priority of every read asked for, in order. */
    List<RequestPriority> priorities() {
        return List.copyOf(priorities);
    }

    @Override
    public CompletableFuture<JsonNode> appliances(RequestPriority priority) {
        return get("/api/homeappliances", priority);
    }

    @Override
    public CompletableFuture<JsonNode> status(String haId, RequestPriority priority) {
        return get("/api/homeappliances/" + haId + "/status", priority);
    }

    @Override
    public CompletableFuture<JsonNode> settings(String haId, RequestPriority priority) {
        return get("/api/homeappliances/" + haId + "/settings", priority);
    }

    @Override
    public CompletableFuture<JsonNode> activeProgram(String haId, RequestPriority priority) {
        return get("/api/homeappliances/" + haId + "/programs/active", priority);
    }

    private CompletableFuture<JsonNode> get(String path, RequestPriority priority) {
        priorities.add(priority);
        BudgetDecision decision = budget.tryAcquire(RequestKind.READ, priority);
        if (!decision.isGranted()) {
            return CompletableFuture.failedFuture(new IllegalStateException("request budget refused GET " + path + ": "
                    + decision.reason()));
        }
        return tokens.getValidToken().thenCompose(token -> HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/vnd.bsh.sdk.v1+json")
                        .header("Authorization", "Bearer " + token)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()))
                .thenApply(response -> {
                    budget.recordResponse(response.statusCode());
                    if (response.statusCode() != 200) {
                        throw HomeConnectErrors.fromResponse(response.statusCode(),
                                Map.of("Retry-After", response.headers().firstValue("Retry-After").orElse("")),
                                response.body(), "GET " + path);
                    }
                    try {
                        return JSON.readTree(response.body()).path("data");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
