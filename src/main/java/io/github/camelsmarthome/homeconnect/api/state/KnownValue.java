package io.github.camelsmarthome.homeconnect.api.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The last known value of one status, setting, option, program or event key of an appliance.
 *
 * @param value the value as upstream sent it; a JSON null node when it was {@code null}
 * @param unit its unit, or {@code null}
 * @param timestamp when it changed according to the appliance or cloud, or {@code null} when
 *     upstream did not say (REST answers never do)
 * @param updatedAt when this bridge learned it
 */
public record KnownValue(JsonNode value, String unit, Instant timestamp, Instant updatedAt) {

    /** A missing value becomes a JSON null; {@code updatedAt} is required. */
    public KnownValue {
        value = value == null ? NullNode.getInstance() : value.deepCopy();
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A copy of the value, so a caller cannot change the stored one. */
    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
