package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link HomeConnectAuthorization} needs to talk to the OAuth endpoints (developer brief,
 * section 2). {@link #toString()} never shows the client secret.
 *
 * @param baseUrl             the service root, {@code https://api.home-connect.com} by default; OAuth lives
 *                            under {@code /security/oauth}
 * @param clientId            the application's client id from the developer portal
 * @param clientSecret        the client secret; {@code null} for device-flow apps without one (a wrong secret
 *                            is refused with {@code invalid_client}, so none is sent unless configured)
 * @param scope               the scopes asked for, space-separated
 * @param connectTimeout      connection timeout (10 s)
 * @param requestTimeout      timeout of one token-endpoint call (30 s)
 * @param minimumPollInterval the shortest pause between device-flow polls, whatever the server's
 *                            {@code interval}: 6 s keeps under the 10 token requests per minute (brief section 2.3)
 * @param slowDownStep        what a {@code slow_down} answer adds to the poll interval: 5 s (RFC 8628)
 */
public record HomeConnectOAuthOptions(
        String baseUrl,
        String clientId,
        String clientSecret,
        String scope,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration minimumPollInterval,
        Duration slowDownStep) {

    /** The scopes homebridge asks for and the brief recommends (section 2.1). */
    public static final String DEFAULT_SCOPE = "IdentifyAppliance Monitor Control Settings";
    /** 60 s / 10 requests: the shortest device-flow poll spacing that stays under the token-endpoint limit. */
    public static final Duration DEFAULT_MINIMUM_POLL_INTERVAL = Duration.ofSeconds(6);

    /** Validates the values and normalises the base URL like {@link HomeConnectClientOptions} does. */
    public HomeConnectOAuthOptions {
        baseUrl = HomeConnectClientOptions.defaults().withBaseUrl(baseUrl).baseUrl();
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        clientId = clientId.strip();
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
        scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(minimumPollInterval, "minimumPollInterval");
        Objects.requireNonNull(slowDownStep, "slowDownStep");
        if (minimumPollInterval.isNegative() || slowDownStep.isNegative()) {
            throw new IllegalArgumentException("minimumPollInterval and slowDownStep must not be negative");
        }
    }

    /** Production URL, default scopes, the brief's timeouts and poll spacing. */
    public static HomeConnectOAuthOptions of(String baseUrl, String clientId, String clientSecret) {
        return new HomeConnectOAuthOptions(baseUrl, clientId, clientSecret, DEFAULT_SCOPE, Duration.ofSeconds(10),
                Duration.ofSeconds(30), DEFAULT_MINIMUM_POLL_INTERVAL, Duration.ofSeconds(5));
    }

    /** The same options asking for other scopes. */
    public HomeConnectOAuthOptions withScope(String value) {
        return new HomeConnectOAuthOptions(baseUrl, clientId, clientSecret, value, connectTimeout, requestTimeout,
                minimumPollInterval, slowDownStep);
    }

    /** The same options with other device-flow pacing; shorter than the defaults only against a local simulator. */
    public HomeConnectOAuthOptions withPolling(Duration minimumInterval, Duration slowDown) {
        return new HomeConnectOAuthOptions(baseUrl, clientId, clientSecret, scope, connectTimeout, requestTimeout,
                minimumInterval, slowDown);
    }

    /** Whether a client secret is configured. */
    public boolean hasClientSecret() {
        return clientSecret != null;
    }

    /** Shows everything but the client secret, which is only said to be set or not. */
    @Override
    public String toString() {
        return "HomeConnectOAuthOptions[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "[redacted]") + ", scope=" + scope + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", minimumPollInterval=" + minimumPollInterval
                + ", slowDownStep=" + slowDownStep + "]";
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
