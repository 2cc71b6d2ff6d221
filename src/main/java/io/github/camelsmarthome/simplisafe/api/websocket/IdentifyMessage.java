package io.github.camelsmarthome.simplisafe.api.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The client's {@code com.simplisafe.connection.identify} message (brief 6.2 and 6.3). It holds
 * the bearer token, so its text is written to the socket and nowhere else: never logged, never
 * part of an exception or a {@code toString()}.
 */
final class IdentifyMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private IdentifyMessage() {
    }

    /**
     * The text of identify.
     *
     * @param accessToken the current access token
     * @param userId the user whose namespace {@code uid:<userId>} is joined
     * @param userAgent the {@code source}
     * @param now the {@code time} and the {@code ts:<millis>} id
     */
    static String text(String accessToken, long userId, String userAgent, Instant now) {
        ObjectNode message = JSON.createObjectNode();
        message.put("datacontenttype", "application/json");
        message.put("type", WebsocketMessage.IDENTIFY);
        message.put("time", TIME.format(now));
        message.put("id", "ts:" + now.toEpochMilli());
        message.put("specversion", "1.0");
        message.put("source", userAgent);
        ObjectNode data = message.putObject("data");
        ObjectNode auth = data.putObject("auth");
        auth.put("schema", "bearer");
        auth.put("token", accessToken);
        data.putArray("join").add("uid:" + userId);
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // Cannot happen for a tree of strings; the cause is left out as it could quote the tree.
            throw new IllegalStateException("identify could not be written as JSON");
        }
    }
}
