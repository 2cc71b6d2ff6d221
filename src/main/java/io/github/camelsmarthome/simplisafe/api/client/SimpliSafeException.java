package io.github.camelsmarthome.simplisafe.api.client;

/**
 * A SimpliSafe REST call that failed. Each subclass is one thing a caller handles differently
 * (brief section 10); {@link #isRetryable()} says whether the same call may succeed later.
 *
 * <p>The message names the operation, method and path (system id, encoded serial), the HTTP status
 * and the cloud's error {@code type}; never a token and never a body that is not a SimpliSafe error object.
 */
public abstract class SimpliSafeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int status;
    private final String errorType;

    /**
     * @param operation the call, e.g. {@code getSensors GET /ss3/subscriptions/12345/sensors}
     * @param status    the HTTP status, 0 when there was no answer
     * @param errorType the body's {@code type}, or {@code null}
     * @param detail    what went wrong, safe to log
     */
    protected SimpliSafeException(String operation, int status, String errorType, String detail) {
        super("SimpliSafe " + operation + ": " + detail);
        this.operation = operation;
        this.status = status;
        this.errorType = errorType;
    }

    /** The call: operation name, method and path. */
    public String operation() {
        return operation;
    }

    /** The HTTP status; 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The cloud's error {@code type} ({@code SettingsInProgress}, ...); {@code null} when it gave none. */
    public String errorType() {
        return errorType;
    }

    /** Whether the same call may succeed when repeated later, without anything changing on our side. */
    public abstract boolean isRetryable();
}
