package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link HomeConnectSimulator} starts. Defaults follow the real cloud (brief sections 2, 7
 * and 8); {@link #forTests()} shrinks every wait so a test runs in seconds.
 *
 * <p>Appliance durations ({@link Builder#progressCadence}, {@link Builder#finishedHold}) are in
 * appliance time, which {@link Builder#timeScale} speeds up; everything else is wall-clock time.
 */
public final class SimulatorOptions {

    /** The client id of the pre-registered app: 64 hex characters like a portal-issued one. */
    public static final String DEFAULT_CLIENT_ID = "5A1D0C0FFEE0DEC0DE5EED0F1AB5C0DE0FFB0A7DAB0AB5EED5C0FFEE0DEFACED";
    /** The secret of the pre-registered app. Not a secret: the simulator is local and public. */
    public static final String DEFAULT_CLIENT_SECRET = "simulator-client-secret-not-for-production";
    /** The redirect URI registered for the pre-registered app. */
    public static final String DEFAULT_REDIRECT_URI = "http://localhost/callback";
    /** Scopes granted when a request names none (homebridge's recommended set, brief section 2.1). */
    public static final String DEFAULT_SCOPE = "IdentifyAppliance Monitor Control Settings";

    private final Builder b;

    private SimulatorOptions(Builder builder) {
        this.b = builder.copy();
    }

    /** Defaults of the real cloud: 24 h tokens, 55 s keep-alives, real rate limits, real time. */
    public static Builder builder() {
        return new Builder();
    }

    /** The real cloud's defaults. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    /**
     * Short waits for tests: keep-alive every second, device-flow polls unthrottled, no rate
     * limits, appliance time 600 times faster (a two-hour program in twelve seconds; raise
     * {@link Builder#timeScale} for shorter).
     */
    public static Builder forTests() {
        return builder()
                .keepAliveInterval(Duration.ofSeconds(1))
                .deviceCodePollInterval(Duration.ZERO)
                .rateLimits(RateLimits.unlimited())
                .timeScale(600)
                .finishedHold(Duration.ofSeconds(60));
    }

    String host() { return b.host; }
    int port() { return b.port; }
    List<OAuthClientRegistration> clients() { return b.clients; }
    Duration accessTokenLifetime() { return b.accessTokenLifetime; }
    Duration refreshTokenIdleLifetime() { return b.refreshTokenIdleLifetime; }
    boolean rotateRefreshTokens() { return b.rotateRefreshTokens; }
    Duration authorizationCodeLifetime() { return b.authorizationCodeLifetime; }
    Duration deviceCodeLifetime() { return b.deviceCodeLifetime; }
    Duration deviceCodePollInterval() { return b.deviceCodePollInterval; }
    boolean autoApproveDeviceCodes() { return b.autoApproveDeviceCodes; }
    int pendingPollsBeforeAutoApproval() { return b.pendingPollsBeforeAutoApproval; }
    double timeScale() { return b.timeScale; }
    Duration progressCadence() { return b.progressCadence; }
    Duration finishedHold() { return b.finishedHold; }
    Duration keepAliveInterval() { return b.keepAliveInterval; }
    SseFraming framing() { return b.framing; }
    ConnectionEventShape connectionEventShape() { return b.connectionEventShape; }
    boolean connectionEventsCarryId() { return b.connectionEventsCarryId; }
    RateLimits rateLimits() { return b.rateLimits; }
    Clock clock() { return b.clock; }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private List<OAuthClientRegistration> clients = List.of(new OAuthClientRegistration(
                DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, List.of(DEFAULT_REDIRECT_URI), true, true));
        private Duration accessTokenLifetime = Duration.ofHours(24);
        private Duration refreshTokenIdleLifetime = Duration.ofDays(60);
        private boolean rotateRefreshTokens = true;
        private Duration authorizationCodeLifetime = Duration.ofMinutes(10);
        private Duration deviceCodeLifetime = Duration.ofSeconds(300);
        private Duration deviceCodePollInterval = Duration.ofSeconds(5);
        private boolean autoApproveDeviceCodes;
        private int pendingPollsBeforeAutoApproval;
        private double timeScale = 1.0;
        private Duration progressCadence = Duration.ofSeconds(60);
        private Duration finishedHold = Duration.ofSeconds(120);
        private Duration keepAliveInterval = Duration.ofSeconds(55);
        private SseFraming framing = SseFraming.PRODUCTION;
        private ConnectionEventShape connectionEventShape = ConnectionEventShape.FLAT_JSON;
        private boolean connectionEventsCarryId = true;
        private RateLimits rateLimits = RateLimits.standard();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.clients = clients;
            copy.accessTokenLifetime = accessTokenLifetime;
            copy.refreshTokenIdleLifetime = refreshTokenIdleLifetime;
            copy.rotateRefreshTokens = rotateRefreshTokens;
            copy.authorizationCodeLifetime = authorizationCodeLifetime;
            copy.deviceCodeLifetime = deviceCodeLifetime;
            copy.deviceCodePollInterval = deviceCodePollInterval;
            copy.autoApproveDeviceCodes = autoApproveDeviceCodes;
            copy.pendingPollsBeforeAutoApproval = pendingPollsBeforeAutoApproval;
            copy.timeScale = timeScale;
            copy.progressCadence = progressCadence;
            copy.finishedHold = finishedHold;
            copy.keepAliveInterval = keepAliveInterval;
            copy.framing = framing;
            copy.connectionEventShape = connectionEventShape;
            copy.connectionEventsCarryId = connectionEventsCarryId;
            copy.rateLimits = rateLimits;
            copy.clock = clock;
            return copy;
        }

        /** Interface to bind; {@code 127.0.0.1} by default, {@code 0.0.0.0} to serve other machines. */
        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) { this.port = port; return this; }

        /** Replaces the registered apps; the first one is what {@code clientId()} reports. */
        public Builder clients(List<OAuthClientRegistration> clients) {
            if (clients.isEmpty()) {
                throw new IllegalArgumentException("At least one app must be registered");
            }
            this.clients = List.copyOf(clients);
            return this;
        }

        /** Access-token lifetime; 24 h in production, seconds in expiry tests. */
        public Builder accessTokenLifetime(Duration lifetime) { this.accessTokenLifetime = positive(lifetime); return this; }

        /** How long an unused refresh token stays valid; two months in production. */
        public Builder refreshTokenIdleLifetime(Duration lifetime) { this.refreshTokenIdleLifetime = positive(lifetime); return this; }

        /** Whether each refresh answers a new refresh token and retires the old one (default true). */
        public Builder rotateRefreshTokens(boolean rotate) { this.rotateRefreshTokens = rotate; return this; }

        /** Lifetime of an authorization code; ten minutes in production. */
        public Builder authorizationCodeLifetime(Duration lifetime) { this.authorizationCodeLifetime = positive(lifetime); return this; }

        /** Lifetime of device and user codes ({@code expires_in}); 300 s in production. */
        public Builder deviceCodeLifetime(Duration lifetime) { this.deviceCodeLifetime = positive(lifetime); return this; }

        /**
         * Minimum spacing of device-flow polls ({@code interval}, rounded up to whole seconds);
         * a faster poll is answered {@code slow_down}. Zero disables the check.
         */
        public Builder deviceCodePollInterval(Duration interval) { this.deviceCodePollInterval = notNegative(interval); return this; }

        /** Approve every device-flow login by itself, for the zero-setup demo. */
        public Builder autoApproveDeviceCodes(boolean autoApprove) { this.autoApproveDeviceCodes = autoApprove; return this; }

        /** With auto-approval: how many polls are answered {@code authorization_pending} first. */
        public Builder pendingPollsBeforeAutoApproval(int polls) { this.pendingPollsBeforeAutoApproval = polls; return this; }

        /** Appliance seconds per real second; 1 is real time, 3600 runs an hour-long program in a second. */
        public Builder timeScale(double scale) { this.timeScale = scale; return this; }

        /** Appliance time between progress NOTIFYs of a running program; 60 s by default. */
        public Builder progressCadence(Duration cadence) { this.progressCadence = positive(cadence); return this; }

        /** Appliance time an appliance stays {@code Finished} before it is {@code Ready} again. */
        public Builder finishedHold(Duration hold) { this.finishedHold = positive(hold); return this; }

        /** KEEP-ALIVE spacing on every open stream; 55 s in production. */
        public Builder keepAliveInterval(Duration interval) { this.keepAliveInterval = positive(interval); return this; }

        /** Framing of streams opened from now on: production (default) or BSH-simulator spacing. */
        public Builder framing(SseFraming framing) { this.framing = Objects.requireNonNull(framing); return this; }

        /** Data shape of CONNECTED/DISCONNECTED/PAIRED/DEPAIRED events. */
        public Builder connectionEventShape(ConnectionEventShape shape) { this.connectionEventShape = Objects.requireNonNull(shape); return this; }

        /** Whether connection events carry an {@code id:} line; false emulates homebridge issue 88. */
        public Builder connectionEventsCarryId(boolean carryId) { this.connectionEventsCarryId = carryId; return this; }

        /** Quotas per app (brief section 7). */
        public Builder rateLimits(RateLimits limits) { this.rateLimits = Objects.requireNonNull(limits); return this; }

        /** Wall clock for token expiry, limits and timestamps. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        /** The options. */
        public SimulatorOptions build() {
            if (!(timeScale > 0)) {
                throw new IllegalArgumentException("timeScale must be positive, got " + timeScale);
            }
            return new SimulatorOptions(this);
        }

        private static Duration positive(Duration duration) {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("Duration must be positive, got " + duration);
            }
            return duration;
        }

        private static Duration notNegative(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("Duration must not be negative, got " + duration);
            }
            return duration;
        }
    }
}
