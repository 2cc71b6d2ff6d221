package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;

/**
 * HTTP 429 (error key {@code "429"}): a rate limit was reached and the service blocks requests
 * for a while. Hand it to {@link RequestBudget#onRateLimited(RateLimitedException)} so that no
 * request of the affected kind leaves before {@link #retryAfter()} has passed.
 *
 * <p>The wait comes from the {@code Retry-After} header (seconds or an HTTP date), else from the
 * description ("... blocked during the remaining period of 564 seconds"), else it is 60 s, the
 * default Home Assistant settled on.
 */
public final class RateLimitedException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean retryAfterAdvertised;
    private final RateLimit limit;

    RateLimitedException(ErrorDetails details, Duration retryAfter, boolean retryAfterAdvertised, RateLimit limit) {
        super(details, advice(retryAfter, limit));
        this.retryAfter = retryAfter;
        this.retryAfterAdvertised = retryAfterAdvertised;
        this.limit = limit;
    }

    /** How long to send no request of the affected kind; never negative. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the service told the wait; {@code false} when {@link #retryAfter()} is the 60 s default. */
    public boolean retryAfterAdvertised() {
        return retryAfterAdvertised;
    }

    /** Which limit the description named; {@link RateLimit#UNKNOWN} when it named none the client knows. */
    public RateLimit limit() {
        return limit;
    }

    /** Whether every request of the account must wait, rather than only program starts or stops. */
    public boolean blocksAllRequests() {
        return limit.blocksAllRequests();
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    private static String advice(Duration retryAfter, RateLimit limit) {
        String affected = switch (limit) {
            case PROGRAM_STARTS -> "no program start";
            case PROGRAM_STOPS -> "no program stop";
            case TOKEN_ENDPOINT -> "no token request";
            default -> "no request of this account";
        };
        return "Rate limit " + limit + " reached: send " + affected + " for " + retryAfter.toSeconds()
                + " s; regularly reaching the limits can get the account locked.";
    }
}
