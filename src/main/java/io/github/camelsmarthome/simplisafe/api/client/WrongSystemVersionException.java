package io.github.camelsmarthome.simplisafe.api.client;

/**
 * 406 Not Acceptable: an endpoint of the other system family (V2 path on a V3 system or back);
 * route by {@code system.version}.
 */
public final class WrongSystemVersionException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    WrongSystemVersionException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
