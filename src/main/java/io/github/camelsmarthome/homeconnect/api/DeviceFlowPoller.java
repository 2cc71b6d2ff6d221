package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the token endpoint until a device-flow login is approved, refused or expired (RFC 8628
 * section 3.5, brief section 2.3): every {@code interval}, never more often than the configured
 * minimum (6 s keeps under 10 requests a minute), {@code slow_down} adds its step for good,
 * a 429 waits for its {@code Retry-After}, and a missing answer or 5xx is simply polled again.
 * Stops when the caller cancels the returned future.
 */
final class DeviceFlowPoller {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectAuthorization.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "Home Connect " + TokenEndpoint.TOKEN_PATH + " (device_code grant)";

    private final Vertx vertx;
    private final TokenEndpoint endpoint;
    private final HomeConnectOAuthOptions options;
    private final Clock clock;

    DeviceFlowPoller(Vertx vertx, TokenEndpoint endpoint, HomeConnectOAuthOptions options, Clock clock) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.options = options;
        this.clock = clock;
    }

    CompletableFuture<OAuthTokens> await(DeviceAuthorization login, DevicePollListener listener) {
        CompletableFuture<OAuthTokens> result = new CompletableFuture<>();
        Duration interval = longer(login.interval(), options.minimumPollInterval());
        schedule(login, listener, result, interval, interval);
        return result;
    }

    private void poll(DeviceAuthorization login, DevicePollListener listener, CompletableFuture<OAuthTokens> result,
            Duration interval) {
        if (result.isDone()) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "device_code");
        form.put("device_code", login.deviceCode());
        form.put("client_id", options.clientId());
        form.put("client_secret", options.clientSecret());
        endpoint.post(TokenEndpoint.TOKEN_PATH, form, "device_code grant").whenComplete((json, failure) -> {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure == null) {
                    result.complete(tokensFrom(json, clock.instant()));
                    return;
                }
                onRefusal(HomeConnectCall.unwrap(failure), login, listener, result, interval);
            } catch (RuntimeException unexpected) {
                result.completeExceptionally(unexpected);
            }
        });
    }

    private void onRefusal(Throwable cause, DeviceAuthorization login, DevicePollListener listener,
            CompletableFuture<OAuthTokens> result, Duration interval) {
        if (cause instanceof RequestBudgetRefusedException refused) {
            Duration wait = refused.freesAt().map(at -> Duration.between(clock.instant(), at)).orElse(interval);
            next(login, listener, result, DevicePollListener.Outcome.RATE_LIMITED, interval, longer(wait, interval));
            return;
        }
        if (!(cause instanceof OAuthEndpointException refusal)) {
            result.completeExceptionally(cause);
            return;
        }
        String error = refusal.error() == null ? "" : refusal.error();
        switch (error) {
            case "authorization_pending" -> next(login, listener, result, DevicePollListener.Outcome.PENDING, interval, interval);
            case "slow_down" -> {
                Duration slower = interval.plus(options.slowDownStep());
                LOG.debug("{}: slow_down; polling every {} s from now on", ENDPOINT, slower.toSeconds());
                next(login, listener, result, DevicePollListener.Outcome.SLOW_DOWN, slower, slower);
            }
            case "expired_token" -> result.completeExceptionally(new DeviceAuthorizationExpiredException(ENDPOINT,
                    refusal.httpStatus(), refusal.description().orElse(null)));
            case "access_denied" -> result.completeExceptionally(new AuthorizationDeniedException(ENDPOINT,
                    refusal.httpStatus(), error, refusal.description().orElse(null)));
            default -> {
                if (refusal.httpStatus() == 429 || refusal.retryAfter().isPresent()) {
                    Duration wait = longer(refusal.retryAfter().orElse(interval), interval);
                    next(login, listener, result, DevicePollListener.Outcome.RATE_LIMITED, interval, wait);
                } else if (refusal.httpStatus() == 0 || refusal.httpStatus() >= 500) {
                    next(login, listener, result, DevicePollListener.Outcome.TRANSIENT_FAILURE, interval, interval);
                } else {
                    result.completeExceptionally(refusal);
                }
            }
        }
    }

    private void next(DeviceAuthorization login, DevicePollListener listener, CompletableFuture<OAuthTokens> result,
            DevicePollListener.Outcome outcome, Duration interval, Duration wait) {
        try {
            listener.polled(outcome, wait);
        } catch (RuntimeException listenerFailure) {
            LOG.debug("Device poll listener failed: {}", listenerFailure.getClass().getSimpleName());
        }
        schedule(login, listener, result, interval, wait);
    }

    /** Polls after {@code wait}, or fails at the expiry when that comes first. */
    private void schedule(DeviceAuthorization login, DevicePollListener listener, CompletableFuture<OAuthTokens> result,
            Duration interval, Duration wait) {
        Instant now = clock.instant();
        if (!now.plus(wait).isBefore(login.expiresAt())) {
            long untilExpiry = Math.max(1, Duration.between(now, login.expiresAt()).toMillis());
            vertx.setTimer(untilExpiry, id -> result.completeExceptionally(new DeviceAuthorizationExpiredException(ENDPOINT, 0,
                    "the user code expired at " + login.expiresAt() + " before the login was approved")));
            return;
        }
        vertx.setTimer(Math.max(1, wait.toMillis()), id -> poll(login, listener, result, interval));
    }

    static OAuthTokens tokensFrom(JsonNode json, Instant receivedAt) {
        Map<String, Object> fields = JSON.convertValue(json, new TypeReference<Map<String, Object>>() { });
        try {
            return OAuthTokens.fromTokenResponse(fields, receivedAt);
        } catch (IllegalArgumentException malformed) {
            throw new OAuthEndpointException("Home Connect " + TokenEndpoint.TOKEN_PATH, 200, null, malformed.getMessage(), null,
                    "The token answer was unusable; try again.");
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
