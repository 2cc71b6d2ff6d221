package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.SmarthomeVersion;
import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link HomeConnectRequest} from the first attempt to the last: the budget is asked before
 * every attempt, the bearer token comes from the {@link TokenRefresher}, a 401 renews the token
 * and repeats once, a 429 blocks the budget, and a read that met a 5xx, a 408 or a broken
 * connection is repeated at most {@link HomeConnectClientOptions#maxReadRetries()} times after a
 * doubling backoff. Every answer's status is reported to the budget. Completes on a Vert.x
 * thread or, when refused up front, on the caller's.
 */
final class HomeConnectCall {

    static final String BSH_JSON = "application/vnd.bsh.sdk.v1+json";
    static final String USER_AGENT = "camel-smarthome/" + SmarthomeVersion.get()
            + " (+https://github.com/camel-smarthome/camel-smarthome)";

    /** Logged under the client's name: that is the logger users configure. */
    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpRoundTrip http;
    private final HomeConnectClientOptions options;
    private final TokenRefresher tokens;
    private final RequestBudget budget;
    private final HomeConnectRequest request;
    private final HomeConnectOperation operation;
    private final CompletableFuture<HomeConnectResponse> result = new CompletableFuture<>();
    private String path;
    private String description;
    private Buffer body;
    private int readRetries;
    private boolean tokenRenewed;

    HomeConnectCall(Vertx vertx, HttpRoundTrip http, HomeConnectClientOptions options, TokenRefresher tokens,
            RequestBudget budget, HomeConnectRequest request) {
        this.vertx = vertx;
        this.http = http;
        this.options = options;
        this.tokens = tokens;
        this.budget = budget;
        this.request = request;
        this.operation = request.operation();
    }

    /** Starts the call; the future fails with a {@link HomeConnectException}, or with the refresher's exception. */
    CompletableFuture<HomeConnectResponse> start() {
        try {
            path = ApiPath.of(operation, request.haId(), request.key());
            body = operation.sendsBody() ? encodeBody() : null;
        } catch (IllegalArgumentException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        description = operation + " " + operation.method() + " " + path;
        if (tokens.status().state() == AuthState.AUTH_REQUIRED) {
            // Fails at once with what the user must do; asking the budget first would count a call never sent.
            tokens.getValidToken().whenComplete((token, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    attempt(CompletableFuture.completedFuture(token));
                }
            });
        } else {
            attempt(null);
        }
        return result;
    }

    /** Asks the budget, then sends with {@code token}, or with a valid token when {@code null}. */
    private void attempt(CompletionStage<String> token) {
        BudgetDecision decision = budget.tryAcquire(operation.kind(), request.priority());
        if (!decision.isGranted()) {
            result.completeExceptionally(new RequestBudgetRefusedException(description, decision, operation.kind(),
                    request.priority()));
            return;
        }
        (token != null ? token : tokens.getValidToken()).whenComplete((bearer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                send(bearer);
            }
        });
    }

    private void send(String bearer) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", operation.answersBytes() ? "image/*, " + BSH_JSON : BSH_JSON)
                .add("User-Agent", USER_AGENT)
                .add("Authorization", "Bearer " + bearer);
        String language = request.acceptLanguage() != null ? request.acceptLanguage() : options.acceptLanguage();
        if (language != null) {
            headers.add("Accept-Language", language);
        }
        if (body != null) {
            headers.add("Content-Type", BSH_JSON);
        }
        int maxBytes = operation.answersBytes() ? options.maxImageBytes() : options.maxJsonBytes();
        long started = System.nanoTime();
        http.send(HttpMethod.valueOf(operation.method()), options.baseUrl() + path, headers, body, options.connectTimeout(),
                options.requestTimeout(), maxBytes).whenComplete((answer, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    try {
                        if (failure != null) {
                            onNoAnswer(unwrap(failure), millis);
                        } else {
                            onAnswer(answer, bearer, millis);
                        }
                    } catch (RuntimeException bug) {
                        result.completeExceptionally(bug);
                    }
                });
    }

    private void onAnswer(HttpRoundTrip.Answer answer, String bearer, long millis) {
        int status = answer.status();
        budget.recordResponse(status);
        LOG.debug("Home Connect {} answered {} in {} ms", description, status, millis);
        if (status >= 200 && status < 300) {
            result.complete(success(answer));
            return;
        }
        if (status == 401 && !tokenRenewed) {
            tokenRenewed = true;
            LOG.debug("Home Connect {}: access token rejected; renewing it and repeating the call once", description);
            attempt(tokens.refreshAfterRejection(bearer));
            return;
        }
        HomeConnectException error = HomeConnectErrors.fromResponse(status, answer.headers(),
                new String(answer.body(), StandardCharsets.UTF_8), description);
        if (error instanceof RateLimitedException rateLimited) {
            budget.onRateLimited(rateLimited);
            result.completeExceptionally(rateLimited);
            return;
        }
        if ((status >= 500 || status == 408) && retryRead(error)) {
            return;
        }
        result.completeExceptionally(error);
    }

    private void onNoAnswer(Throwable failure, long millis) {
        if (failure instanceof HttpRoundTrip.TooLarge tooLarge) {
            budget.recordResponse(tooLarge.status);
            result.completeExceptionally(new ResponseTooLargeException(new ErrorDetails(tooLarge.status, null, null, null,
                    description, tooLarge.getMessage())));
            return;
        }
        if (failure instanceof HttpRoundTrip.NoAnswer noAnswer) {
            LOG.debug("Home Connect {}: no answer after {} ms ({})", description, millis, noAnswer.getMessage());
            if (noAnswer.timedOut) {
                // Not repeated: another full wait would hold the caller for minutes.
                result.completeExceptionally(HomeConnectErrors.noResponse(description, options.requestTimeout()));
                return;
            }
            ConnectionFailedException broken = new ConnectionFailedException(new ErrorDetails(0, null, null, null,
                    description, "connection failed: " + ErrorTextSanitizer.clean(noAnswer.getMessage(), 200)));
            if (!retryRead(broken)) {
                result.completeExceptionally(broken);
            }
            return;
        }
        result.completeExceptionally(failure);
    }

    /** Schedules a repetition of a read; {@code false} when none may follow (a write, or retries used up). */
    private boolean retryRead(HomeConnectException cause) {
        if (!operation.isIdempotentRead() || readRetries >= options.maxReadRetries()) {
            return false;
        }
        Duration wait = options.retryBackoff().multipliedBy(1L << readRetries);
        readRetries++;
        LOG.debug("Home Connect {} failed ({}); repeating it in {} ms, attempt {} of {}", description,
                cause.httpStatus() == 0 ? "no answer" : "HTTP " + cause.httpStatus(), wait.toMillis(), readRetries + 1,
                options.maxReadRetries() + 1);
        Runnable again = () -> {
            BudgetDecision decision = budget.tryAcquire(operation.kind(), request.priority());
            if (!decision.isGranted()) {
                LOG.debug("Home Connect {}: the request budget refused the repetition ({})", description, decision);
                result.completeExceptionally(cause);
                return;
            }
            tokens.getValidToken().whenComplete((bearer, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    send(bearer);
                }
            });
        };
        if (wait.isZero()) {
            vertx.runOnContext(v -> again.run());
        } else {
            vertx.setTimer(wait.toMillis(), id -> again.run());
        }
        return true;
    }

    private HomeConnectResponse success(HttpRoundTrip.Answer answer) {
        byte[] bytes = answer.body();
        if (operation.answersBytes() && answer.status() == 200) {
            return new HomeConnectResponse(operation, request.haId(), answer.status(), null, bytes,
                    answer.header("Content-Type"), budget.remaining());
        }
        JsonNode data = null;
        if (bytes.length > 0) {
            JsonNode envelope;
            try {
                envelope = JSON.readTree(bytes);
            } catch (IOException malformed) {
                throw unexpected(answer.status(), "the answer is not JSON");
            }
            if (envelope == null || !envelope.isObject() || !envelope.has("data")) {
                throw unexpected(answer.status(), "the answer is not the {\"data\": ...} envelope");
            }
            data = envelope.get("data");
        }
        return new HomeConnectResponse(operation, request.haId(), answer.status(), data, null,
                answer.header("Content-Type"), budget.remaining());
    }

    private UnexpectedResponseException unexpected(int status, String note) {
        return new UnexpectedResponseException(new ErrorDetails(status, null, null, null, description, note));
    }

    /** {@code {"data": ...}}; a single-key write gets its path key when the caller left it out. */
    private Buffer encodeBody() {
        JsonNode data = request.data();
        if (operation.needsKey()) {
            if (data == null || data.isNull() || data.isMissingNode()) {
                ObjectNode command = JsonNodeFactory.instance.objectNode();
                command.put("key", request.key());
                command.put("value", true);
                data = command;
            } else if (data.isObject() && !data.has("key")) {
                ObjectNode withKey = JsonNodeFactory.instance.objectNode();
                withKey.put("key", request.key());
                withKey.setAll((ObjectNode) data);
                data = withKey;
            }
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("data", data);
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(envelope));
        } catch (JsonProcessingException cannotWrite) {
            throw new IllegalArgumentException(operation + ": the body cannot be written as JSON", cannotWrite);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
