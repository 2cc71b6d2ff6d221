package io.github.camelsmarthome.simplisafe.api.websocket;

import java.util.Locale;
import java.util.Objects;

/**
 * What one websocket frame turned out to be. Expected outcomes are values, not exceptions, so the
 * client handles each with an {@code instanceof} chain and the socket loop never dies of a bad
 * message (brief 9 rule 7):
 * <ul>
 *   <li>{@link Message}: act on it;</li>
 *   <li>{@link Skipped}: a well-formed message the client does not use (an unknown type); ignore it;</li>
 *   <li>{@link Malformed}: not a valid message; log, count, and carry on (brief 10 lists invalid
 *       JSON among the reasons to reconnect: that is the client's choice, made per {@link Problem}).</li>
 * </ul>
 * {@link #describe()} is one short log line; it never quotes the payload, so it can never leak the
 * token of an echoed identify or anything else the frame held.
 */
public sealed interface WebsocketParseResult {

    /** One short line for a log, without payload. */
    String describe();

    /** A message the client acts on. */
    record Message(WebsocketMessage message) implements WebsocketParseResult {

        /** Rejects a missing message. */
        public Message {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            if (message instanceof WebsocketMessage.Event event) {
                return "event " + event.event();
            }
            return message.envelope().type();
        }
    }

    /**
     * A well-formed message the client has no use for.
     *
     * @param reason why
     * @param messageType the type as sent when it is printable, else a placeholder
     */
    record Skipped(SkipReason reason, String messageType) implements WebsocketParseResult {

        @Override
        public String describe() {
            return "skipped " + messageType + ": " + reason.text();
        }
    }

    /**
     * Not a valid message.
     *
     * @param problem what kind of fault, for metrics and decisions
     * @param detail a short reason with position or sizes, never payload text
     */
    record Malformed(Problem problem, String detail) implements WebsocketParseResult {

        @Override
        public String describe() {
            return "malformed message (" + problem.name().toLowerCase(Locale.ROOT) + "): " + detail;
        }
    }

    /** Why a well-formed message is skipped. */
    enum SkipReason {
        /** A type this client does not know (brief 6.3: only the event type carries events). */
        UNKNOWN_TYPE("unknown message type"),
        /** A message only clients send, such as identify, came from the server. */
        CLIENT_MESSAGE("a client message type coming from the server");

        private final String text;

        SkipReason(String text) {
            this.text = text;
        }

        /** Human text. */
        public String text() {
            return text;
        }
    }

    /** The kinds of malformed frames. */
    enum Problem {
        /** Nothing, or only white space. */
        EMPTY,
        /** Over the size limit, or over Jackson's nesting or length limits. */
        OVERSIZED,
        /** A binary frame; the protocol uses text frames only (brief 6.2). */
        BINARY_FRAME,
        /** Text that is not JSON. */
        NOT_JSON,
        /** JSON that ends before its value is complete. */
        TRUNCATED,
        /** A complete JSON value followed by more text. */
        TRAILING_DATA,
        /** JSON, but not an object. */
        NOT_AN_OBJECT,
        /** An object without a textual {@code type}. */
        NO_TYPE,
        /** An event message without a {@code data} object. */
        MISSING_DATA,
        /** An event whose data cannot be an event (no {@code sid}). */
        UNREADABLE_EVENT,
        /** A fault of this parser; a bug to report, never a reason to drop the connection. */
        UNEXPECTED
    }
}
