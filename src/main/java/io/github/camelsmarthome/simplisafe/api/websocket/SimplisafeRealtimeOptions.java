package io.github.camelsmarthome.simplisafe.api.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link SimplisafeRealtimeClient} connects and decides that a connection is dead (brief 6.1,
 * 8 and 9).
 *
 * @param url                    the websocket, {@code ws://} or {@code wss://}; {@value #CLOUD_URL} for the real cloud
 * @param pingInterval           a ping frame is sent this often (simplipy: 55 s)
 * @param pongTimeout            no pong this long after a ping means the connection is dead (simplipy: about 27 s)
 * @param subscribedTimeout      no subscribed message this long after the upgrade means reconnect (brief 9 rule 1: about 10 s)
 * @param connectTimeout         the longest the TCP connect and the upgrade handshake may take (homebridge: 5 s)
 * @param initialBackoff         the first pause before reconnecting; it doubles per failure, with jitter, and is reset by a subscribed message
 * @param maxBackoff             the longest such pause; also the pause when the account must be authorised again
 * @param refusalsBeforeRestOnly after this many HTTP 403 upgrade answers in a row realtime is switched off for {@code refusedBackoff} (brief 11 P1)
 * @param refusedBackoff         how long realtime stays off then; each further 403 after it doubles the pause, up to {@link #MAX_REFUSED_BACKOFF}
 * @param silenceWatchdog        reconnect after this long without any text message; {@link Duration#ZERO} switches it off (brief 9 rule 4: optional and noisy)
 * @param userAgent              sent as the {@code User-Agent} header and as the {@code source} of identify
 */
public record SimplisafeRealtimeOptions(String url, Duration pingInterval, Duration pongTimeout, Duration subscribedTimeout,
        Duration connectTimeout, Duration initialBackoff, Duration maxBackoff, int refusalsBeforeRestOnly,
        Duration refusedBackoff, Duration silenceWatchdog, String userAgent) {

    /** The real cloud's websocket (brief 6.1). */
    public static final String CLOUD_URL = "wss://socketlink.prd.aser.simplisafe.com";
    /** The User-Agent the SimpliSafe web app sends, as simplipy and homebridge do (brief 6.3). */
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/15.0 Safari/605.1.15";
    /** The longest realtime stays off after repeated refusals, unless {@code refusedBackoff} itself is longer. */
    public static final Duration MAX_REFUSED_BACKOFF = Duration.ofHours(8);

    /** Checks every value. */
    public SimplisafeRealtimeOptions {
        Objects.requireNonNull(url, "url");
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URI: " + e.getReason());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || parsed.getHost() == null) {
            throw new IllegalArgumentException("url must be a ws:// or wss:// URL with a host");
        }
        if (parsed.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry user information");
        }
        positive(pingInterval, "pingInterval");
        positive(pongTimeout, "pongTimeout");
        positive(subscribedTimeout, "subscribedTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
        if (refusalsBeforeRestOnly < 1) {
            throw new IllegalArgumentException("refusalsBeforeRestOnly must be at least 1, was " + refusalsBeforeRestOnly);
        }
        positive(refusedBackoff, "refusedBackoff");
        Objects.requireNonNull(silenceWatchdog, "silenceWatchdog");
        if (silenceWatchdog.isNegative()) {
            throw new IllegalArgumentException("silenceWatchdog must not be negative");
        }
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable text");
        }
    }

    /** The real cloud: ping 55 s, pong 27 s, subscribed 10 s, connect 5 s, back-off 1 s to 5 min, 3 refusals then 2 h, no silence watchdog. */
    public static SimplisafeRealtimeOptions defaults() {
        return new SimplisafeRealtimeOptions(CLOUD_URL, Duration.ofSeconds(55), Duration.ofSeconds(27), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5), 3, Duration.ofHours(2), Duration.ZERO,
                DEFAULT_USER_AGENT);
    }

    /** These options with another websocket URL (the simulator's {@code webSocketUrl()} in tests). */
    public SimplisafeRealtimeOptions withUrl(String newUrl) {
        return new SimplisafeRealtimeOptions(newUrl, pingInterval, pongTimeout, subscribedTimeout, connectTimeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, userAgent);
    }

    /** These options with another ping interval and pong timeout. */
    public SimplisafeRealtimeOptions withPing(Duration interval, Duration timeout) {
        return new SimplisafeRealtimeOptions(url, interval, timeout, subscribedTimeout, connectTimeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, userAgent);
    }

    /** These options with another subscribed timeout. */
    public SimplisafeRealtimeOptions withSubscribedTimeout(Duration timeout) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, timeout, connectTimeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, userAgent);
    }

    /** These options with another connect timeout. */
    public SimplisafeRealtimeOptions withConnectTimeout(Duration timeout) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, subscribedTimeout, timeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, userAgent);
    }

    /** These options with another reconnect back-off range. */
    public SimplisafeRealtimeOptions withBackoff(Duration initial, Duration max) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, subscribedTimeout, connectTimeout, initial,
                max, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, userAgent);
    }

    /** These options with another 403 rule: after {@code refusals} in a row, realtime is off for {@code backoff}. */
    public SimplisafeRealtimeOptions withRefusals(int refusals, Duration backoff) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, subscribedTimeout, connectTimeout, initialBackoff,
                maxBackoff, refusals, backoff, silenceWatchdog, userAgent);
    }

    /** These options with the silence watchdog at {@code silence} ({@link Duration#ZERO}: off). */
    public SimplisafeRealtimeOptions withSilenceWatchdog(Duration silence) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, subscribedTimeout, connectTimeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silence, userAgent);
    }

    /** These options with another User-Agent. */
    public SimplisafeRealtimeOptions withUserAgent(String agent) {
        return new SimplisafeRealtimeOptions(url, pingInterval, pongTimeout, subscribedTimeout, connectTimeout, initialBackoff,
                maxBackoff, refusalsBeforeRestOnly, refusedBackoff, silenceWatchdog, agent);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
