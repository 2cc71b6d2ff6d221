package io.github.camelsmarthome.homeconnect.api;

/**
 * The login was refused ({@code access_denied}): the user declined, or the account cannot be used
 * with this application (terms not accepted in the Home Connect app, user not on the app's user
 * list). Retrying does not help until the account is fixed.
 */
public final class AuthorizationDeniedException extends OAuthEndpointException {

    private static final long serialVersionUID = 1L;

    AuthorizationDeniedException(String endpoint, int httpStatus, String error, String description) {
        super(endpoint, httpStatus, error, description, null,
                "The login was refused; check that the account accepted the terms in the Home Connect app "
                        + "and is allowed to use this application, then authorise again.");
    }
}
