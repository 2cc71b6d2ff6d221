package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One call to make through {@link HomeConnectClient#execute}: which operation, on which appliance
 * and key, with which body, and how much it matters when the request budget runs short.
 *
 * <p>Values an operation does not use are dropped rather than refused (a route may carry an
 * appliance id header into {@code listAppliances}); values it needs are required.
 *
 * @param operation      the endpoint
 * @param haId           the appliance id; required when {@link HomeConnectOperation#needsHaId()}
 * @param key            the status, setting, program, option, command or image key; required when
 *                       {@link HomeConnectOperation#needsKey()}
 * @param data           the {@code data} member of the body, which the client wraps as {@code {"data": ...}};
 *                       required for every {@code PUT} except {@code executeCommand}, which defaults to
 *                       {@code {"key": <key>, "value": true}}. A single-key {@code PUT} whose object lacks
 *                       {@code key} gets the path's key added.
 * @param priority       how much the call matters to the {@link RequestBudget}
 * @param acceptLanguage the {@code Accept-Language} for this call (e.g. {@code de-DE}), or {@code null}
 *                       for the client's default
 */
public record HomeConnectRequest(
        HomeConnectOperation operation,
        String haId,
        String key,
        JsonNode data,
        RequestPriority priority,
        String acceptLanguage) {

    /** Checks what the operation needs and drops what it does not use. */
    public HomeConnectRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(priority, "priority");
        if (!operation.needsHaId()) {
            haId = null;
        } else if (haId == null || haId.isBlank()) {
            throw new IllegalArgumentException(operation + " needs the appliance id (haId)");
        }
        if (!operation.needsKey()) {
            key = null;
        } else if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(operation + " needs a key (" + operation.keyName() + ")");
        }
        if (!operation.sendsBody()) {
            data = null;
        } else if ((data == null || data.isNull() || data.isMissingNode())
                && operation != HomeConnectOperation.executeCommand) {
            throw new IllegalArgumentException(operation + " needs a body: the data member of {\"data\": ...}");
        }
        if (acceptLanguage != null && (acceptLanguage.isBlank() || acceptLanguage.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("acceptLanguage must be a language tag such as en-GB");
        }
    }

    /** A request for an operation that needs no appliance (only {@code listAppliances}), at HIGH priority. */
    public static HomeConnectRequest of(HomeConnectOperation operation) {
        return builder(operation).build();
    }

    /** A request for one appliance without key or body, at HIGH priority. */
    public static HomeConnectRequest of(HomeConnectOperation operation, String haId) {
        return builder(operation).haId(haId).build();
    }

    /** A request for one key of one appliance without body, at HIGH priority. */
    public static HomeConnectRequest of(HomeConnectOperation operation, String haId, String key) {
        return builder(operation).haId(haId).key(key).build();
    }

    /** Starts a request; priority defaults to {@link RequestPriority#HIGH} (a person or a route is waiting). */
    public static Builder builder(HomeConnectOperation operation) {
        return new Builder(operation);
    }

    /** The same request at another priority. */
    public HomeConnectRequest withPriority(RequestPriority newPriority) {
        return new HomeConnectRequest(operation, haId, key, data, newPriority, acceptLanguage);
    }

    /** Names the call without its body, which may be large. */
    @Override
    public String toString() {
        return "HomeConnectRequest[" + operation + (haId == null ? "" : " haId=" + haId) + (key == null ? "" : " key=" + key)
                + (data == null ? "" : " with body") + " priority=" + priority + "]";
    }

    /** Collects the parts of a {@link HomeConnectRequest}. */
    public static final class Builder {

        private final HomeConnectOperation operation;
        private String haId;
        private String key;
        private JsonNode data;
        private RequestPriority priority = RequestPriority.HIGH;
        private String acceptLanguage;

        private Builder(HomeConnectOperation operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
        }

        /** The appliance id. */
        public Builder haId(String value) {
            this.haId = value;
            return this;
        }

        /** The status, setting, program, option, command or image key. */
        public Builder key(String value) {
            this.key = value;
            return this;
        }

        /** The {@code data} member of the body. */
        public Builder data(JsonNode value) {
            this.data = value;
            return this;
        }

        /** How much the call matters when the budget runs short. */
        public Builder priority(RequestPriority value) {
            this.priority = value;
            return this;
        }

        /** {@code Accept-Language} for this call. */
        public Builder acceptLanguage(String value) {
            this.acceptLanguage = value;
            return this;
        }

        /** The request; fails when the operation lacks something it needs. */
        public HomeConnectRequest build() {
            return new HomeConnectRequest(operation, haId, key, data, priority, acceptLanguage);
        }
    }
}
