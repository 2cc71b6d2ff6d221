package io.github.camelsmarthome.auth;

import java.util.concurrent.CompletionStage;

/**
 * The token-endpoint call a client supplies to {@link TokenRefresher}: exchange the refresh token
 * of {@code current} for a new token set. Each client knows its own endpoint and form (Home
 * Connect: form-encoded, with client secret for Authorization-Code apps; SimpliSafe: JSON).
 *
 * <p>How to fail:
 * <ul>
 *   <li>the server refused the grant ({@code invalid_grant}, or another answer that only a new
 *       authorisation can fix): complete with {@link RefreshRejectedException}; the refresher then
 *       moves to {@link AuthState#AUTH_REQUIRED} and never retries on its own;</li>
 *   <li>anything else (timeouts, connection errors, 5xx, 429): complete with any other exception;
 *       the refresher treats it as transient and tries again later.</li>
 * </ul>
 * Exception messages may end up in logs after the refresher masks the tokens it knows; do not put
 * the client secret in them.
 */
@FunctionalInterface
public interface TokenRefreshCall {

    /**
     * Starts the refresh. May be called on a worker thread of the refresher; may complete on any
     * thread. An answer without {@code refresh_token} keeps the current one
     * (see {@link OAuthTokens#updatedBy}).
     */
    CompletionStage<OAuthTokens> refresh(OAuthTokens current);
}
