package io.github.camelsmarthome.simplisafe.api.websocket;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventReader;
import io.github.camelsmarthome.simplisafe.api.event.UnreadableEventException;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Malformed;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Problem;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.SkipReason;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Skipped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the text frames of the SimpliSafe websocket (brief 6.2 to 6.4) into
 * {@link WebsocketParseResult}s. Every frame is hostile input (design 8): malformed, truncated,
 * oversized, of unknown type or missing fields. No exception leaves {@link #parse}; each fault is a
 * distinct {@link Problem} with a short reason that names positions and sizes, never payload text,
 * so a token in an echoed identify cannot reach a log.
 *
 * <p>Frames over the size limit are refused before parsing. The client should also cap the frame
 * size at the transport, so that such a frame is never assembled in memory.
 *
 * <p>Thread-safe.
 */
public final class WebsocketMessageParser {

    /** 1 MiB: events are a few kilobytes, camera events with their link sets under 4 KiB. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 1 << 20;

    /** Types are reverse-DNS names; anything else is not printed, as it could be anything. */
    private static final Pattern PRINTABLE_TYPE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxMessageChars;
    private final SimplisafeEventReader reader;

    /** A parser with the {@value #DEFAULT_MAX_MESSAGE_CHARS}-character limit and its own event reader. */
    public WebsocketMessageParser() {
        this(DEFAULT_MAX_MESSAGE_CHARS, new SimplisafeEventReader());
    }

    /**
     * A parser.
     *
     * @param maxMessageChars frames longer than this are {@link Problem#OVERSIZED}
     * @param reader the event reader, shared with the history mapper so both log unknown codes once
     */
    public WebsocketMessageParser(int maxMessageChars, SimplisafeEventReader reader) {
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be positive, was " + maxMessageChars);
        }
        this.maxMessageChars = maxMessageChars;
        this.reader = reader;
    }

    /**
     * Parses one text frame.
     *
     * @param text the frame's text
     * @param receivedAt when it arrived; the event time when upstream gives none
     * @return never {@code null}
     */
    public WebsocketParseResult parse(String text, Instant receivedAt) {
        try {
            return parseChecked(text, receivedAt);
        } catch (RuntimeException e) {
            // A bug here must not kill the socket loop (brief 9 rule 7); the class name is enough to find it.
            return new Malformed(Problem.UNEXPECTED, "parser fault " + e.getClass().getSimpleName());
        }
    }

    /** The result for a binary frame, which the protocol never uses (brief 6.2). */
    public WebsocketParseResult binaryFrame(int length) {
        return new Malformed(Problem.BINARY_FRAME, "binary frame of " + length + " bytes");
    }

    private WebsocketParseResult parseChecked(String text, Instant receivedAt) {
        if (text == null || text.isBlank()) {
            return new Malformed(Problem.EMPTY, text == null ? "no text" : "blank frame of " + text.length() + " chars");
        }
        if (text.length() > maxMessageChars) {
            return new Malformed(Problem.OVERSIZED, "frame of " + text.length() + " chars exceeds the limit of "
                    + maxMessageChars);
        }
        JsonNode root;
        try {
            root = readSingleValue(text);
        } catch (TrailingDataException e) {
            return new Malformed(Problem.TRAILING_DATA, "more text after the JSON value" + at(e.location));
        } catch (JsonEOFException e) {
            return new Malformed(Problem.TRUNCATED, "JSON ends early, after " + text.length() + " chars");
        } catch (StreamConstraintsException e) {
            return new Malformed(Problem.OVERSIZED, "exceeds a JSON nesting or length limit");
        } catch (JsonProcessingException e) {
            return new Malformed(Problem.NOT_JSON, "not JSON" + at(e.getLocation()));
        } catch (IOException e) {
            return new Malformed(Problem.NOT_JSON, "not readable as JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            return new Malformed(Problem.NOT_AN_OBJECT, "JSON " + (root == null ? "nothing" : root.getNodeType().name()
                    .toLowerCase(Locale.ROOT)) + ", not an object");
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isBlank()) {
            return new Malformed(Problem.NO_TYPE, "message without a textual type");
        }
        WebsocketEnvelope envelope = envelope(root, typeNode.textValue());
        return switch (envelope.type()) {
            case WebsocketMessage.HELLO -> message(hello(envelope, LenientJson.field(root, "data")));
            case WebsocketMessage.REGISTERED -> message(new WebsocketMessage.Registered(envelope));
            case WebsocketMessage.NAMESPACE_SUBSCRIBED, WebsocketMessage.SERVICE_SUBSCRIBED -> message(
                    new WebsocketMessage.Subscribed(envelope,
                            LenientJson.nonBlankText(LenientJson.field(root, "data"), "namespace")));
            case WebsocketMessage.EVENT -> event(envelope, LenientJson.field(root, "data"), receivedAt);
            case WebsocketMessage.IDENTIFY -> new Skipped(SkipReason.CLIENT_MESSAGE, envelope.type());
            default -> new Skipped(SkipReason.UNKNOWN_TYPE, printable(envelope.type()));
        };
    }

    private WebsocketParseResult event(WebsocketEnvelope envelope, JsonNode data, Instant receivedAt) {
        if (data == null || !data.isObject()) {
            return new Malformed(Problem.MISSING_DATA, "event message without a data object (envelope id "
                    + printable(envelope.id()) + ")");
        }
        SimplisafeEventReader.Context context = new SimplisafeEventReader.Context(null, eventIdOf(envelope.id()),
                envelope.time());
        try {
            SimplisafeEvent event = reader.read(data, SimplisafeEventOrigin.REALTIME, context, receivedAt);
            return message(new WebsocketMessage.Event(envelope, event));
        } catch (UnreadableEventException e) {
            return new Malformed(Problem.UNREADABLE_EVENT, e.getMessage() + " (envelope id " + printable(envelope.id()) + ")");
        }
    }

    private static WebsocketMessage.Hello hello(WebsocketEnvelope envelope, JsonNode data) {
        JsonNode timeouts = LenientJson.field(data, "timeouts");
        return new WebsocketMessage.Hello(envelope, millis(LenientJson.longValue(timeouts, "heartbeat")),
                millis(LenientJson.longValue(timeouts, "inactivity")));
    }

    private static WebsocketEnvelope envelope(JsonNode root, String type) {
        return new WebsocketEnvelope(type, LenientJson.text(root, "source"), LenientJson.text(root, "id"),
                LenientJson.isoInstant(root, "time"), LenientJson.text(root, "specversion"));
    }

    /** The event id in an envelope id {@code id:<n>}; {@code null} for {@code ts:<millis>} and anything else. */
    private static Long eventIdOf(String envelopeId) {
        if (envelopeId == null || !envelopeId.startsWith(SimplisafeEvent.EVENT_ID_PREFIX)
                || envelopeId.length() > SimplisafeEvent.EVENT_ID_PREFIX.length() + 19) {
            return null;
        }
        try {
            long id = Long.parseLong(envelopeId.substring(SimplisafeEvent.EVENT_ID_PREFIX.length()));
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads exactly one JSON value: text after it means a spliced or concatenated frame. */
    private static JsonNode readSingleValue(String text) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            JsonNode root = JSON.readTree(parser);
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new TrailingDataException(e.getLocation());
            }
            if (after != null) {
                throw new TrailingDataException(parser.currentTokenLocation());
            }
            return root;
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String printable(String type) {
        return type != null && PRINTABLE_TYPE.matcher(type).matches() ? type : "(unprintable)";
    }

    private static Duration millis(Long value) {
        return value == null || value < 0 ? null : Duration.ofMillis(value);
    }

    private static WebsocketParseResult message(WebsocketMessage message) {
        return new WebsocketParseResult.Message(message);
    }

    /** A complete JSON value followed by more text. */
    private static final class TrailingDataException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation location;

        TrailingDataException(JsonLocation location) {
            super("trailing data");
            this.location = location;
        }
    }
}
