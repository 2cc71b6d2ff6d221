package io.github.camelsmarthome.simplisafe.api.client;

/**
 * A 5xx answer (504 gateway timeout is routine with {@code forceUpdate=true}). Reads were
 * already repeated with a short backoff; writes never are, because the first may have been applied.
 * Do not mark devices unavailable on a single one.
 */
public final class ServerErrorException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    ServerErrorException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
