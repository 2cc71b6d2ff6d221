package io.github.camelsmarthome.simplisafe.api.client;

/**
 * The cloud refused a PIN ({@code type: PinError}, sent with HTTP 200; brief 10).
 */
public final class PinRejectedException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    PinRejectedException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
