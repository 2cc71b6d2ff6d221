package io.github.camelsmarthome.simplisafe.api.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SimpliSafeClient} reaches the cloud.
 *
 * @param apiUrl          the REST base URL without a trailing slash; {@code https://api.simplisafe.com/v1}
 *                        for the real cloud, the simulator's {@code apiUrl()} in tests
 * @param connectTimeout  the longest a TCP/TLS connect may take
 * @param requestTimeout  the longest one attempt may take, from sending to the last byte of the answer
 * @param maxBodyBytes    answers larger than this are dropped unread ({@link ResponseTooLargeException})
 * @param readRetries     how often a read (GET) is repeated after a 5xx or a lost connection; writes never are
 * @param retryBackoff    the pause before the first repeat; it doubles for each further one
 */
public record SimpliSafeClientOptions(String apiUrl, Duration connectTimeout, Duration requestTimeout, int maxBodyBytes,
        int readRetries, Duration retryBackoff) {

    /** The real cloud's REST base (brief section 1). */
    public static final String CLOUD_API_URL = "https://api.simplisafe.com/v1";
    /** 4 MiB: the largest real answer (a sensors list) is a few tens of KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Checks the values and drops a trailing slash from the URL. */
    public SimpliSafeClientOptions {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalArgumentException("apiUrl must be an http(s) URL");
        }
        while (apiUrl.endsWith("/")) {
            apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (readRetries < 0 || readRetries > 5) {
            throw new IllegalArgumentException("readRetries must be 0 to 5");
        }
    }

    /**
     * The real cloud: 10 s connect, 30 s per attempt ({@code forceUpdate=true} reads are slow, P14),
     * 4 MiB answers, two repeats of a read after 500 ms and 1 s.
     */
    public static SimpliSafeClientOptions defaults() {
        return new SimpliSafeClientOptions(CLOUD_API_URL, Duration.ofSeconds(10), Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES, 2, Duration.ofMillis(500));
    }

    /** These options with another REST base URL. */
    public SimpliSafeClientOptions withApiUrl(String url) {
        return new SimpliSafeClientOptions(url, connectTimeout, requestTimeout, maxBodyBytes, readRetries, retryBackoff);
    }

    /** These options with another read-retry count and first backoff. */
    public SimpliSafeClientOptions withReadRetries(int retries, Duration backoff) {
        return new SimpliSafeClientOptions(apiUrl, connectTimeout, requestTimeout, maxBodyBytes, retries, backoff);
    }

    /** These options with another per-attempt timeout. */
    public SimpliSafeClientOptions withRequestTimeout(Duration timeout) {
        return new SimpliSafeClientOptions(apiUrl, connectTimeout, timeout, maxBodyBytes, readRetries, retryBackoff);
    }

    /** These options with another answer size limit. */
    public SimpliSafeClientOptions withMaxBodyBytes(int bytes) {
        return new SimpliSafeClientOptions(apiUrl, connectTimeout, requestTimeout, bytes, readRetries, retryBackoff);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
