package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 403 ({@code insufficient_scope} or forbidden): the authorisation does not cover this
 * request. Retrying cannot help; the user must authorise again with the missing scope (for
 * example {@code Control} or {@code Settings}).
 */
public final class InsufficientScopeException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    InsufficientScopeException(ErrorDetails details) {
        super(details, "The authorisation does not grant this request: authorise the account again "
                + "with the required scope (IdentifyAppliance Monitor Control Settings).");
    }
}
