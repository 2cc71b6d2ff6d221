package io.github.camelsmarthome.homeconnect.api;

import java.util.Objects;

/**
 * A started authorization-code login (brief section 2.2): the URL to open in a browser, and what
 * the exchange of the returned code needs. {@link #toString()} hides the PKCE verifier.
 *
 * @param authorizationUrl the URL to open; it carries the state and the S256 code challenge
 * @param redirectUri      where the browser is sent back; the exchange must repeat it exactly
 * @param state            the random value the redirect must echo, against forged redirects
 * @param codeVerifier     the PKCE secret whose hash is the challenge; sent only with the exchange
 */
public record AuthorizationCodeRequest(String authorizationUrl, String redirectUri, String state, String codeVerifier) {

    /** Requires every part. */
    public AuthorizationCodeRequest {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Shows the URL and redirect URI; the verifier stays hidden. */
    @Override
    public String toString() {
        return "AuthorizationCodeRequest[authorizationUrl=" + authorizationUrl + ", redirectUri=" + redirectUri
                + ", codeVerifier=[redacted]]";
    }
}
