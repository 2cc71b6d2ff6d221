package io.github.camelsmarthome.homeconnect.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link HomeConnectClient} talks to the cloud. {@link #defaults()} follows the brief
 * (sections 1, 3.3, 6.2 and 9); tests point {@link #baseUrl()} at the simulator.
 *
 * @param baseUrl            the service root without {@code /api}, {@code https://api.home-connect.com} by
 *                           default; {@code https://api.home-connect.cn} for China, the simulator's URL in tests
 * @param connectTimeout     how long a connection may take to open (10 s)
 * @param requestTimeout     how long one attempt may take from sending to the last byte of the answer (30 s)
 * @param acceptLanguage     the default {@code Accept-Language} (e.g. {@code en-GB}), or {@code null} to send none
 * @param maxJsonBytes       the largest JSON answer accepted (4 MiB); larger ones fail without being read
 * @param maxImageBytes      the largest image accepted (16 MiB)
 * @param maxReadRetries     how often a read is repeated after a 5xx, a 408 or a broken connection (2)
 * @param retryBackoff       the wait before the first repetition, doubled for the next (500 ms)
 * @param checkPreconditions whether {@code startProgram} first checks the appliance state of brief section 9
 *                           (connected, remote start allowed, no program active) and refuses without a call (true)
 */
public record HomeConnectClientOptions(
        String baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        String acceptLanguage,
        int maxJsonBytes,
        int maxImageBytes,
        int maxReadRetries,
        Duration retryBackoff,
        boolean checkPreconditions) {

    /** The production service root (brief section 1). */
    public static final String DEFAULT_BASE_URL = "https://api.home-connect.com";
    /** The most repetitions of a read the client allows, to stay clear of the error and minute limits. */
    public static final int MAX_READ_RETRIES = 2;

    /** Validates every value and removes a trailing slash from the base URL. */
    public HomeConnectClientOptions {
        baseUrl = normaliseBaseUrl(baseUrl);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative");
        }
        if (acceptLanguage != null && (acceptLanguage.isBlank() || acceptLanguage.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("acceptLanguage must be a language tag such as en-GB, or null");
        }
        if (maxJsonBytes < 1024 || maxImageBytes < 1024) {
            throw new IllegalArgumentException("maxJsonBytes and maxImageBytes must be at least 1024");
        }
        if (maxReadRetries < 0 || maxReadRetries > MAX_READ_RETRIES) {
            throw new IllegalArgumentException("maxReadRetries must be between 0 and " + MAX_READ_RETRIES);
        }
    }

    /** The brief's recommendations: production URL, 10 s connect, 30 s per request, 2 read retries. */
    public static HomeConnectClientOptions defaults() {
        return new HomeConnectClientOptions(DEFAULT_BASE_URL, Duration.ofSeconds(10), Duration.ofSeconds(30), null,
                4 * 1024 * 1024, 16 * 1024 * 1024, MAX_READ_RETRIES, Duration.ofMillis(500), true);
    }

    /** The same options with another service root. */
    public HomeConnectClientOptions withBaseUrl(String value) {
        return new HomeConnectClientOptions(value, connectTimeout, requestTimeout, acceptLanguage, maxJsonBytes,
                maxImageBytes, maxReadRetries, retryBackoff, checkPreconditions);
    }

    /** The same options with other timeouts. */
    public HomeConnectClientOptions withTimeouts(Duration connect, Duration request) {
        return new HomeConnectClientOptions(baseUrl, connect, request, acceptLanguage, maxJsonBytes, maxImageBytes,
                maxReadRetries, retryBackoff, checkPreconditions);
    }

    /** The same options with another default {@code Accept-Language}. */
    public HomeConnectClientOptions withAcceptLanguage(String value) {
        return new HomeConnectClientOptions(baseUrl, connectTimeout, requestTimeout, value, maxJsonBytes, maxImageBytes,
                maxReadRetries, retryBackoff, checkPreconditions);
    }

    /** The same options with other answer size bounds. */
    public HomeConnectClientOptions withMaxBytes(int json, int image) {
        return new HomeConnectClientOptions(baseUrl, connectTimeout, requestTimeout, acceptLanguage, json, image,
                maxReadRetries, retryBackoff, checkPreconditions);
    }

    /** The same options with another read-retry policy. */
    public HomeConnectClientOptions withReadRetries(int retries, Duration backoff) {
        return new HomeConnectClientOptions(baseUrl, connectTimeout, requestTimeout, acceptLanguage, maxJsonBytes,
                maxImageBytes, retries, backoff, checkPreconditions);
    }

    /** The same options with the {@code startProgram} state check on or off. */
    public HomeConnectClientOptions withCheckPreconditions(boolean value) {
        return new HomeConnectClientOptions(baseUrl, connectTimeout, requestTimeout, acceptLanguage, maxJsonBytes,
                maxImageBytes, maxReadRetries, retryBackoff, value);
    }

    private static String normaliseBaseUrl(String value) {
        Objects.requireNonNull(value, "baseUrl");
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("baseUrl '" + value + "' is not a URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl '" + value + "' must be an http(s) URL such as " + DEFAULT_BASE_URL);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must have no user info, query or fragment: " + uri.getHost());
        }
        return trimmed;
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
