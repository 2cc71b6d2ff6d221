package io.github.camelsmarthome.simplisafe.api.auth;

import java.util.Objects;

/**
 * A started SimpliSafe browser login: the URL to open, and what exchanging its code needs.
 * {@link #toString()} hides the PKCE verifier.
 *
 * @param authorizeUrl the URL to open in a desktop browser; it carries the S256 challenge and the state
 * @param state        the random value the callback echoes; a pasted callback URL with another state is refused
 * @param codeVerifier the PKCE secret whose hash is the challenge; sent only with the exchange
 */
public record SimpliSafeLogin(String authorizeUrl, String state, String codeVerifier) {

    /** Requires every part. */
    public SimpliSafeLogin {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Shows the URL only. */
    @Override
    public String toString() {
        return "SimpliSafeLogin[authorizeUrl=" + authorizeUrl + ", codeVerifier=[redacted]]";
    }
}
