package io.github.camelsmarthome.simplisafe.api.auth;

/**
 * A SimpliSafe login call failed: the tenant refused the code ({@code invalid_grant}), refused the
 * client, answered something unreadable, or did not answer. The message says which call, what
 * happened and what to do next; it never holds a token, a code or a verifier.
 */
public final class SimpliSafeAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String error;
    private final boolean transientFailure;

    /**
     * @param call             which call, e.g. {@code "SimpliSafe token exchange"}
     * @param httpStatus       the answer's status, 0 when there was no answer
     * @param error            the OAuth {@code error} code, or {@code null}
     * @param transientFailure whether trying again later may succeed (5xx, 429, timeouts)
     * @param what             what happened, free of secrets
     * @param advice           what the user should do
     */
    SimpliSafeAuthException(String call, int httpStatus, String error, boolean transientFailure, String what, String advice) {
        super(call + " failed: " + what + (advice == null ? "" : ". " + advice), null, false, false);
        this.httpStatus = httpStatus;
        this.error = error;
        this.transientFailure = transientFailure;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The OAuth {@code error} code, or {@code null}. */
    public String error() {
        return error;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Whether the tenant refused the grant: the code or refresh token is unknown, spent, expired or revoked. */
    public boolean isInvalidGrant() {
        return "invalid_grant".equals(error);
    }
}
