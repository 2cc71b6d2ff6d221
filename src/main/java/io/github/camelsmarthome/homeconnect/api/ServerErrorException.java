package io.github.camelsmarthome.homeconnect.api;

/**
 * A failure on the service side: HTTP 500, 502, 503, 504 (for example
 * {@code SDK.Error.504.GatewayTimeout}) or any other 5xx, and {@code SDK.Simulator.InternalError}.
 * Retry idempotent requests with backoff.
 */
public final class ServerErrorException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ServerErrorException(ErrorDetails details) {
        super(details, "Home Connect failed on its side; retry idempotent requests with backoff.");
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
