package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 401 ({@code invalid_token}): the access token expired or is malformed.
 *
 * <p>Refresh the token once and retry the request once; if the fresh token is rejected too, the
 * account needs to be authorised again. Never answer a storm of 401s with a storm of refreshes.
 */
public final class InvalidTokenException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    InvalidTokenException(ErrorDetails details) {
        super(details, "The access token was rejected: refresh it once and retry once; "
                + "if it is rejected again, authorise the account again.");
    }
}
