package io.github.camelsmarthome.simulator.homeconnect;

/**
 * Carries an {@link ApiError} out of the appliance model to the route that answers it, so state
 * rules are written once and the HTTP layer only translates.
 */
final class ApiErrorException extends RuntimeException {

    private final transient ApiError error;

    ApiErrorException(ApiError error) {
        super(error.key() + ": " + error.description(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
