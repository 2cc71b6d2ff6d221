package io.github.camelsmarthome.simplisafe.api.client;

/**
 * The answer was larger than {@link SimpliSafeClientOptions#maxBodyBytes()} and was dropped unread.
 */
public final class ResponseTooLargeException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
