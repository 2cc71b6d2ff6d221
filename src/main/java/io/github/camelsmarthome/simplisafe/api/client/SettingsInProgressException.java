package io.github.camelsmarthome.simplisafe.api.client;

/**
 * 409 {@code SettingsInProgress}: the base station is busy synchronising, common right after
 * arming and with {@code forceUpdate=true} (brief 10, P14). Try again later, or skip this poll;
 * the client never repeats it on its own, because the caller knows whether a later arm is still wanted.
 */
public final class SettingsInProgressException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    SettingsInProgressException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
