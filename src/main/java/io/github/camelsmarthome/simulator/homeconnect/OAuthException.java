package io.github.camelsmarthome.simulator.homeconnect;

/** Carries an {@link OAuthError} from the OAuth state classes to the endpoint that answers it. */
final class OAuthException extends RuntimeException {

    private final transient OAuthError error;

    OAuthException(OAuthError error) {
        super(error.error() + ": " + error.description(), null, false, false);
        this.error = error;
    }

    OAuthError error() {
        return error;
    }
}
