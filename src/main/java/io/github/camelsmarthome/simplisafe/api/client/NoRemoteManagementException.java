package io.github.camelsmarthome.simplisafe.api.client;

/**
 * The plan does not allow this endpoint ({@code type: NoRemoteManagement}, code 078; brief 10, P5):
 * Standard and self-monitoring plans cannot arm, read sensors or change settings. Disable the
 * feature and log it once; repeating will not help.
 */
public final class NoRemoteManagementException extends SimpliSafeException {

    private static final long serialVersionUID = 1L;

    NoRemoteManagementException(String operation, int status, String errorType, String detail) {
        super(operation, status, errorType, detail);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
