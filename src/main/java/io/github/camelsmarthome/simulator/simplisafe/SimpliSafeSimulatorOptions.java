package io.github.camelsmarthome.simulator.simplisafe;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SimpliSafeSimulator} starts. {@link #defaults()} follows the real cloud (brief
 * sections 3, 4 and 8); {@link #forTests()} signs the user in by itself and runs the alarm
 * system's delays sixty times faster.
 *
 * <p>System durations ({@link Builder#lockActuationTime}) and the delays in the system's settings
 * are in system time, which {@link Builder#timeScale} speeds up; token lifetimes are wall-clock time.
 */
public final class SimpliSafeSimulatorOptions {

    /** E-mail of the simulated account, for the login page. */
    public static final String DEFAULT_EMAIL = "owner@example.com";
    /** Password of the simulated account. Not a secret: the simulator is local and public. */
    public static final String DEFAULT_PASSWORD = "simulator-password";

    private final Builder b;

    private SimpliSafeSimulatorOptions(Builder builder) {
        this.b = builder.copy();
    }

    /** The real cloud's behaviour: a login page, one-hour tokens, real-time delays. */
    public static Builder builder() {
        return new Builder();
    }

    /** The real cloud's behaviour. */
    public static SimpliSafeSimulatorOptions defaults() {
        return builder().build();
    }

    /**
     * For tests: the authorize step signs the user in at once (302 with the code), system delays
     * run sixty times faster (a 60 s exit delay takes one second), camera media is ready on the
     * second fetch.
     */
    public static Builder forTests() {
        return builder().autoLogin(true).timeScale(60).mediaNotFoundFetches(1);
    }

    String host() { return b.host; }
    int port() { return b.port; }
    Clock clock() { return b.clock; }
    double timeScale() { return b.timeScale; }
    boolean autoLogin() { return b.autoLogin; }
    String email() { return b.email; }
    String password() { return b.password; }
    Duration accessTokenLifetime() { return b.accessTokenLifetime; }
    Duration authorizationCodeLifetime() { return b.authorizationCodeLifetime; }
    boolean rotateRefreshTokens() { return b.rotateRefreshTokens; }
    int invalidGrantStatus() { return b.invalidGrantStatus; }
    Duration lockActuationTime() { return b.lockActuationTime; }
    SubscribedMessageType subscribedMessageType() { return b.subscribedMessageType; }
    boolean rejectSocketUpgrades() { return b.rejectSocketUpgrades; }
    int mediaNotFoundFetches() { return b.mediaNotFoundFetches; }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private double timeScale = 1.0;
        private boolean autoLogin;
        private String email = DEFAULT_EMAIL;
        private String password = DEFAULT_PASSWORD;
        private Duration accessTokenLifetime = Duration.ofSeconds(3600);
        private Duration authorizationCodeLifetime = Duration.ofMinutes(5);
        private boolean rotateRefreshTokens;
        private int invalidGrantStatus = 403;
        private Duration lockActuationTime = Duration.ofSeconds(3);
        private SubscribedMessageType subscribedMessageType = SubscribedMessageType.NAMESPACE;
        private boolean rejectSocketUpgrades;
        private int mediaNotFoundFetches = 3;

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.clock = clock;
            copy.timeScale = timeScale;
            copy.autoLogin = autoLogin;
            copy.email = email;
            copy.password = password;
            copy.accessTokenLifetime = accessTokenLifetime;
            copy.authorizationCodeLifetime = authorizationCodeLifetime;
            copy.rotateRefreshTokens = rotateRefreshTokens;
            copy.invalidGrantStatus = invalidGrantStatus;
            copy.lockActuationTime = lockActuationTime;
            copy.subscribedMessageType = subscribedMessageType;
            copy.rejectSocketUpgrades = rejectSocketUpgrades;
            copy.mediaNotFoundFetches = mediaNotFoundFetches;
            return copy;
        }

        /** Interface to listen on; {@code 127.0.0.1} by default. */
        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }

        /** TCP port; 0 (the default) takes a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Wall clock for token expiry, event timestamps and the request log. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        /** System seconds per real second for exit/entry delays, alarm duration and lock motors; 1 is real time. */
        public Builder timeScale(double scale) { this.timeScale = scale; return this; }

        /**
         * Whether {@code /authorize} signs the user in at once and answers the 302 with the code;
         * otherwise it shows a login page for {@link #email}/{@link #password}.
         */
        public Builder autoLogin(boolean autoLogin) { this.autoLogin = autoLogin; return this; }

        /** E-mail the login page accepts. */
        public Builder email(String email) { this.email = Objects.requireNonNull(email); return this; }

        /** Password the login page accepts. */
        public Builder password(String password) { this.password = Objects.requireNonNull(password); return this; }

        /** Access-token lifetime, {@code expires_in}; 3600 s like the cloud. */
        public Builder accessTokenLifetime(Duration lifetime) { this.accessTokenLifetime = positive(lifetime); return this; }

        /** How long an authorization code can be exchanged; "minutes" per the brief, five here. */
        public Builder authorizationCodeLifetime(Duration lifetime) { this.authorizationCodeLifetime = positive(lifetime); return this; }

        /**
         * Whether a refresh answers a new refresh token and retires the old one. Off by default:
         * since April 2023 the cloud usually keeps the refresh token (brief section 3.4).
         */
        public Builder rotateRefreshTokens(boolean rotate) { this.rotateRefreshTokens = rotate; return this; }

        /** Status of {@code invalid_grant} answers, 403 (default) or 401; the brief has seen both. */
        public Builder invalidGrantStatus(int status) {
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("invalid_grant is answered with 401 or 403, got " + status);
            }
            this.invalidGrantStatus = status;
            return this;
        }

        /** System time between a lock command and the lock's confirmation event; 3 s by default. */
        public Builder lockActuationTime(Duration time) { this.lockActuationTime = notNegative(time); return this; }

        /** Which message confirms a websocket subscription. */
        public Builder subscribedMessageType(SubscribedMessageType type) { this.subscribedMessageType = Objects.requireNonNull(type); return this; }

        /** Start in the mode where every websocket upgrade is answered HTTP 403 (brief section 11, P1). */
        public Builder rejectSocketUpgrades(boolean reject) { this.rejectSocketUpgrades = reject; return this; }

        /** How many fetches of a new camera clip or snapshot answer 404 before it is "uploaded". */
        public Builder mediaNotFoundFetches(int fetches) {
            if (fetches < 0) {
                throw new IllegalArgumentException("mediaNotFoundFetches must not be negative, got " + fetches);
            }
            this.mediaNotFoundFetches = fetches;
            return this;
        }

        /** The options. */
        public SimpliSafeSimulatorOptions build() {
            if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
                throw new IllegalArgumentException("timeScale must be a positive number, got " + timeScale);
            }
            return new SimpliSafeSimulatorOptions(this);
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
