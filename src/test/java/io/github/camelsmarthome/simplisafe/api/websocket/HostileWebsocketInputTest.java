package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventReader;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Malformed;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Problem;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad frame (design 8, brief 9 rule 7) is a distinct {@link Problem} with a short
 * reason that quotes nothing of the frame; no exception leaves the parser.
 */
class HostileWebsocketInputTest {

    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");
    /** Stands for an access token or anything else secret that a frame may hold. */
    private static final String SECRET = "s3cr3tT0ken";

    private final WebsocketMessageParser parser = new WebsocketMessageParser(4096, new SimplisafeEventReader());

    static Stream<Arguments> hostileFrames() {
        String event = SimplisafeFixtures.eventFrame(SimplisafeFixtures.json("ws_message_event_data.json"));
        ObjectNode noSid = SimplisafeFixtures.object("ws_message_event_data.json").put("info", SECRET);
        noSid.remove("sid");
        return Stream.of(
                Arguments.of("null", null, Problem.EMPTY),
                Arguments.of("empty", "", Problem.EMPTY),
                Arguments.of("white space", " \n\t ", Problem.EMPTY),
                Arguments.of("oversized", "{\"type\":\"" + SECRET + "x".repeat(5000) + "\"}", Problem.OVERSIZED),
                Arguments.of("not JSON", SECRET + " is not json", Problem.NOT_JSON),
                Arguments.of("single quotes", "{'type':'" + SECRET + "'}", Problem.NOT_JSON),
                Arguments.of("truncated object", event.substring(0, event.length() / 2), Problem.TRUNCATED),
                Arguments.of("truncated in a string", "{\"type\":\"com.simplisafe." + SECRET, Problem.TRUNCATED),
                Arguments.of("two messages in one frame", event + event, Problem.TRAILING_DATA),
                Arguments.of("garbage after the message", event + " " + SECRET, Problem.TRAILING_DATA),
                Arguments.of("array", "[" + event + "]", Problem.NOT_AN_OBJECT),
                Arguments.of("string", "\"" + SECRET + "\"", Problem.NOT_AN_OBJECT),
                Arguments.of("number", "42", Problem.NOT_AN_OBJECT),
                Arguments.of("JSON null", "null", Problem.NOT_AN_OBJECT),
                Arguments.of("no type", "{\"data\":{\"token\":\"" + SECRET + "\"}}", Problem.NO_TYPE),
                Arguments.of("numeric type", "{\"type\":42}", Problem.NO_TYPE),
                Arguments.of("blank type", "{\"type\":\" \"}", Problem.NO_TYPE),
                Arguments.of("event without data", SimplisafeFixtures.eventFrame(null), Problem.MISSING_DATA),
                Arguments.of("event with text data", SimplisafeFixtures.eventFrame(
                        SimplisafeFixtures.JSON.getNodeFactory().textNode(SECRET)), Problem.MISSING_DATA),
                Arguments.of("event without sid", SimplisafeFixtures.eventFrame(noSid), Problem.UNREADABLE_EVENT),
                Arguments.of("nested too deep", "[".repeat(1200) + "]".repeat(1200), Problem.OVERSIZED));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("hostileFrames")
    void eachBadFrameIsMalformedForItsOwnReasonWithoutQuotingIt(String name, String frame, Problem expected) {
        WebsocketParseResult result = parser.parse(frame, RECEIVED);

        assertThat(result).isInstanceOf(Malformed.class);
        assertThat(((Malformed) result).problem()).isEqualTo(expected);
        assertThat(result.describe()).doesNotContain(SECRET).hasSizeLessThan(200);
    }

    @Test
    void aBinaryFrameIsMalformed() {
        WebsocketParseResult result = parser.binaryFrame(17);

        assertThat(result).isEqualTo(new Malformed(Problem.BINARY_FRAME, "binary frame of 17 bytes"));
    }

    @Test
    void reasonsSayWhereTheFaultIs() {
        assertThat(parser.parse("{\"type\":\"x\",}", RECEIVED).describe())
                .isEqualTo("malformed message (not_json): not JSON at line 1, column 13");
        assertThat(parser.parse("{\"type\":", RECEIVED).describe())
                .isEqualTo("malformed message (truncated): JSON ends early, after 8 chars");
        assertThat(parser.parse("x".repeat(4097), RECEIVED).describe())
                .isEqualTo("malformed message (oversized): frame of 4097 chars exceeds the limit of 4096");
    }

    @Test
    void aFrameAtTheLimitIsParsed() {
        String padded = "{\"type\":\"com.simplisafe.service.registered\",\"pad\":\"" + "x".repeat(4096 - 53) + "\"}";

        assertThat(padded).hasSize(4096);
        assertThat(parser.parse(padded, RECEIVED)).isInstanceOf(WebsocketParseResult.Message.class);
    }

    @Test
    void theDefaultLimitIsOneMebibyte() {
        WebsocketMessageParser standard = new WebsocketMessageParser();

        WebsocketParseResult result = standard.parse("{\"type\":\"" + "x".repeat(1 << 20) + "\"}", RECEIVED);

        assertThat(((Malformed) result).problem()).isEqualTo(Problem.OVERSIZED);
    }

    @Test
    void aFaultOfTheReaderIsAnOutcomeNotAnException() {
        WebsocketMessageParser broken = new WebsocketMessageParser(4096, null);

        WebsocketParseResult result = broken.parse(SimplisafeFixtures.eventFrame(
                SimplisafeFixtures.json("ws_message_event_data.json")), RECEIVED);

        assertThat(result).isEqualTo(new Malformed(Problem.UNEXPECTED, "parser fault NullPointerException"));
    }
}
