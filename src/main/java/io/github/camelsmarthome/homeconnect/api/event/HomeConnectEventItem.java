package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One changed key of a Home Connect event (brief 8.4): a status, setting, option, event or root
 * key with its new value.
 *
 * <p>Every field but {@link #key()} is optional upstream. {@link #value()} is kept as a Jackson
 * node because it may be a string, number, boolean or {@code null} (an ActiveProgram that ended)
 * and keys unknown to this client must pass through untouched (brief 3.4). Fields this class does
 * not name are kept in {@link #additionalFields()} and written back out, so nothing upstream sent
 * is lost on the way to Kafka.
 *
 * <p>JSON form: {@code key}, {@code value} (always present, may be {@code null}), then the
 * optional {@code unit}, {@code timestamp} (Unix seconds, as upstream), {@code level},
 * {@code handling}, {@code uri}, {@code name}, {@code displayvalue}, {@code haId}, then any
 * additional fields. Absent optional fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "value", "unit", "timestamp", "level", "handling", "uri", "name", "displayvalue", "haId"})
public final class HomeConnectEventItem {

    private final String key;
    private final JsonNode value;
    private final String unit;
    private final Instant timestamp;
    private final String level;
    private final String handling;
    private final String uri;
    private final String name;
    private final String displayvalue;
    private final String haId;
    private final Map<String, JsonNode> additionalFields;

    /**
     * Creates an item; everything but {@code key} may be {@code null}.
     *
     * @param key the status/setting/option/event key, e.g. {@code BSH.Common.Status.DoorState}
     * @param value the new value; {@code null} is stored as a JSON null
     * @param unit unit of a numeric value ({@code seconds}, {@code %}, {@code °C} ...)
     * @param timestamp when the change happened upstream
     * @param level {@code critical}, {@code alert}, {@code warning}, {@code hint} or {@code info}
     * @param handling {@code none}, {@code acknowledge} or {@code decision}
     * @param uri API path of the changed resource (absent on EVENT)
     * @param name localised name of the key
     * @param displayvalue localised display text of the value
     * @param haId appliance id, present inside some connection events
     * @param additionalFields upstream fields this class does not name
     */
    public HomeConnectEventItem(String key, JsonNode value, String unit, Instant timestamp, String level,
            String handling, String uri, String name, String displayvalue, String haId,
            Map<String, JsonNode> additionalFields) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an item needs a key");
        }
        this.key = key;
        this.value = value == null ? NullNode.getInstance() : value;
        this.unit = unit;
        this.timestamp = timestamp;
        this.level = level;
        this.handling = handling;
        this.uri = uri;
        this.name = name;
        this.displayvalue = displayvalue;
        this.haId = haId;
        this.additionalFields = additionalFields == null || additionalFields.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(additionalFields));
    }

    /** Reads the JSON form written by this class; {@code timestamp} is Unix seconds. */
    @JsonCreator
    static HomeConnectEventItem fromJson(@JsonProperty("key") String key,
            @JsonProperty("value") JsonNode value,
            @JsonProperty("unit") String unit,
            @JsonProperty("timestamp") JsonNode timestamp,
            @JsonProperty("level") String level,
            @JsonProperty("handling") String handling,
            @JsonProperty("uri") String uri,
            @JsonProperty("name") String name,
            @JsonProperty("displayvalue") String displayvalue,
            @JsonProperty("haId") String haId,
            @JsonAnySetter Map<String, JsonNode> additionalFields) {
        return new HomeConnectEventItem(key, value, unit, UpstreamTimestamp.parse(timestamp), level, handling,
                uri, name, displayvalue, haId, additionalFields);
    }

    /** The changed key, e.g. {@code BSH.Common.Root.ActiveProgram}; never {@code null}. */
    @JsonProperty("key")
    public String key() {
        return key;
    }

    /** The new value; a JSON null node (never Java {@code null}) when upstream sent null or nothing. */
    @JsonProperty("value")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public JsonNode value() {
        return value;
    }

    /** Unit of a numeric value, or {@code null}. */
    @JsonProperty("unit")
    public String unit() {
        return unit;
    }

    /** When the change happened according to the appliance/cloud, or {@code null} (brief 8.5 rule 7). */
    public Instant timestamp() {
        return timestamp;
    }

    /** Severity: {@code critical}, {@code alert}, {@code warning}, {@code hint}, {@code info}, or {@code null}. */
    @JsonProperty("level")
    public String level() {
        return level;
    }

    /** {@code none}, {@code acknowledge} or {@code decision}, or {@code null}. */
    @JsonProperty("handling")
    public String handling() {
        return handling;
    }

    /** Relative API path of the changed resource, or {@code null}. */
    @JsonProperty("uri")
    public String uri() {
        return uri;
    }

    /** Localised name of the key, or {@code null}. */
    @JsonProperty("name")
    public String name() {
        return name;
    }

    /** Localised display text of the value, or {@code null}. */
    @JsonProperty("displayvalue")
    public String displayvalue() {
        return displayvalue;
    }

    /** Appliance id carried inside the item (some connection events), or {@code null}. */
    @JsonProperty("haId")
    public String haId() {
        return haId;
    }

    /** Upstream fields without an accessor of their own, in arrival order; never {@code null}. */
    @JsonAnyGetter
    public Map<String, JsonNode> additionalFields() {
        return additionalFields;
    }

    /** The timestamp as Unix seconds for JSON: whole seconds as an integer, else a decimal. */
    @JsonProperty("timestamp")
    private Number timestampSeconds() {
        return UpstreamTimestamp.toSeconds(timestamp);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HomeConnectEventItem item
                && key.equals(item.key)
                && value.equals(item.value)
                && Objects.equals(unit, item.unit)
                && Objects.equals(timestamp, item.timestamp)
                && Objects.equals(level, item.level)
                && Objects.equals(handling, item.handling)
                && Objects.equals(uri, item.uri)
                && Objects.equals(name, item.name)
                && Objects.equals(displayvalue, item.displayvalue)
                && Objects.equals(haId, item.haId)
                && additionalFields.equals(item.additionalFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, timestamp);
    }

    @Override
    public String toString() {
        return key + "=" + value + (timestamp == null ? "" : " @" + timestamp);
    }
}
