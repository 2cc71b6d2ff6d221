package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A token- or authorization-endpoint refusal. Unlike REST errors its body is plain OAuth JSON,
 * {@code {"error": …, "error_description": …}}, not the API envelope (brief section 2.5).
 */
record OAuthError(int status, String error, String description) {

    ObjectNode body() {
        ObjectNode body = SimulatorJson.object();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    OAuthException exception() {
        return new OAuthException(this);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidClientSecret() {
        return new OAuthError(401, "invalid_client", "client secret validation failed");
    }

    static OAuthError unknownClient() {
        return new OAuthError(400, "unauthorized_client", "Invalid client id");
    }

    static OAuthError flowNotAllowed() {
        return new OAuthError(400, "unauthorized_client", "client not authorized for this oauth flow (grant_type)");
    }

    static OAuthError expiredDeviceCode() {
        return new OAuthError(400, "expired_token", "Device authorization session not found, expired or blocked");
    }
}
