package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a successful token request returns (brief section 2.2).
 *
 * @param accessToken  the bearer token (JWT-shaped); {@code id_token} carries the same value
 * @param refreshToken the opaque refresh token
 * @param expiresIn    access-token lifetime in seconds
 * @param scope        granted scopes, space-separated
 */
public record TokenSet(String accessToken, String refreshToken, long expiresIn, String scope) {

    ObjectNode toJson() {
        ObjectNode body = SimulatorJson.object();
        body.put("id_token", accessToken);
        body.put("access_token", accessToken);
        body.put("expires_in", expiresIn);
        body.put("scope", scope);
        body.put("refresh_token", refreshToken);
        body.put("token_type", "Bearer");
        return body;
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=***, refreshToken=***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
