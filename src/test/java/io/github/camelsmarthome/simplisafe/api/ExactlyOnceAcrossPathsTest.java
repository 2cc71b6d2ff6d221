package io.github.camelsmarthome.simplisafe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.event.EventHistoryCursor;
import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryMapper;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketMessage;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketMessageParser;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An upstream event seen on the websocket and again in the REST history is emitted once (brief 9
 * rule 6): both paths give it the id {@code id:<eventId>}, the history cursor finds what is new since
 * the last page, and {@link SeenEventIds} drops what the websocket already delivered.
 */
class ExactlyOnceAcrossPathsTest {

    private static final long SID = 12345;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final WebsocketMessageParser parser = new WebsocketMessageParser();
    private final EventHistoryMapper history = new EventHistoryMapper();
    private final EventHistoryCursor cursor = new EventHistoryCursor();
    private final SeenEventIds seen = new SeenEventIds();
    private final List<SimplisafeEvent> emitted = new ArrayList<>();

    @Test
    void theSameEventFromBothPathsHasTheSameId() {
        JsonNode item = SimplisafeFixtures.json("events_response.json").get("events").get(0);

        SimplisafeEvent fromHistory = history.page(SimplisafeFixtures.json("events_response.json"), SID, T0).events().get(0);
        SimplisafeEvent fromSocket = realtime(item);

        assertThat(fromSocket.id()).isEqualTo(fromHistory.id()).isEqualTo("id:2921814837");
        assertThat(fromSocket.origin()).isEqualTo(SimplisafeEventOrigin.REALTIME);
        assertThat(fromHistory.origin()).isEqualTo(SimplisafeEventOrigin.HISTORY);
        assertThat(fromSocket.type()).isEqualTo(fromHistory.type()).isEqualTo("armed_away_by_keypad");
        assertThat(fromSocket.time()).isEqualTo(fromHistory.time());
    }

    @Test
    void aReconnectBackFillEmitsOnlyWhatTheWebsocketMissed() {
        JsonNode armed = item(1001, 1534720376L, 3401);
        JsonNode disarmed = item(1002, 1534720476L, 1400);
        JsonNode alarm = item(1003, 1534720576L, 1134);
        JsonNode older = item(999, 1534702778L, 1400);

        // Start-up: the history is the baseline, nothing old is replayed.
        backFill(page(armed, older));
        // Live: the websocket delivers the disarm.
        emitIfNew(realtime(disarmed));
        // The socket drops; the alarm happens meanwhile; after reconnecting the history has both.
        backFill(page(alarm, disarmed, armed, older));
        // A late duplicate on the new socket changes nothing.
        emitIfNew(realtime(alarm));

        assertThat(emitted).extracting(SimplisafeEvent::id).containsExactly("id:1002", "id:1003");
        assertThat(emitted).extracting(SimplisafeEvent::origin)
                .containsExactly(SimplisafeEventOrigin.REALTIME, SimplisafeEventOrigin.HISTORY);
    }

    private void backFill(JsonNode body) {
        EventHistoryCursor.Delta delta = cursor.advance(history.page(body, SID, T0).events());
        delta.newEvents().forEach(this::emitIfNew);
    }

    private void emitIfNew(SimplisafeEvent event) {
        if (seen.firstSighting(event)) {
            emitted.add(event);
        }
    }

    private SimplisafeEvent realtime(JsonNode data) {
        WebsocketParseResult result = parser.parse(SimplisafeFixtures.eventFrame(data), T0);
        assertThat(result).isInstanceOf(WebsocketParseResult.Message.class);
        return ((WebsocketMessage.Event) ((WebsocketParseResult.Message) result).message()).event();
    }

    private static JsonNode page(JsonNode... items) {
        ObjectNode body = SimplisafeFixtures.JSON.createObjectNode().put("numEvents", items.length);
        ArrayNode events = body.putArray("events");
        for (JsonNode item : items) {
            events.add(item);
        }
        return body;
    }

    private static JsonNode item(long eventId, long timestamp, int cid) {
        ObjectNode item = (ObjectNode) SimplisafeFixtures.json("events_response.json").get("events").get(0);
        return item.put("eventId", eventId).put("eventTimestamp", timestamp).put("eventCid", cid);
    }
}
