package io.github.camelsmarthome.simplisafe.api.client;

/**
 * 403 without a SimpliSafe error type: an account restriction, a temporary IP block or rate limit
 * (brief 10, P15). Back off for a long time (60 s doubling to 2 h); after repeated failures ask
 * for a new login.
 */
public final class ForbiddenException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    ForbiddenException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
