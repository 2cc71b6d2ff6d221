package io.github.camelsmarthome.homeconnect.api.sse;

/**
 * One dispatched server-sent event, exactly as it was on the wire, before any interpretation.
 *
 * <p>Every field describes this event only. In particular {@link #id()} is the event's own
 * {@code id:} line: unlike the "last event id" of the SSE specification it is never inherited
 * from an earlier event, because Home Connect uses it as the appliance id and an inherited value
 * would attribute the event to the wrong appliance (protocol brief 8.5 rule 1).
 *
 * @param type the value of the {@code event:} line, or {@code null} when the event had none
 * @param data the {@code data:} lines joined with {@code \n}, or {@code null} when the event had
 *     no {@code data:} line at all (an empty {@code data:} line gives {@code ""})
 * @param id the value of this event's own {@code id:} line, or {@code null} when it had none
 * @param offset the byte offset in the stream where the event's first line starts, for logs
 */
public record RawSseEvent(String type, String data, String id, long offset) {
}
