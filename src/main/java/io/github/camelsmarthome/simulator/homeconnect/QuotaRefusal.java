package io.github.camelsmarthome.simulator.homeconnect;

/**
 * A 429 answer: which limit was reached and how long the caller must wait.
 *
 * @param limitLabel        the limit, e.g. {@code 50 calls in 1 minute}
 * @param retryAfterSeconds the {@code Retry-After} value, at least 1
 */
record QuotaRefusal(String limitLabel, long retryAfterSeconds) {

    /** The cloud's wording (brief section 6.3). */
    String description() {
        return "The rate limit \"" + limitLabel + "\" was reached. Requests are blocked during the remaining period of "
                + retryAfterSeconds + " seconds.";
    }

    ApiError apiError() {
        return new ApiError(429, "429", description());
    }

    OAuthError oauthError() {
        return new OAuthError(429, "429", description());
    }
}
