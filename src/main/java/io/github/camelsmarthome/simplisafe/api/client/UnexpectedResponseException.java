package io.github.camelsmarthome.simplisafe.api.client;

/**
 * Any other 4xx (or a 1xx/3xx): the request is wrong for this cloud; repeating will not help.
 */
public final class UnexpectedResponseException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    UnexpectedResponseException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
