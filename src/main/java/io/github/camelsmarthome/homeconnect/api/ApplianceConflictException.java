package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409: the appliance refused the request in its current state. This class itself stands for
 * a conflict whose key is not one the client knows (the key is kept in {@link #errorKey()});
 * the subclasses name the conflicts a caller handles differently. Never retry blindly: every
 * failed request counts toward the "10 successive errors" lock.
 */
public class ApplianceConflictException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ApplianceConflictException(ErrorDetails details) {
        this(details, "The appliance refused the request in its current state; do not retry blindly.");
    }

    ApplianceConflictException(ErrorDetails details, String advice) {
        super(details, advice);
    }
}
