package io.github.camelsmarthome.homeconnect.api;

/**
 * No answer in time: either the service said so (HTTP 408) or the client gave up waiting
 * ({@link #httpStatus()} is 0, built by {@link HomeConnectErrors#noResponse}). Retry idempotent
 * requests with backoff; for a program start, read the state first, since it may have happened.
 */
public final class RequestTimeoutException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    RequestTimeoutException(ErrorDetails details) {
        super(details, "No answer in time: retry idempotent requests with backoff; "
                + "check the appliance state before repeating a command.");
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
