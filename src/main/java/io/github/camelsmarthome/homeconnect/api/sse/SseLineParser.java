package io.github.camelsmarthome.homeconnect.api.sse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Incremental parser of a server-sent-events byte stream, fed the chunks exactly as the network
 * delivers them.
 *
 * <p>A chunk may end anywhere: inside a line, between the bytes of one UTF-8 character, between
 * the {@code \r} and {@code \n} of a line ending, or after several complete events. The parser
 * keeps the unfinished line as bytes and decodes it only once its line ending has arrived, so
 * chunk boundaries never change the result (brief 8.5 rule 5).
 *
 * <p>Wire rules, following the SSE specification where Home Connect does: lines end with LF,
 * CRLF or CR; a line starting with {@code :} is a comment (the simulator sends {@code :ok});
 * {@code field:value} with one optional space after the colon removed (the simulator writes
 * {@code event: KEEP-ALIVE}, production {@code event:KEEP-ALIVE}); a known field written without
 * a colon has an empty value; repeated {@code data:} lines are joined with {@code \n}; a blank
 * line dispatches the event; a leading UTF-8 byte order mark is skipped.
 *
 * <p>Deliberate departures, each because of Home Connect:
 * <ul>
 *   <li>The id of an event is its own {@code id:} line only; nothing is carried over to later
 *       events (brief 8.5 rule 1, the KEEP-ALIVE misattribution seen in Home Assistant).</li>
 *   <li>An event is dispatched even when its data is empty or absent, because KEEP-ALIVE has an
 *       empty {@code data:} and old CONNECTED events had none (brief 8.5 rule 2). A block with no
 *       {@code event:}, {@code data:} or {@code id:} line dispatches nothing.</li>
 *   <li>Home Connect only ever sends {@code event}, {@code data} and {@code id}. An unknown field
 *       is ignored when it looks like one ({@code lowercase:value}); anything else that is
 *       neither a field nor a comment, such as a chunk size ({@code 1f4}) or an HTTP header
 *       ({@code Content-Type: ...}) leaking into the body, means the stream is corrupt
 *       (brief 8.5 rule 6) and is reported through {@link SseSink#onMalformed}.</li>
 *   <li>A line longer than {@link SseLimits#maxLineBytes()}, an event whose data exceeds
 *       {@link SseLimits#maxEventBytes()}, or bytes that are not UTF-8 are reported the same way,
 *       so a hostile stream cannot grow memory without bound.</li>
 * </ul>
 * After the first malformed input the parser ignores everything it is fed: the stream must be
 * reopened with a new parser. An event left unfinished when the stream ends is discarded, as the
 * specification requires; there is nothing to flush.
 *
 * <p>Not thread-safe: one parser per connection, fed from one thread (an event loop) at a time.
 */
public final class SseLineParser {

    private static final int INITIAL_LINE_CAPACITY = 256;
    /** Buffers that grew past this for one large line or event are dropped afterwards, to keep idle streams small. */
    private static final int RETAINED_CAPACITY = 64 * 1024;
    private static final int MAX_SHOWN_FIELD_NAME = 24;

    private final SseLimits limits;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private long position;
    private long lineStart;
    private boolean swallowLineFeed;
    private boolean firstLine = true;
    private boolean failed;
    private long serverRetryMillis = -1;

    private boolean eventHasField;
    private long eventStart;
    private String eventType;
    private String eventId;
    private StringBuilder eventData = new StringBuilder();
    private boolean eventHasData;
    private long eventDataBytes;

    /** A parser with the {@linkplain SseLimits#DEFAULT default limits}. */
    public SseLineParser() {
        this(SseLimits.DEFAULT);
    }

    /** A parser with the given limits. */
    public SseLineParser(SseLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    /** Feeds a whole chunk. */
    public void feed(byte[] chunk, SseSink sink) {
        feed(chunk, 0, chunk.length, sink);
    }

    /** Feeds {@code length} bytes of {@code chunk} from {@code offset}; the array is not kept. */
    public void feed(byte[] chunk, int offset, int length, SseSink sink) {
        if (offset < 0 || length < 0 || offset > chunk.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length
                    + ", chunk " + chunk.length);
        }
        int index = offset;
        int end = offset + length;
        while (index < end && !failed) {
            if (swallowLineFeed) {
                swallowLineFeed = false;
                if (chunk[index] == '\n') {
                    // second half of a CRLF whose CR ended the previous chunk or segment
                    index++;
                    position++;
                    lineStart = position;
                    continue;
                }
            }
            int lineEnd = index;
            while (lineEnd < end && chunk[lineEnd] != '\n' && chunk[lineEnd] != '\r') {
                lineEnd++;
            }
            if (!append(chunk, index, lineEnd - index, sink)) {
                return;
            }
            position += lineEnd - index;
            index = lineEnd;
            if (lineEnd < end) {
                swallowLineFeed = chunk[lineEnd] == '\r';
                index++;
                position++;
                completeLine(sink);
                lineStart = position;
            }
        }
    }

    /** Feeds the remaining bytes of {@code chunk} and consumes them. */
    public void feed(ByteBuffer chunk, SseSink sink) {
        if (chunk.hasArray()) {
            int length = chunk.remaining();
            feed(chunk.array(), chunk.arrayOffset() + chunk.position(), length, sink);
            chunk.position(chunk.position() + length);
            return;
        }
        byte[] copy = new byte[Math.min(chunk.remaining(), 8192)];
        while (chunk.hasRemaining()) {
            int length = Math.min(copy.length, chunk.remaining());
            chunk.get(copy, 0, length);
            feed(copy, 0, length, sink);
        }
    }

    /** How many bytes have been fed so far; the offsets in events and errors count from here. */
    public long bytesConsumed() {
        return position;
    }

    /** Whether malformed input was reported; the parser then ignores further input. */
    public boolean isFailed() {
        return failed;
    }

    /** The reconnection delay the server last asked for with {@code retry:}, if it ever did. */
    public OptionalLong serverRetryMillis() {
        return serverRetryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(serverRetryMillis);
    }

    private boolean append(byte[] chunk, int from, int count, SseSink sink) {
        if (count == 0) {
            return true;
        }
        int needed = lineLength + count;
        if (needed > limits.maxLineBytes()) {
            fail(sink, "line longer than " + limits.maxLineBytes() + " bytes", lineStart);
            return false;
        }
        if (needed > line.length) {
            int grown = (int) Math.min(limits.maxLineBytes(), Math.max((long) line.length * 2, needed));
            byte[] larger = new byte[grown];
            System.arraycopy(line, 0, larger, 0, lineLength);
            line = larger;
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength = needed;
        return true;
    }

    private void completeLine(SseSink sink) {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        int byteCount = lineLength - start;
        String text;
        try {
            text = decode(start, byteCount);
        } catch (CharacterCodingException e) {
            fail(sink, "line is not valid UTF-8", lineStart);
            return;
        } finally {
            lineLength = 0;
            if (line.length > RETAINED_CAPACITY) {
                line = new byte[INITIAL_LINE_CAPACITY];
            }
        }
        interpret(text, byteCount, sink);
    }

    private String decode(int start, int count) throws CharacterCodingException {
        if (count == 0) {
            return "";
        }
        boolean ascii = true;
        for (int i = start; i < start + count && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return new String(line, start, count, StandardCharsets.US_ASCII);
        }
        CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(line, start, count));
        return chars.toString();
    }

    private void interpret(String text, int byteCount, SseSink sink) {
        if (text.isEmpty()) {
            dispatch(sink);
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : valueAfter(text, colon);
        switch (field) {
            case "event" -> {
                markField();
                eventType = value;
            }
            case "data" -> {
                markField();
                eventDataBytes += byteCount + 1L;
                if (eventDataBytes > limits.maxEventBytes()) {
                    fail(sink, "event larger than " + limits.maxEventBytes() + " bytes", eventStart);
                    return;
                }
                if (eventHasData) {
                    eventData.append('\n');
                }
                eventData.append(value);
                eventHasData = true;
            }
            case "id" -> {
                markField();
                // the specification ignores ids containing NUL; so do we
                if (value.indexOf('\0') < 0) {
                    eventId = value;
                }
            }
            case "retry" -> rememberRetry(value);
            default -> {
                if (colon < 0 || !looksLikeFieldName(field)) {
                    fail(sink, "unexpected line " + describe(field) + ", not an SSE field", lineStart);
                }
            }
        }
    }

    private static String valueAfter(String text, int colon) {
        int valueStart = colon + 1;
        if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
            valueStart++;
        }
        return text.substring(valueStart);
    }

    private void markField() {
        if (!eventHasField) {
            eventHasField = true;
            eventStart = lineStart;
        }
    }

    private void rememberRetry(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return;
            }
        }
        serverRetryMillis = Long.parseLong(value);
    }

    private void dispatch(SseSink sink) {
        if (eventHasField) {
            String data = eventHasData ? eventData.toString() : null;
            RawSseEvent event = new RawSseEvent(eventType, data, eventId, eventStart);
            resetEvent();
            sink.onEvent(event);
        } else {
            resetEvent();
        }
    }

    private void resetEvent() {
        eventHasField = false;
        eventType = null;
        eventId = null;
        eventHasData = false;
        eventDataBytes = 0;
        if (eventData.capacity() > RETAINED_CAPACITY) {
            eventData = new StringBuilder();
        } else {
            eventData.setLength(0);
        }
    }

    private void fail(SseSink sink, String reason, long offset) {
        failed = true;
        lineLength = 0;
        line = new byte[0];
        eventData = new StringBuilder();
        sink.onMalformed(reason, offset);
    }

    /** SSE field names are lowercase words; chunk sizes, HTTP headers and status lines are not. */
    private static boolean looksLikeFieldName(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !field.isEmpty();
    }

    /** Names a garbage line without echoing content that might be sensitive or huge. */
    private static String describe(String field) {
        if (field.length() <= MAX_SHOWN_FIELD_NAME) {
            boolean plain = true;
            for (int i = 0; i < field.length() && plain; i++) {
                char c = field.charAt(i);
                plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || c == '-' || c == '_' || c == '.' || c == '/';
            }
            if (plain && !field.isEmpty()) {
                return "'" + field + "'";
            }
        }
        return "of " + field.length() + " chars";
    }
}
