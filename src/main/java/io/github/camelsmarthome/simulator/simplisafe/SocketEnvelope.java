package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The CloudEvents-style envelope of every server message (brief section 6.2): {@code type},
 * {@code source} ({@code service} for control, {@code messagequeue} for events),
 * {@code specversion}, {@code datacontenttype}, {@code id} ({@code id:<eventId>} for events,
 * {@code ts:<ms>} otherwise), {@code time} with milliseconds, and {@code data} when there is any.
 */
final class SocketEnvelope {

    static final String HELLO = "com.simplisafe.service.hello";
    static final String REGISTERED = "com.simplisafe.service.registered";
    static final String IDENTIFY = "com.simplisafe.connection.identify";
    static final String EVENT = "com.simplisafe.event.standard";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SocketEnvelope() {
    }

    static String control(String type, JsonNode data, Instant now) {
        return SimpliSafeJson.write(envelope(type, "service", "ts:" + now.toEpochMilli(), now, data));
    }

    static String event(SimulatedEvent event, Instant now) {
        return SimpliSafeJson.write(envelope(EVENT, "messagequeue", "id:" + event.eventId(), now, event.socketData()));
    }

    private static ObjectNode envelope(String type, String source, String id, Instant now, JsonNode data) {
        ObjectNode message = SimpliSafeJson.object();
        message.put("type", type);
        message.put("source", source);
        message.put("specversion", "1.0");
        message.put("datacontenttype", "application/json");
        message.put("id", id);
        message.put("time", TIME.format(now));
        if (data != null) {
            message.set("data", data);
        }
        return message;
    }
}
