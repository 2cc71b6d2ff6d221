package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One error answer of the REST API: HTTP status, the {@code error.key} clients switch on, and the
 * human description (brief section 6).
 *
 * <p>{@code code} is the appliance-side number some refusals carry (528 for
 * {@code NotAvailableByList}); zero means absent.
 */
public record ApiError(int status, String key, String description, int code) {

    /** An error without an appliance-side code. */
    public ApiError(int status, String key, String description) {
        this(status, key, description, 0);
    }

    /** The body, {@code {"error": {"key": …, "description": …}}}. */
    ObjectNode body() {
        ObjectNode error = SimulatorJson.object();
        if (code != 0) {
            error.put("code", code);
        }
        error.put("key", key);
        if (description != null) {
            error.put("description", description);
        }
        ObjectNode envelope = SimulatorJson.object();
        envelope.set("error", error);
        return envelope;
    }

    static ApiError offline() {
        return new ApiError(409, "SDK.Error.HomeAppliance.Connection.Initialization.Failed", "HomeAppliance is offline");
    }

    static ApiError noProgramActive() {
        return new ApiError(404, "SDK.Error.NoProgramActive", "There is no program active");
    }

    static ApiError noProgramSelected() {
        return new ApiError(404, "SDK.Error.NoProgramSelected", "There is no program selected");
    }

    static ApiError wrongOperationState(String detail) {
        return new ApiError(409, "SDK.Error.WrongOperationState", detail);
    }

    static ApiError unsupportedOperation(String detail) {
        return new ApiError(409, "SDK.Error.UnsupportedOperation", detail);
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "SDK.Error.InvalidRequest", detail);
    }

    static ApiError invalidToken(String description) {
        return new ApiError(401, "invalid_token", description);
    }

    static ApiError insufficientScope(String needed) {
        return new ApiError(403, "insufficient_scope", "The access token does not grant the scope this request needs: " + needed);
    }

    static ApiError notFound(String key, String description) {
        return new ApiError(404, key, description);
    }

    /** A server-side failure with a key in the style of BSH's {@code SDK.Error.504.GatewayTimeout}. */
    static ApiError serverFailure(int status) {
        return switch (status) {
            case 504 -> new ApiError(504, "SDK.Error.504.GatewayTimeout", "Timeout on Home Connect subsystem. Please try it again.");
            case 503 -> new ApiError(503, "SDK.Error.503.ServiceUnavailable", "Home Connect is temporarily unavailable. Please try it again.");
            case 502 -> new ApiError(502, "SDK.Error.502.BadGateway", "Bad gateway on Home Connect subsystem. Please try it again.");
            default -> new ApiError(status, "SDK.Error.InternalServerError", "Internal error on Home Connect subsystem.");
        };
    }
}
