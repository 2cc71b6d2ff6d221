package io.github.camelsmarthome.homeconnect.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeconnect.api.state.KnownAppliance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the events the stream makes rather than receives (see {@link EventOrigin}): the gap
 * marker after a reconnect, STATUS events from REST answers, and the replay of saved state.
 * Items made from REST carry the {@code uri} of the resource they were read from, as stream
 * items do, so consumers can tell a setting from a status or an option.
 */
final class SyntheticEvents {

    /** Item key of the gap marker: when the previous connection ended. */
    static final String DISCONNECTED_AT = "disconnectedAt";
    /** Item key of the gap marker: when the new connection opened. */
    static final String RECONNECTED_AT = "reconnectedAt";
    /** Item key of the gap marker: why the previous connection ended. */
    static final String REASON = "reason";
    static final String ACTIVE_PROGRAM = "BSH.Common.Root.ActiveProgram";

    private static final Set<String> NAMED_REST_FIELDS = Set.of("key", "value", "unit", "name", "displayvalue", "constraints");

    private SyntheticEvents() {
    }

    /**
     * The {@code stream_reconnected} gap marker. Its id is stable: it depends only on the account
     * and the two times (to the millisecond), which the items carry as ISO-8601 values and as
     * timestamps.
     */
    static HomeConnectEvent streamReconnected(String account, Instant disconnectedAt, Instant reconnectedAt,
            DisconnectReason reason) {
        Instant from = disconnectedAt.truncatedTo(ChronoUnit.MILLIS);
        Instant to = reconnectedAt.truncatedTo(ChronoUnit.MILLIS);
        List<HomeConnectEventItem> items = List.of(
                item(DISCONNECTED_AT, TextNode.valueOf(from.toString()), from, null),
                item(RECONNECTED_AT, TextNode.valueOf(to.toString()), to, null),
                item(REASON, TextNode.valueOf(reason.name()), from, null));
        return HomeConnectEvent.synthetic(account, HomeConnectEventType.STREAM_RECONNECTED, items, to, EventOrigin.BRIDGE);
    }

    /** A connection event (CONNECTED, DISCONNECTED, PAIRED, DEPAIRED) a resync inferred from the appliance list. */
    static HomeConnectEvent inferredConnection(String haId, HomeConnectEventType type, Instant now) {
        return HomeConnectEvent.synthetic(haId, type, List.of(), now, EventOrigin.RESYNC);
    }

    /**
     * A STATUS event from the list in a {@code status} or {@code settings} answer; empty when the
     * list is, or when {@code keep} leaves nothing.
     *
     * @param resource {@code status} or {@code settings}: the answer's member and the uri segment
     */
    static List<HomeConnectEvent> fromList(String haId, String resource, JsonNode data, KeyFilter keep, Instant now) {
        List<HomeConnectEventItem> items = new ArrayList<>();
        for (JsonNode element : data.path(resource)) {
            String key = element.path("key").asText("");
            if (!key.isEmpty() && keep.keep(key)) {
                items.add(fromRest(element, uri(haId, resource + "/" + key)));
            }
        }
        return items.isEmpty() ? List.of()
                : List.of(HomeConnectEvent.synthetic(haId, HomeConnectEventType.STATUS, items, now, EventOrigin.RESYNC));
    }

    /**
     * A STATUS event from a {@code programs/active} answer: the program key as
     * {@code BSH.Common.Root.ActiveProgram} (as NOTIFY names it) and each option; {@code program}
     * {@code null} means none is active.
     */
    static List<HomeConnectEvent> fromActiveProgram(String haId, JsonNode program, KeyFilter keep, Instant now) {
        List<HomeConnectEventItem> items = new ArrayList<>();
        if (keep.keep(ACTIVE_PROGRAM)) {
            JsonNode key = program == null ? null : program.get("key");
            items.add(item(ACTIVE_PROGRAM, key, null, uri(haId, "programs/active")));
        }
        if (program != null) {
            for (JsonNode option : program.path("options")) {
                String key = option.path("key").asText("");
                if (!key.isEmpty() && keep.keep(key)) {
                    items.add(fromRest(option, uri(haId, "programs/active/options/" + key)));
                }
            }
        }
        return items.isEmpty() ? List.of()
                : List.of(HomeConnectEvent.synthetic(haId, HomeConnectEventType.STATUS, items, now, EventOrigin.RESYNC));
    }

    /**
     * The saved state of one appliance as it was before the restart: a STATUS event with every
     * known value (timestamps as saved), then DISCONNECTED when it had no cloud link.
     */
    static List<HomeConnectEvent> restored(KnownAppliance appliance, Instant now) {
        List<HomeConnectEvent> events = new ArrayList<>(2);
        if (!appliance.values().isEmpty()) {
            List<HomeConnectEventItem> items = new ArrayList<>(appliance.values().size());
            appliance.values().forEach((key, known) -> items.add(item(key, known.value(), known.timestamp(), null, known.unit())));
            events.add(HomeConnectEvent.synthetic(appliance.haId(), HomeConnectEventType.STATUS, items, now, EventOrigin.RESTORED));
        }
        if (!appliance.connected()) {
            events.add(HomeConnectEvent.synthetic(appliance.haId(), HomeConnectEventType.DISCONNECTED, List.of(), now,
                    EventOrigin.RESTORED));
        }
        return events;
    }

    private static HomeConnectEventItem fromRest(JsonNode element, String uri) {
        Map<String, JsonNode> additional = new LinkedHashMap<>();
        element.properties().forEach(field -> {
            if (!NAMED_REST_FIELDS.contains(field.getKey())) {
                additional.put(field.getKey(), field.getValue());
            }
        });
        return new HomeConnectEventItem(element.get("key").asText(), element.get("value"), text(element, "unit"), null, null,
                null, uri, text(element, "name"), text(element, "displayvalue"), null, additional);
    }

    private static HomeConnectEventItem item(String key, JsonNode value, Instant timestamp, String uri) {
        return item(key, value, timestamp, uri, null);
    }

    private static HomeConnectEventItem item(String key, JsonNode value, Instant timestamp, String uri, String unit) {
        return new HomeConnectEventItem(key, value == null ? JsonNodeFactory.instance.nullNode() : value, unit, timestamp,
                null, null, uri, null, null, null, null);
    }

    private static String uri(String haId, String path) {
        return "/api/homeappliances/" + haId + "/" + path;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Which keys of a REST answer to turn into items: those no event changed while the answer was in flight. */
    @FunctionalInterface
    interface KeyFilter {

        /** Keeps every key. */
        KeyFilter ALL = key -> true;

        /** Whether {@code key} goes into the event. */
        boolean keep(String key);
    }
}
