package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventReader;
import io.github.camelsmarthome.simplisafe.api.event.UnreadableEventException;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the event history {@code subscriptions/{sid}/events} (brief 4.7) into
 * {@link SimplisafeEvent}s of origin {@code history}. The items have the shape of websocket event
 * data, so they go through the same {@link SimplisafeEventReader} and get the same ids. An item
 * without {@code sid} belongs to the system asked about. The answer may be {@code {}} or have an
 * empty list: both are an empty page.
 *
 * <p>Thread-safe.
 */
public final class EventHistoryMapper {

    private static final Logger LOG = LoggerFactory.getLogger(EventHistoryMapper.class);

    private final SimplisafeEventReader reader;

    /** A mapper with its own reader. */
    public EventHistoryMapper() {
        this(new SimplisafeEventReader());
    }

    /** A mapper sharing a reader, so unknown codes are logged once per client rather than once per path. */
    public EventHistoryMapper(SimplisafeEventReader reader) {
        this.reader = reader;
    }

    /**
     * One page.
     *
     * @param body the response body
     * @param systemId the system asked about
     * @param receivedAt when the answer arrived
     */
    public EventHistoryPage page(JsonNode body, long systemId, Instant receivedAt) {
        List<JsonNode> items = LenientJson.array(body, "events");
        List<SimplisafeEvent> events = new ArrayList<>(items.size());
        int skipped = 0;
        for (int i = 0; i < items.size(); i++) {
            try {
                events.add(reader.read(items.get(i), SimplisafeEventOrigin.HISTORY,
                        SimplisafeEventReader.Context.ofSystem(systemId), receivedAt));
            } catch (UnreadableEventException e) {
                skipped++;
                LOG.warn("Skipped history item {} of {} of system {}: {}", i + 1, items.size(), systemId, e.getMessage());
            }
        }
        return new EventHistoryPage(events, skipped, LenientJson.epochSeconds(body, "lastEventTimestamp"));
    }
}
