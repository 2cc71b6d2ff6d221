package io.github.camelsmarthome.simplisafe.api.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the SimpliSafe login talks to, and how long one call may take.
 *
 * @param authUrl  the Auth0 tenant, {@code https://auth.simplisafe.com} (the simulator's {@code authUrl()} in tests);
 *                 {@code /authorize} and {@code /oauth/token} are below it
 * @param apiUrl   the REST base, {@code https://api.simplisafe.com/v1}; {@code /api/authCheck} is below it
 * @param deadline the longest one HTTP exchange may take, connect to last byte
 */
public record SimpliSafeAuthOptions(String authUrl, String apiUrl, Duration deadline) {

    /** The real tenant. */
    public static final String DEFAULT_AUTH_URL = "https://auth.simplisafe.com";
    /** The real REST base. */
    public static final String DEFAULT_API_URL = "https://api.simplisafe.com/v1";
    /** Long enough for a slow tenant, short enough that a person is not left waiting. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /** Checks both URLs are absolute http(s) URLs and drops a trailing slash. */
    public SimpliSafeAuthOptions {
        authUrl = checkedUrl("authUrl", authUrl);
        apiUrl = checkedUrl("apiUrl", apiUrl);
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }

    /** The real cloud with the default deadline. */
    public static SimpliSafeAuthOptions defaults() {
        return of(DEFAULT_AUTH_URL, DEFAULT_API_URL);
    }

    /** The given URLs ({@code null} or blank: the real cloud's) with the default deadline. */
    public static SimpliSafeAuthOptions of(String authUrl, String apiUrl) {
        return new SimpliSafeAuthOptions(authUrl == null || authUrl.isBlank() ? DEFAULT_AUTH_URL : authUrl,
                apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl, DEFAULT_DEADLINE);
    }

    /** A copy with another deadline. */
    public SimpliSafeAuthOptions withDeadline(Duration deadline) {
        return new SimpliSafeAuthOptions(authUrl, apiUrl, deadline);
    }

    private static String checkedUrl(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(name + " is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
        }
        return url;
    }
}
