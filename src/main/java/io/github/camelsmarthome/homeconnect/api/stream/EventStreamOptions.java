package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.SmarthomeVersion;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link HomeConnectEventStream} connects, times out, backs off and resyncs. Defaults follow
 * the developer brief (sections 3.3, 8.6, 8.7); every wait is configurable so tests run in seconds.
 * Immutable; build with {@link #builder(String, String)}.
 */
public final class EventStreamOptions {

    /** openHAB's waits for repeated 401s within an hour (brief 8.7 rule 2). */
    public static final List<Duration> DEFAULT_UNAUTHORIZED_LADDER = List.of(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
            Duration.ofSeconds(600));

    private final Builder b;

    private EventStreamOptions(Builder builder) {
        this.b = builder.copy();
    }

    /**
     * Starts options for one account.
     *
     * @param account names the account in logs, in the state file and as the {@code deviceId} of
     *     its {@code stream_reconnected} events, e.g. {@code default}; no secret
     * @param baseUrl the cloud's base URL without {@code /api}, e.g. {@code https://api.home-connect.com}
     */
    public static Builder builder(String account, String baseUrl) {
        return new Builder(account, baseUrl);
    }

    /** The account name. */
    public String account() { return b.account; }

    /** The base URL without a trailing slash. */
    public String baseUrl() { return b.baseUrl; }

    /** TCP/TLS connect timeout (10 s, brief 3.3). */
    public Duration connectTimeout() { return b.connectTimeout; }

    /** No byte at all for this long means the stream is dead (90 s, brief 8.6). */
    public Duration readTimeout() { return b.readTimeout; }

    /** No complete line for this long means the stream is dead, whatever bytes arrive (120 s, brief 8.6). */
    public Duration watchdogTimeout() { return b.watchdogTimeout; }

    /**
     * An appliance in Run that sent no event for this long has its status read once; if that
     * disagrees with the stream, the stream is reopened (180 s, three progress cadences; brief 8.7
     * rule 9).
     */
    public Duration silentStallTimeout() { return b.silentStallTimeout; }

    /** The first wait after a failure (10 s, brief 8.7 rule 2). */
    public Duration initialBackoff() { return b.initialBackoff; }

    /** The longest wait after repeated failures (1 h). */
    public Duration maxBackoff() { return b.maxBackoff; }

    /** Each further failure multiplies the wait by this (2). */
    public double backoffMultiplier() { return b.backoffMultiplier; }

    /** Each wait is varied by up to this share either way, so many bridges do not reconnect in step (0.2). */
    public double backoffJitter() { return b.backoffJitter; }

    /** Waits after the first, second ... 401 within {@link #unauthorizedWindow()}; the last repeats. */
    public List<Duration> unauthorizedLadder() { return b.unauthorizedLadder; }

    /** The window in which 401s count as repeated (1 h). */
    public Duration unauthorizedWindow() { return b.unauthorizedWindow; }

    /** The wait after a 429 that names none (60 s, brief 8.7 rule 3). */
    public Duration defaultRetryAfter() { return b.defaultRetryAfter; }

    /** The priority of every resync read: NORMAL (brief section 7: user commands before resync before optional reads). */
    public RequestPriority resyncPriority() { return b.resyncPriority; }

    /** Re-reads of one appliance allowed per {@link #applianceRefreshWindow()} (8, brief 8.7 rule 6). */
    public int applianceRefreshLimit() { return b.applianceRefreshLimit; }

    /** The window of {@link #applianceRefreshLimit()} (60 min). */
    public Duration applianceRefreshWindow() { return b.applianceRefreshWindow; }

    /** Changed state is written at most this often (5 s), and at stop. */
    public Duration stateSaveDelay() { return b.stateSaveDelay; }

    /** Events handed to the listener whose stage has not completed before reading pauses (1: strictly one at a time). */
    public int maxEventsInFlight() { return b.maxEventsInFlight; }

    /** The {@code Accept-Language} header, or {@code null} for none. */
    public String acceptLanguage() { return b.acceptLanguage; }

    /** The {@code User-Agent} header. */
    public String userAgent() { return b.userAgent; }

    /** The clock for event times and the 401 and refresh windows; waits themselves run on Vert.x timers. */
    public Clock clock() { return b.clock; }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private final String account;
        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(90);
        private Duration watchdogTimeout = Duration.ofSeconds(120);
        private Duration silentStallTimeout = Duration.ofSeconds(180);
        private Duration initialBackoff = Duration.ofSeconds(10);
        private Duration maxBackoff = Duration.ofHours(1);
        private double backoffMultiplier = 2.0;
        private double backoffJitter = 0.2;
        private List<Duration> unauthorizedLadder = DEFAULT_UNAUTHORIZED_LADDER;
        private Duration unauthorizedWindow = Duration.ofHours(1);
        private Duration defaultRetryAfter = Duration.ofSeconds(60);
        private RequestPriority resyncPriority = RequestPriority.NORMAL;
        private int applianceRefreshLimit = 8;
        private Duration applianceRefreshWindow = Duration.ofMinutes(60);
        private Duration stateSaveDelay = Duration.ofSeconds(5);
        private int maxEventsInFlight = 1;
        private String acceptLanguage;
        private String userAgent = "camel-smarthome/" + SmarthomeVersion.get();
        private Clock clock = Clock.systemUTC();

        private Builder(String account, String baseUrl) {
            if (account == null || account.isBlank()) {
                throw new IllegalArgumentException("account must not be blank");
            }
            if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL, e.g. https://api.home-connect.com");
            }
            this.account = account;
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        private Builder copy() {
            Builder copy = new Builder(account, baseUrl);
            copy.connectTimeout = connectTimeout;
            copy.readTimeout = readTimeout;
            copy.watchdogTimeout = watchdogTimeout;
            copy.silentStallTimeout = silentStallTimeout;
            copy.initialBackoff = initialBackoff;
            copy.maxBackoff = maxBackoff;
            copy.backoffMultiplier = backoffMultiplier;
            copy.backoffJitter = backoffJitter;
            copy.unauthorizedLadder = unauthorizedLadder;
            copy.unauthorizedWindow = unauthorizedWindow;
            copy.defaultRetryAfter = defaultRetryAfter;
            copy.resyncPriority = resyncPriority;
            copy.applianceRefreshLimit = applianceRefreshLimit;
            copy.applianceRefreshWindow = applianceRefreshWindow;
            copy.stateSaveDelay = stateSaveDelay;
            copy.maxEventsInFlight = maxEventsInFlight;
            copy.acceptLanguage = acceptLanguage;
            copy.userAgent = userAgent;
            copy.clock = clock;
            return copy;
        }

        /** TCP/TLS connect timeout. */
        public Builder connectTimeout(Duration timeout) { this.connectTimeout = positive(timeout, "connectTimeout"); return this; }

        /** No byte for this long ends the stream; must exceed the 55 s keep-alive cadence in production. */
        public Builder readTimeout(Duration timeout) { this.readTimeout = positive(timeout, "readTimeout"); return this; }

        /** No complete line for this long ends the stream. */
        public Builder watchdogTimeout(Duration timeout) { this.watchdogTimeout = positive(timeout, "watchdogTimeout"); return this; }

        /** How long a running appliance may stay silent before its status is read to detect a stalled stream. */
        public Builder silentStallTimeout(Duration timeout) {
            this.silentStallTimeout = positive(timeout, "silentStallTimeout");
            return this;
        }

        /** Exponential backoff: first wait, cap and factor. */
        public Builder backoff(Duration initial, Duration max, double multiplier) {
            this.initialBackoff = positive(initial, "initialBackoff");
            this.maxBackoff = positive(max, "maxBackoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("backoff multiplier must be at least 1, was " + multiplier);
            }
            this.backoffMultiplier = multiplier;
            return this;
        }

        /** The share (0 to 1) by which each backoff wait is varied at random; 0 in tests that time waits. */
        public Builder backoffJitter(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("backoffJitter must be between 0 and 1, was " + share);
            }
            this.backoffJitter = share;
            return this;
        }

        /** Waits after repeated 401s within {@code window}; the last one repeats. */
        public Builder unauthorizedLadder(List<Duration> waits, Duration window) {
            if (waits.isEmpty()) {
                throw new IllegalArgumentException("the 401 ladder needs at least one wait");
            }
            waits.forEach(wait -> positive(wait, "unauthorizedLadder"));
            this.unauthorizedLadder = List.copyOf(waits);
            this.unauthorizedWindow = positive(window, "unauthorizedWindow");
            return this;
        }

        /** The wait after a 429 without {@code Retry-After}. */
        public Builder defaultRetryAfter(Duration wait) { this.defaultRetryAfter = positive(wait, "defaultRetryAfter"); return this; }

        /** The priority of resync reads. */
        public Builder resyncPriority(RequestPriority priority) { this.resyncPriority = Objects.requireNonNull(priority); return this; }

        /** At most {@code limit} re-reads of one appliance per {@code window}. */
        public Builder applianceRefreshLimit(int limit, Duration window) {
            if (limit < 1) {
                throw new IllegalArgumentException("applianceRefreshLimit must be at least 1, was " + limit);
            }
            this.applianceRefreshLimit = limit;
            this.applianceRefreshWindow = positive(window, "applianceRefreshWindow");
            return this;
        }

        /** How long changed state may wait before it is written. */
        public Builder stateSaveDelay(Duration delay) { this.stateSaveDelay = positive(delay, "stateSaveDelay"); return this; }

        /** Listener stages that may be outstanding before reading pauses; more than 1 lets events overlap. */
        public Builder maxEventsInFlight(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxEventsInFlight must be at least 1, was " + count);
            }
            this.maxEventsInFlight = count;
            return this;
        }

        /** The {@code Accept-Language} header, e.g. {@code en-GB}; {@code null} for none. */
        public Builder acceptLanguage(String language) { this.acceptLanguage = language; return this; }

        /** The {@code User-Agent} header. */
        public Builder userAgent(String agent) { this.userAgent = Objects.requireNonNull(agent); return this; }

        /** The clock for event times and windows. */
        public Builder clock(Clock source) { this.clock = Objects.requireNonNull(source); return this; }

        /** The options. */
        public EventStreamOptions build() {
            return new EventStreamOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
