package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Form posts to the OAuth endpoints ({@code /security/oauth/token}, {@code .../device_authorization}):
 * form-encoded in, plain OAuth JSON out (brief sections 2.2 to 2.5). A 200 answers the JSON
 * object; anything else fails with an {@link OAuthEndpointException} carrying the OAuth
 * {@code error}, which the flows turn into what it means for them. Form values are never logged:
 * they are codes, tokens and the client secret.
 */
final class TokenEndpoint {

    static final String TOKEN_PATH = "/security/oauth/token";
    static final String DEVICE_AUTHORIZATION_PATH = "/security/oauth/device_authorization";

    /** A token answer is a few hundred bytes; an error page is larger, but never this large. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectAuthorization.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpRoundTrip http;
    private final HomeConnectOAuthOptions options;
    private final RequestBudget budget;
    private final Clock clock;

    /** {@code budget} may be {@code null}: the one-time login of the runner has none. */
    TokenEndpoint(HttpRoundTrip http, HomeConnectOAuthOptions options, RequestBudget budget, Clock clock) {
        this.http = http;
        this.options = options;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * Posts {@code form} to {@code path}. {@code purpose} names the call in logs and messages
     * (e.g. {@code "refresh_token grant"}); it must carry no form value.
     */
    CompletableFuture<JsonNode> post(String path, Map<String, String> form, String purpose) {
        String endpoint = "Home Connect " + path + " (" + purpose + ")";
        if (budget != null) {
            BudgetDecision decision = budget.tryAcquire(RequestKind.TOKEN, RequestPriority.HIGH);
            if (!decision.isGranted()) {
                return CompletableFuture.failedFuture(new RequestBudgetRefusedException("POST " + path + " (" + purpose + ")",
                        decision, RequestKind.TOKEN, RequestPriority.HIGH));
            }
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/x-www-form-urlencoded")
                .add("Accept", "application/json")
                .add("User-Agent", HomeConnectCall.USER_AGENT);
        long started = System.nanoTime();
        return http.send(HttpMethod.POST, options.baseUrl() + path, headers, Buffer.buffer(encode(form)),
                options.connectTimeout(), options.requestTimeout(), MAX_ANSWER_BYTES).handle((answer, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = HomeConnectCall.unwrap(failure);
                        LOG.debug("{}: no answer after {} ms ({})", endpoint, millis, cause.getClass().getSimpleName());
                        throw new OAuthEndpointException(endpoint, 0, null, ErrorTextSanitizer.clean(cause.getMessage(), 200),
                                null, "Check the network and HOMECONNECT_API_URL; try again.");
                    }
                    LOG.debug("{} answered {} in {} ms", endpoint, answer.status(), millis);
                    return read(answer, endpoint);
                });
    }

    private JsonNode read(HttpRoundTrip.Answer answer, String endpoint) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() == 200) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json != null && json.isObject()) {
                    return json;
                }
            } catch (IOException malformed) {
                // Falls through: parser messages may quote the body, which holds tokens.
            }
            throw new OAuthEndpointException(endpoint, 200, null, "the answer is not a JSON object", null,
                    "Check HOMECONNECT_API_URL: it must be the Home Connect service root.");
        }
        ErrorEnvelope envelope = ErrorEnvelope.parse(body);
        String error = ErrorTextSanitizer.clean(envelope.key(), HomeConnectErrors.MAX_KEY_CHARS);
        String description = ErrorTextSanitizer.clean(envelope.description(), HomeConnectErrors.MAX_DESCRIPTION_CHARS);
        Duration retryAfter = null;
        if (answer.status() == 429 || "429".equals(error)) {
            retryAfter = RetryAfter.fromHeader(answer.header("Retry-After"), clock.instant())
                    .or(() -> RetryAfter.fromDescription(description)).orElse(HomeConnectErrors.DEFAULT_RETRY_AFTER);
            if (budget != null) {
                budget.onRateLimited(retryAfter, RateLimit.TOKEN_ENDPOINT);
            }
        }
        throw new OAuthEndpointException(endpoint, answer.status(), error, description, retryAfter, adviceFor(error));
    }

    /** What a person can do about each error of brief section 2.5. */
    static String adviceFor(String error) {
        return switch (Optional.ofNullable(error).orElse("")) {
            case "invalid_grant" -> "The grant is invalid or expired; authorise the account again.";
            case "invalid_client" -> "Check HOMECONNECT_CLIENT_SECRET (set it only if the app has one) and that the "
                    + "Home Connect account is the app's test user in the developer portal.";
            case "unauthorized_client" -> "Check the client id, the app's OAuth flow and its redirect URI in the "
                    + "developer portal; changes there take up to an hour to apply.";
            case "invalid_request" -> "A parameter was missing or wrong, for example the redirect URI.";
            case "429" -> "Too many token requests; wait before trying again.";
            default -> "Try again later; if it persists, check the application in the developer portal.";
        };
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder(256);
        form.forEach((name, value) -> {
            if (value != null) {
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }
}
