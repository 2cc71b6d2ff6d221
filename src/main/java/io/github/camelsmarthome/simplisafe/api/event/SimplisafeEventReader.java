package io.github.camelsmarthome.simplisafe.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one upstream event object (brief 6.4; the websocket message's {@code data} and the items of
 * the REST event history have the same shape, brief 4.7) into a {@link SimplisafeEvent}.
 *
 * <p>Every field is optional except the system id, which the caller may supply when the context
 * knows it (the history of {@code subscriptions/{sid}/events}); {@code pinName},
 * {@code sensorName}, {@code sensorSerial}, {@code sensorType}, {@code video} and
 * {@code videoStartedBy} are missing in real payloads (brief 6.4, 9 rule 7). A code not in the
 * event-code table is logged once per reader and code, and passed through as
 * {@value SimplisafeEventCodes#UNKNOWN_TYPE} with the raw code.
 *
 * <p>Thread-safe.
 */
public final class SimplisafeEventReader {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeEventReader.class);

    /** Enough for every code SimpliSafe might invent; bounds memory if a hostile peer sends random codes. */
    private static final int MAX_REMEMBERED_UNKNOWN_CODES = 256;

    private final Map<Integer, Boolean> unknownCodesLogged = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                    return size() > MAX_REMEMBERED_UNKNOWN_CODES;
                }
            });

    /**
     * Reads one event object.
     *
     * @param event the event object
     * @param origin {@link SimplisafeEventOrigin#REALTIME} or {@link SimplisafeEventOrigin#HISTORY}
     * @param context what the caller knows that the object may lack; {@link Context#NONE} for nothing
     * @param receivedAt when it was received
     * @return the event
     * @throws UnreadableEventException when the object is not an object or names no system
     */
    public SimplisafeEvent read(JsonNode event, SimplisafeEventOrigin origin, Context context, Instant receivedAt)
            throws UnreadableEventException {
        if (event == null || !event.isObject()) {
            throw new UnreadableEventException("event is not a JSON object");
        }
        Long sid = LenientJson.longValue(event, "sid");
        if (sid == null) {
            sid = context.systemId();
        }
        if (sid == null) {
            throw new UnreadableEventException("event has no sid");
        }
        Long eventId = LenientJson.longValue(event, "eventId");
        if (eventId == null || eventId <= 0) {
            eventId = context.eventId();
        }
        Instant time = LenientJson.epochSeconds(event, "eventTimestamp");
        if (time == null) {
            time = context.time();
        }
        Integer cid = LenientJson.intValue(event, "eventCid");
        SimplisafeEvent read = SimplisafeEvent.builder()
                .systemId(sid)
                .eventId(eventId)
                .eventCid(cid)
                .time(time)
                .category(LenientJson.nonBlankText(event, "eventType"))
                .info(LenientJson.nonBlankText(event, "info"))
                .sensorType(SensorType.ofNullable(LenientJson.intValue(event, "sensorType")))
                .sensorSerial(LenientJson.nonBlankText(event, "sensorSerial"))
                .sensorName(LenientJson.nonBlankText(event, "sensorName"))
                .changedBy(LenientJson.nonBlankText(event, "pinName"))
                .mediaUrls(MediaUrls.of(event))
                .origin(origin)
                .raw(event)
                .receivedAt(receivedAt)
                .build();
        if (read.eventCode() == null) {
            logUnknownCode(read);
        }
        return read;
    }

    private void logUnknownCode(SimplisafeEvent event) {
        Integer cid = event.eventCid();
        int key = cid == null ? Integer.MIN_VALUE : cid;
        if (unknownCodesLogged.putIfAbsent(key, Boolean.TRUE) != null) {
            LOG.debug("Event code {} again for system {} ({}), passed through as {}", cid, event.systemId(), event.id(),
                    SimplisafeEventCodes.UNKNOWN_TYPE);
            return;
        }
        if (cid == null) {
            LOG.info("Event without eventCid for system {} ({}, {}), passed through as {}", event.systemId(), event.id(),
                    event.origin(), SimplisafeEventCodes.UNKNOWN_TYPE);
        } else {
            LOG.info("Event code {} is not in the event-code table ({}); system {}, sensor type {}, {}, {}: passed through as {}"
                    + " with the raw code", cid, SimplisafeEventCodes.describeUnknown(cid), event.systemId(),
                    event.sensorType(), event.id(), event.origin(), SimplisafeEventCodes.UNKNOWN_TYPE);
        }
    }

    /**
     * What the caller knows about an event besides its object, used only where the object is silent.
     *
     * @param systemId the system the event was requested for, {@code null} when unknown
     * @param eventId an event id from the transport (the websocket envelope's {@code id:<n>}), {@code null} when none
     * @param time a time from the transport (the envelope's {@code time}), {@code null} when none
     */
    public record Context(Long systemId, Long eventId, Instant time) {

        /** Nothing known besides the object. */
        public static final Context NONE = new Context(null, null, null);

        /** The history of one system. */
        public static Context ofSystem(long systemId) {
            return new Context(systemId, null, null);
        }
    }
}
