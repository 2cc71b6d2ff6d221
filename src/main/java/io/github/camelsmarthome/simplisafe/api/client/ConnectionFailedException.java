package io.github.camelsmarthome.simplisafe.api.client;

/**
 * No answer: the connection failed or the attempt passed its timeout. As with a 5xx, reads were
 * repeated first; a write may or may not have been applied.
 */
public final class ConnectionFailedException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    ConnectionFailedException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
