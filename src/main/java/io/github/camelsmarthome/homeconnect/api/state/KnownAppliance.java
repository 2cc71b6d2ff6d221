package io.github.camelsmarthome.homeconnect.api.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of what is known about one appliance: its identity from {@code GET /homeappliances},
 * whether it has its cloud link, and the last value of every key seen in an event or a resync.
 * Values are kept when the appliance disconnects (brief section 10, pitfall 14): check
 * {@link #connected()} before trusting them as current.
 *
 * @param haId the appliance id
 * @param name its name, or {@code null} when not yet read
 * @param type its type ({@code Washer}, {@code Oven} ...), or {@code null} when not yet read
 * @param brand its brand, or {@code null}
 * @param vib its model, or {@code null}
 * @param enumber its E-number, or {@code null}
 * @param connected whether it had its cloud link at the last news
 * @param syncedAt when its state was last read over REST, or {@code null}
 * @param updatedAt when anything about it last changed
 * @param values key to last known value, in the order keys were first seen
 */
public record KnownAppliance(String haId, String name, String type, String brand, String vib, String enumber,
        boolean connected, Instant syncedAt, Instant updatedAt, Map<String, KnownValue> values) {

    /** Copies the values, keeping their order. */
    public KnownAppliance {
        Objects.requireNonNull(haId, "haId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The last known value of {@code key}, e.g. {@code BSH.Common.Status.OperationState}. */
    public Optional<JsonNode> value(String key) {
        KnownValue known = values.get(key);
        return known == null ? Optional.empty() : Optional.of(known.value());
    }
}
