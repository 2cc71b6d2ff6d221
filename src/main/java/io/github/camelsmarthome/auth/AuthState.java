package io.github.camelsmarthome.auth;

/**
 * Whether an account can get access tokens, as a health check and the component see it.
 */
public enum AuthState {

    /** Tokens are at hand and the last refresh, if any, worked. */
    AUTHORIZED,
    /**
     * The last refresh or store access failed for a reason that may pass; the current access token
     * is still used while it is valid, and the refresh is retried.
     */
    DEGRADED,
    /**
     * A person must authorise the account again (refresh refused, no tokens stored, token file
     * corrupt). Nothing is retried until {@link TokenRefresher#authorize} is called.
     */
    AUTH_REQUIRED
}
