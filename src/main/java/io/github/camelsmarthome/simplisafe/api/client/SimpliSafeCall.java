package io.github.camelsmarthome.simplisafe.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link RestRequest} from the first attempt to the last. The bearer token comes from the
 * {@link TokenRefresher}; a 401 renews it and sends once more. A repeatable request that met a 5xx
 * or no answer is sent again up to {@link SimpliSafeClientOptions#readRetries()} times after a
 * doubling backoff on a Vert.x timer. Everything else ends the call.
 *
 * @param <T> what the answer body is read into
 */
final class SimpliSafeCall<T> {

    /** The app's user agent (brief section 2); the cloud has been seen to treat unknown clients differently. */
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/15.0 Safari/605.1.15";
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    /** Logged under the client's name: that is the logger users configure. */
    private static final Logger LOG = LoggerFactory.getLogger(SimpliSafeClient.class);

    private final Vertx vertx;
    private final BoundedExchange http;
    private final SimpliSafeClientOptions options;
    private final TokenRefresher tokens;
    private final RestRequest request;
    private final Function<JsonNode, T> reader;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private int retries;
    private boolean tokenRenewed;

    SimpliSafeCall(Vertx vertx, BoundedExchange http, SimpliSafeClientOptions options, TokenRefresher tokens,
            RestRequest request, Function<JsonNode, T> reader) {
        this.vertx = vertx;
        this.http = http;
        this.options = options;
        this.tokens = tokens;
        this.request = request;
        this.reader = reader;
    }

    CompletableFuture<T> start() {
        withValidToken();
        return result;
    }

    private void withValidToken() {
        tokens.getValidToken().whenComplete((token, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                send(token);
            }
        });
    }

    private void send(String token) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", JSON_UTF8)
                .add("Accept", "application/json")
                .add("User-Agent", USER_AGENT)
                .add("Authorization", "Bearer " + token);
        String url = options.apiUrl() + request.path() + (request.query() == null ? "" : "?" + request.query());
        Buffer body = request.body() == null ? null : Buffer.buffer(request.body());
        long started = System.nanoTime();
        http.send(request.method(), url, headers, body, options.connectTimeout(), options.requestTimeout(),
                options.maxBodyBytes()).whenComplete((answer, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        onNoAnswer(unwrap(failure), millis);
                    } else {
                        onAnswer(token, answer, millis);
                    }
                });
    }

    private void onNoAnswer(Throwable failure, long millis) {
        if (failure instanceof BoundedExchange.TooLarge) {
            LOG.debug("SimpliSafe {}: answer dropped after {} ms: {}", request.description(), millis, failure.getMessage());
            result.completeExceptionally(new ResponseTooLargeException(request.description(), 0, null, failure.getMessage()));
            return;
        }
        LOG.debug("SimpliSafe {}: no answer after {} ms: {}", request.description(), millis, failure.getMessage());
        if (mayRepeat()) {
            repeatLater();
            return;
        }
        result.completeExceptionally(new ConnectionFailedException(request.description(), 0, null,
                "no answer: " + failure.getMessage()));
    }

    private void onAnswer(String token, BoundedExchange.Answer answer, long millis) {
        int status = answer.status();
        LOG.debug("SimpliSafe {} -> HTTP {} in {} ms", request.description(), status, millis);
        if (status == 401 && !tokenRenewed) {
            // Tokens die before their exp (P4); the refresher makes this single-flight across calls.
            tokenRenewed = true;
            tokens.refreshAfterRejection(token).whenComplete((fresh, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    send(fresh);
                }
            });
            return;
        }
        if (status >= 500 && mayRepeat()) {
            repeatLater();
            return;
        }
        JsonNode body = ResponseJson.read(answer.body());
        SimpliSafeException error = SimpliSafeErrors.of(request.description(), status, body);
        if (error != null) {
            result.completeExceptionally(error);
            return;
        }
        if (body == ResponseJson.NOT_JSON) {
            result.completeExceptionally(new MalformedResponseException(request.description(), status, null,
                    "HTTP " + status + " with a body that is not JSON"));
            return;
        }
        T value;
        try {
            value = reader.apply(body);
        } catch (RuntimeException unreadable) {
            result.completeExceptionally(new MalformedResponseException(request.description(), status, null,
                    "HTTP " + status + " with an unreadable body: " + unreadable.getMessage()));
            return;
        }
        result.complete(value);
    }

    private boolean mayRepeat() {
        return request.repeatable() && retries < options.readRetries();
    }

    private void repeatLater() {
        long delay = Math.max(1, options.retryBackoff().toMillis() << retries);
        retries++;
        LOG.debug("SimpliSafe {}: repeat {} of {} in {} ms", request.description(), retries, options.readRetries(), delay);
        vertx.setTimer(delay, id -> withValidToken());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
