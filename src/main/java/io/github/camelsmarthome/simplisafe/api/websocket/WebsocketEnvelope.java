package io.github.camelsmarthome.simplisafe.api.websocket;

import java.time.Instant;

/**
 * The CloudEvents-style envelope every websocket message has (brief 6.2). Only {@link #type()} is
 * required; the rest is {@code null} when absent or unreadable.
 *
 * @param type the message type, e.g. {@code com.simplisafe.event.standard}
 * @param source {@code service} for control messages, {@code messagequeue} for events
 * @param id {@code id:<eventId>} or {@code ts:<millis>}
 * @param time the envelope time
 * @param specversion {@code 1.0}
 */
public record WebsocketEnvelope(String type, String source, String id, Instant time, String specversion) {
}
