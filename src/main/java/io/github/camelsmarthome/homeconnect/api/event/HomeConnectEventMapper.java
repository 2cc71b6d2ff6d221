package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelsmarthome.homeconnect.api.sse.RawSseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a raw server-sent event its Home Connect meaning, following the parsing rules of brief
 * 8.5.
 *
 * <ul>
 *   <li>The appliance is the event's own {@code id:}; else {@code data.haId}; else the one haId
 *       its items agree on; else, on a per-appliance stream, that appliance. Never an id of an
 *       earlier event (rule 1). An event naming no appliance is skipped, not guessed.</li>
 *   <li>Connection events accept no data, empty data, the two characters {@code ""} and a flat
 *       JSON object (rule 2).</li>
 *   <li>Data with {@code items} gives one item per element; a flat object with a {@code key} is
 *       one item (rule 3). Elements that are not objects with a key are dropped and logged.</li>
 *   <li>Unknown event types are skipped (rule 4); data that is not JSON is corruption (rule 6);
 *       null values and float or null timestamps are fine (rule 7).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class HomeConnectEventMapper {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectEventMapper.class);

    /** Trailing tokens after the JSON value mean something was spliced into the data line. */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private static final Set<String> NAMED_ITEM_FIELDS = Set.of(
            "key", "value", "unit", "timestamp", "level", "handling", "uri", "name", "displayvalue", "haId");

    private final String streamApplianceId;

    /** A mapper for the all-appliances stream, where every event must name its appliance. */
    public HomeConnectEventMapper() {
        this(null);
    }

    /**
     * A mapper for a stream of one appliance ({@code /homeappliances/{haId}/events}).
     *
     * @param streamApplianceId the appliance of the stream, used only for events naming none;
     *     {@code null} for the all-appliances stream
     */
    public HomeConnectEventMapper(String streamApplianceId) {
        this.streamApplianceId = blankToNull(streamApplianceId);
    }

    /**
     * Maps one raw event.
     *
     * @param raw the event as parsed from the wire
     * @param receivedAt when it was received; the event's time when upstream gives none
     * @return never {@code null}
     */
    public StreamOutcome map(RawSseEvent raw, Instant receivedAt) {
        String typeName = raw.type();
        String ownId = blankToNull(raw.id());
        if (typeName == null) {
            return new StreamOutcome.Skipped("event without an event: line", null, ownId, raw.offset());
        }
        HomeConnectEventType type = HomeConnectEventType.of(typeName);
        if (!type.isKnown()) {
            return new StreamOutcome.Skipped("unknown event type", typeName, ownId, raw.offset());
        }
        JsonNode data;
        try {
            data = readData(raw.data());
        } catch (JacksonException e) {
            return new StreamOutcome.Corrupt("data is not JSON (" + shortReason(e) + ")", typeName, raw.offset());
        }
        if (type.equals(HomeConnectEventType.KEEP_ALIVE)) {
            return new StreamOutcome.KeepAlive(receivedAt, raw.offset());
        }
        if (data != null && !data.isObject()) {
            return new StreamOutcome.Skipped("data is JSON but not an object", typeName, ownId, raw.offset());
        }
        JsonNode itemsNode = data == null ? null : data.get("items");
        if (itemsNode != null && !itemsNode.isNull() && !itemsNode.isArray()) {
            return new StreamOutcome.Skipped("items is not an array", typeName, ownId, raw.offset());
        }
        List<HomeConnectEventItem> items = items(data, itemsNode);
        String haId = applianceId(ownId, data, items);
        if (haId == null) {
            return new StreamOutcome.Skipped("event names no appliance", typeName, null, raw.offset());
        }
        if (items.size() < countElements(itemsNode)) {
            LOG.warn("Dropped {} of {} items without a key in {} for {} at byte {}",
                    countElements(itemsNode) - items.size(), countElements(itemsNode), typeName, haId, raw.offset());
        }
        if (type.carriesItems() && items.isEmpty()) {
            return new StreamOutcome.Skipped("no items", typeName, haId, raw.offset());
        }
        return new StreamOutcome.Event(HomeConnectEvent.of(haId, type, items, raw.data(), receivedAt));
    }

    /** {@code null} for no payload: no data line, empty data, {@code ""} or JSON null (rule 2). */
    private static JsonNode readData(String data) throws JacksonException {
        if (data == null || data.isBlank()) {
            return null;
        }
        JsonNode node = JSON.readTree(data);
        if (node == null || node.isNull() || node.isMissingNode() || node.isTextual() && node.textValue().isEmpty()) {
            return null;
        }
        return node;
    }

    private static List<HomeConnectEventItem> items(JsonNode data, JsonNode itemsNode) {
        if (data == null) {
            return List.of();
        }
        if (itemsNode != null) {
            List<HomeConnectEventItem> items = new ArrayList<>(itemsNode.size());
            for (JsonNode element : itemsNode) {
                HomeConnectEventItem item = item(element);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }
        // rule 3, and the flat connection-event object of rule 2
        HomeConnectEventItem flat = item(data);
        return flat == null ? List.of() : List.of(flat);
    }

    private static HomeConnectEventItem item(JsonNode node) {
        if (!node.isObject() || !node.path("key").isTextual() || node.path("key").textValue().isEmpty()) {
            return null;
        }
        Map<String, JsonNode> additional = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!NAMED_ITEM_FIELDS.contains(field.getKey())) {
                additional.put(field.getKey(), field.getValue());
            }
        }
        return new HomeConnectEventItem(node.get("key").textValue(), node.get("value"), text(node, "unit"),
                UpstreamTimestamp.parse(node.get("timestamp")), text(node, "level"), text(node, "handling"),
                text(node, "uri"), text(node, "name"), text(node, "displayvalue"), text(node, "haId"), additional);
    }

    private String applianceId(String ownId, JsonNode data, List<HomeConnectEventItem> items) {
        if (ownId != null) {
            return ownId;
        }
        String dataHaId = data == null ? null : text(data, "haId");
        if (dataHaId != null) {
            return dataHaId;
        }
        String agreed = null;
        for (HomeConnectEventItem item : items) {
            if (item.haId() == null || agreed != null && !agreed.equals(item.haId())) {
                agreed = null;
                break;
            }
            agreed = item.haId();
        }
        return agreed != null ? agreed : streamApplianceId;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        return blankToNull(value.asText());
    }

    private static int countElements(JsonNode itemsNode) {
        return itemsNode == null ? 0 : itemsNode.size();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Where the JSON broke, without Jackson's message, which quotes the offending input. */
    private static String shortReason(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getColumnNr() < 0) {
            return e.getClass().getSimpleName();
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
