package io.github.camelsmarthome.auth;

/**
 * The token endpoint refused the refresh in a way only a new authorisation can fix, typically
 * {@code invalid_grant} (refresh token expired, revoked or invalidated server-side). A
 * {@link TokenRefreshCall} completes with it to move the account to {@link AuthState#AUTH_REQUIRED}.
 */
public final class RefreshRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    /**
     * @param error       the OAuth {@code error} code, e.g. {@code invalid_grant}
     * @param description the server's {@code error_description}, or {@code null}; must not contain a secret
     */
    public RefreshRejectedException(String error, String description) {
        super("token refresh refused: " + error + (description == null ? "" : " (" + description + ")"));
        this.error = error;
    }

    /** The OAuth {@code error} code, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }
}
