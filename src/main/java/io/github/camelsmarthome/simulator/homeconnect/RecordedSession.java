package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A recorded session to replay on open streams (brief section 11): one JSON object per line with
 * {@code event}, {@code data} and {@code appliance_id}, as homeconnect-watcher records them.
 * {@code event} becomes the SSE event name, {@code data} the data line (an object is written as
 * JSON, a string as it is, an absent one as no data line) and {@code appliance_id} the id line.
 * Lines whose event is not a stream event (the watcher's {@code SETTINGS-REQUEST} and the like)
 * are skipped.
 */
final class RecordedSession {

    /** One frame to write. */
    record Frame(String event, String data, String id) {
    }

    private static final Set<String> STREAM_EVENTS = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private RecordedSession() {
    }

    static List<Frame> parse(String jsonLines) {
        List<Frame> frames = new ArrayList<>();
        int lineNumber = 0;
        for (String line : jsonLines.split("\r?\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = SimulatorJson.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("Recorded session line " + lineNumber + " is not JSON", e);
            }
            String event = record.path("event").asText("");
            if (!STREAM_EVENTS.contains(event)) {
                continue;
            }
            JsonNode data = record.get("data");
            String dataLine;
            if (data == null || data.isNull()) {
                dataLine = EventType.KEEP_ALIVE.wireName().equals(event) ? "" : null;
            } else {
                dataLine = data.isTextual() ? data.asText() : SimulatorJson.write(data);
            }
            JsonNode id = record.get("appliance_id");
            frames.add(new Frame(event, dataLine, id == null || id.isNull() ? null : id.asText()));
        }
        return frames;
    }
}
