package io.github.camelsmarthome.simplisafe.api.client;

/**
 * 404: the system id or the lock serial is not on this account.
 */
public final class NotFoundException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
