package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed stream events into one-line summaries such as
 * {@code STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Run}, one per item,
 * so a test can state an expected sequence readably.
 */
final class StreamSummaries {

    private StreamSummaries() {
    }

    static List<String> of(List<SseTestStream.Event> events, String haId) {
        List<String> summaries = new ArrayList<>();
        for (SseTestStream.Event event : events) {
            if (!haId.equals(event.id()) || event.data() == null || event.data().isEmpty()) {
                continue;
            }
            JsonNode data = parse(event.data());
            if (!data.has("items")) {
                summaries.add(event.event());
                continue;
            }
            for (JsonNode item : data.path("items")) {
                JsonNode value = item.path("value");
                summaries.add(event.event() + " " + item.path("key").asText() + "=" + (value.isNull() ? "null" : value.asText()));
            }
        }
        return summaries;
    }

    static JsonNode parse(String data) {
        try {
            return SimulatorHttp.JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Event data is not JSON: " + data, e);
        }
    }
}
