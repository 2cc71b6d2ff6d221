package io.github.camelsmarthome.homeconnect.api;

/**
 * The device-flow login ran out ({@code expired_token}, or its {@code expires_in} passed before
 * anyone approved it): start the device flow again for a new user code.
 */
public final class DeviceAuthorizationExpiredException extends OAuthEndpointException {

    private static final long serialVersionUID = 1L;

    DeviceAuthorizationExpiredException(String endpoint, int httpStatus, String description) {
        super(endpoint, httpStatus, "expired_token", description, null,
                "The user code expired before the login was approved; start the authorisation again.");
    }
}
