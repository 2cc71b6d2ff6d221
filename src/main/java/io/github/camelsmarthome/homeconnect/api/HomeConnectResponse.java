package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A successful answer of {@link HomeConnectClient#execute}: the status, the {@code data} member of
 * the envelope (or the bytes of an image), and what was left of the request budget right after.
 */
public final class HomeConnectResponse {

    private final HomeConnectOperation operation;
    private final String haId;
    private final int status;
    private final JsonNode data;
    private final byte[] bytes;
    private final String contentType;
    private final BudgetSnapshot budget;

    HomeConnectResponse(HomeConnectOperation operation, String haId, int status, JsonNode data, byte[] bytes,
            String contentType, BudgetSnapshot budget) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.haId = haId;
        this.status = status;
        this.data = data;
        this.bytes = bytes;
        this.contentType = contentType;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** The operation that was called. */
    public HomeConnectOperation operation() {
        return operation;
    }

    /** The appliance the call addressed; {@code null} for {@code listAppliances}. */
    public String haId() {
        return haId;
    }

    /** The HTTP status: 200 for reads, 204 for writes. */
    public int status() {
        return status;
    }

    /**
     * The {@code data} member of the answer; {@code null} for a 204 (every {@code PUT} and
     * {@code DELETE}) and for {@code getImage}, whose answer is {@link #bytes()}. Unknown fields are kept.
     */
    public JsonNode data() {
        return data;
    }

    /** The image bytes of {@code getImage} (a copy); {@code null} for every other operation. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /** The answer's {@code Content-Type}, e.g. {@code image/jpeg}; {@code null} when it had none. */
    public String contentType() {
        return contentType;
    }

    /** The request budget right after the call, for metrics and for callers that pace themselves. */
    public BudgetSnapshot budget() {
        return budget;
    }

    @Override
    public String toString() {
        return "HomeConnectResponse[" + operation + (haId == null ? "" : " haId=" + haId) + " status=" + status
                + (bytes != null ? " " + bytes.length + " bytes" : data != null ? " with data" : "") + "]";
    }
}
