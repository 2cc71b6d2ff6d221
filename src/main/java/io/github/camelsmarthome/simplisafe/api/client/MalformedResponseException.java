package io.github.camelsmarthome.simplisafe.api.client;

/**
 * A successful answer whose body the client cannot read: not JSON, or JSON without what the
 * operation needs.
 */
public final class MalformedResponseException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
