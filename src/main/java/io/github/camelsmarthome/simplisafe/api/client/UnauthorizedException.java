package io.github.camelsmarthome.simplisafe.api.client;

/**
 * 401 even after the token was renewed and the call repeated once: the account needs attention
 * (a password change, a revoked session). A failed renewal surfaces as the refresher's own
 * {@code AuthorizationRequiredException} or {@code TokenRefreshFailedException} instead.
 */
public final class UnauthorizedException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    UnauthorizedException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
