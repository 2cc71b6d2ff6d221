package io.github.camelsmarthome.auth;

/**
 * No valid access token right now because refreshing failed for a reason that may pass (the token
 * endpoint unreachable, a 5xx, the store not writable). The refresher tries again after its retry
 * interval; the account does not need a new authorisation.
 */
public final class TokenRefreshFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TokenRefreshFailedException(String message) {
        super(message);
    }
}
