package io.github.camelsmarthome.simulator.homeconnect;

import java.util.List;
import java.util.Objects;

/**
 * An application as registered at the developer portal (brief section 1): its client id, its
 * secret, the exact redirect URIs it may use, and which OAuth flows it may run.
 *
 * @param clientId              the client id (the portal issues 64 hex characters)
 * @param clientSecret          the secret, or {@code null} for a device-flow app without one
 * @param redirectUris          redirect URIs, matched exactly; the first is the default
 * @param deviceFlow            whether the app may use the device flow
 * @param authorizationCodeFlow whether the app may use the authorization-code flow
 */
public record OAuthClientRegistration(
        String clientId, String clientSecret, List<String> redirectUris, boolean deviceFlow, boolean authorizationCodeFlow) {

    /** Compact constructor: validates and copies. */
    public OAuthClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        redirectUris = List.copyOf(redirectUris);
    }

    /** Whether this secret is acceptable; a client without a secret accepts none. */
    boolean secretMatches(String presented) {
        return clientSecret != null && clientSecret.equals(presented);
    }

    @Override
    public String toString() {
        // Keeps the secret out of any log line or assertion message that prints a registration.
        return "OAuthClientRegistration[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
                + ", redirectUris=" + redirectUris + ", deviceFlow=" + deviceFlow
                + ", authorizationCodeFlow=" + authorizationCodeFlow + "]";
    }
}
