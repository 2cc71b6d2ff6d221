package io.github.camelsmarthome.homeconnect.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What one event of the Home Connect stream turned out to be. Expected outcomes are values, not
 * exceptions, so the consumer can act on each with a plain {@code instanceof} chain:
 * <ul>
 *   <li>{@link Event}: route it;</li>
 *   <li>{@link KeepAlive}: the stream is alive (feed the watchdog), nothing to route;</li>
 *   <li>{@link Skipped}: log and carry on, the stream is fine (brief 8.5 rule 4);</li>
 *   <li>{@link Corrupt}: log, close the connection and reconnect (brief 8.5 rule 6).</li>
 * </ul>
 * {@link #describe()} gives one short log line with the context (type, appliance, byte offset)
 * and never a payload.
 */
public sealed interface StreamOutcome {

    /** One short line for a log, with event type, appliance and byte offset where known. */
    String describe();

    /** An appliance event to route. */
    record Event(HomeConnectEvent event) implements StreamOutcome {

        /** Rejects a missing event. */
        public Event {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String describe() {
            return event.type() + " for " + event.deviceId() + ", " + event.items().size() + " item(s)";
        }
    }

    /**
     * A KEEP-ALIVE: proof the stream is alive, about no appliance.
     *
     * @param receivedAt when it arrived
     * @param offset byte offset of the event in the stream
     */
    record KeepAlive(Instant receivedAt, long offset) implements StreamOutcome {

        @Override
        public String describe() {
            return "KEEP-ALIVE at byte " + offset;
        }
    }

    /**
     * A well-formed event this client does not turn into a {@link HomeConnectEvent}: an unknown
     * type, a STATUS/EVENT/NOTIFY without items, an event naming no appliance. The stream stays
     * usable.
     *
     * @param reason why it was skipped
     * @param eventType the type as sent, or {@code null} when the event had none
     * @param haId the appliance, or {@code null} when unknown
     * @param offset byte offset of the event in the stream
     */
    record Skipped(String reason, String eventType, String haId, long offset) implements StreamOutcome {

        @Override
        public String describe() {
            return "skipped " + (eventType == null ? "untyped event" : eventType)
                    + (haId == null ? "" : " for " + haId) + " at byte " + offset + ": " + reason;
        }
    }

    /**
     * The stream can no longer be trusted: a garbage line, data that is not JSON, a line or event
     * over the size limit, bytes that are not UTF-8. Close the connection and open a new one (with
     * a new decoder); events in between are lost and must be resynchronised (brief 8.7).
     *
     * @param reason what was wrong
     * @param eventType the type of the event being decoded, or {@code null} for a wire-level fault
     * @param offset byte offset where the fault starts
     */
    record Corrupt(String reason, String eventType, long offset) implements StreamOutcome {

        @Override
        public String describe() {
            return "corrupt stream at byte " + offset + (eventType == null ? "" : " in " + eventType) + ": " + reason;
        }
    }
}
