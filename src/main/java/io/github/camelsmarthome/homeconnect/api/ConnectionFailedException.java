package io.github.camelsmarthome.homeconnect.api;

/**
 * No HTTP answer because the connection failed: refused, reset, closed before the answer, a TLS
 * or DNS failure. {@link #httpStatus()} is 0. Reads are retried by the client; for a write or a
 * program start, read the state first, since the service may have acted before the link broke.
 */
public final class ConnectionFailedException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ConnectionFailedException(ErrorDetails details) {
        super(details, "Check the network and the base URL; reads may be retried, writes only after reading the state.");
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
