package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One answer of the token endpoint (brief section 3.2 step 5, {@code api_token_response.json}).
 *
 * @param accessToken  the bearer token: an RS256 JWT with the claims of brief section 3.3
 * @param refreshToken a refresh token, or {@code null} when this answer carries none (a refresh
 *                     without rotation, or a login without {@code offline_access})
 * @param idToken      the OpenID identity token
 * @param scope        the granted scope
 * @param expiresIn    seconds the access token lives
 */
public record IssuedTokens(String accessToken, String refreshToken, String idToken, String scope, long expiresIn) {

    /** The body, in the fixture's field order; {@code refresh_token} only when there is one. */
    ObjectNode toJson() {
        ObjectNode body = SimpliSafeJson.object();
        body.put("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("id_token", idToken);
        body.put("scope", scope);
        body.put("expires_in", expiresIn);
        body.put("token_type", "Bearer");
        return body;
    }

    /** Never prints the tokens: records end up in assertion messages and logs. */
    @Override
    public String toString() {
        return "IssuedTokens[scope=" + scope + ", expiresIn=" + expiresIn + ", refreshToken=" + (refreshToken != null) + "]";
    }
}
