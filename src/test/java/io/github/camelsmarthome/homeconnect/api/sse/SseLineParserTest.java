package io.github.camelsmarthome.homeconnect.api.sse;

import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DRYER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.KEEP_ALIVE;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY_DATA;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.STATUS;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.WASHER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.bytes;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.withCr;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.withCrlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The server-sent-events wire format as Home Connect and its simulator write it (brief 8.2). */
class SseLineParserTest {

    private final Recorder recorder = new Recorder();

    @Test
    void aProductionEventIsDispatchedByTheBlankLineWithItsTypeDataAndId() {
        feed(new SseLineParser(), NOTIFY);

        assertThat(recorder.events).containsExactly(new RawSseEvent("NOTIFY", NOTIFY_DATA, DRYER, 0));
        assertThat(recorder.malformed).isEmpty();
    }

    static Stream<Arguments> lineEndings() {
        return Stream.of(
                Arguments.of("LF", UnaryOperator.<String>identity()),
                Arguments.of("CRLF", (UnaryOperator<String>) s -> withCrlf(s)),
                Arguments.of("CR", (UnaryOperator<String>) s -> withCr(s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineEndings")
    void everyLineEndingOfTheSpecificationGivesTheSameEvents(String name, UnaryOperator<String> lineEnding) {
        feed(new SseLineParser(), lineEnding.apply(KEEP_ALIVE + NOTIFY));

        assertThat(recorder.events).extracting(RawSseEvent::type, RawSseEvent::data, RawSseEvent::id)
                .containsExactly(
                        tuple("KEEP-ALIVE", "", null),
                        tuple("NOTIFY", NOTIFY_DATA, DRYER));
    }

    @Test
    void aCrlfSplitBetweenTwoChunksIsOneLineEndingNotAnExtraBlankLine() {
        SseLineParser parser = new SseLineParser();

        parser.feed(bytes("event:KEEP-ALIVE\r"), recorder);
        parser.feed(bytes("\ndata:\r\n\r\n"), recorder);

        assertThat(recorder.events).containsExactly(new RawSseEvent("KEEP-ALIVE", "", null, 0));
    }

    @Test
    void splittingTheStreamAtAnyByteGivesTheSameEventsAsOneChunk() {
        byte[] stream = bytes(KEEP_ALIVE + STATUS + NOTIFY);
        Recorder whole = new Recorder();
        new SseLineParser().feed(stream, whole);

        for (int split = 1; split < stream.length; split++) {
            Recorder pieces = new Recorder();
            SseLineParser parser = new SseLineParser();
            parser.feed(Arrays.copyOfRange(stream, 0, split), pieces);
            parser.feed(Arrays.copyOfRange(stream, split, stream.length), pieces);
            assertThat(pieces.events).as("split at byte %d", split).isEqualTo(whole.events);
        }
        assertThat(whole.events).hasSize(3);
    }

    @Test
    void aMultiByteCharacterSplitBetweenChunksIsDecodedWhole() {
        // "°C" is a unit the brief lists (3.4); ° is the two bytes C2 B0 in UTF-8
        String data = "{\"key\":\"Cooking.Oven.Option.SetpointTemperature\",\"value\":200,\"unit\":\"°C\"}";
        byte[] stream = bytes("event:NOTIFY\ndata:" + data + "\nid:" + DRYER + "\n\n");
        int degreeSign = indexOf(stream, (byte) 0xC2);
        SseLineParser parser = new SseLineParser();

        parser.feed(stream, 0, degreeSign + 1, recorder);
        parser.feed(stream, degreeSign + 1, stream.length - degreeSign - 1, recorder);

        assertThat(recorder.events).extracting(RawSseEvent::data).containsExactly(data);
        assertThat(recorder.malformed).isEmpty();
    }

    @Test
    void aStreamFedOneByteAtATimeGivesTheSameEvents() {
        byte[] stream = bytes(withCrlf(STATUS + KEEP_ALIVE + NOTIFY));
        SseLineParser parser = new SseLineParser();

        for (byte b : stream) {
            parser.feed(new byte[] {b}, recorder);
        }

        assertThat(recorder.events).extracting(RawSseEvent::type).containsExactly("STATUS", "KEEP-ALIVE", "NOTIFY");
    }

    @Test
    void severalEventsInOneChunkAreAllDispatchedInOrder() {
        feed(new SseLineParser(), STATUS + KEEP_ALIVE + NOTIFY);

        assertThat(recorder.events).extracting(RawSseEvent::type, RawSseEvent::id).containsExactly(
                tuple("STATUS", WASHER),
                tuple("KEEP-ALIVE", null),
                tuple("NOTIFY", DRYER));
    }

    @Test
    void commentLinesAreIgnoredWhereverTheyAppear() {
        feed(new SseLineParser(), ":ok\n\nevent:KEEP-ALIVE\n: a comment inside an event\ndata:\n\n:ok\n");

        assertThat(recorder.events).containsExactly(new RawSseEvent("KEEP-ALIVE", "", null, 5));
        assertThat(recorder.malformed).isEmpty();
    }

    @Test
    void repeatedDataLinesAreJoinedWithLineFeeds() {
        feed(new SseLineParser(), "event:NOTIFY\ndata:{\"haId\":\"X\",\ndata:\"items\":[]}\ndata:\nid:X\n\n");

        assertThat(recorder.events).extracting(RawSseEvent::data).containsExactly("{\"haId\":\"X\",\n\"items\":[]}\n");
    }

    @Test
    void theSimulatorsSpaceAfterTheColonIsStrippedOnceAndItsOkCommentIgnored() {
        feed(new SseLineParser(), ":ok\n\nevent: NOTIFY\ndata: " + NOTIFY_DATA + "\nid: " + DRYER + "\n\n"
                + "event: KEEP-ALIVE\ndata:  two spaces\n\n");

        assertThat(recorder.events).extracting(RawSseEvent::type, RawSseEvent::data, RawSseEvent::id)
                .containsExactly(
                        tuple("NOTIFY", NOTIFY_DATA, DRYER),
                        tuple("KEEP-ALIVE", " two spaces", null));
    }

    @Test
    void aKnownFieldWithoutColonHasAnEmptyValueAndAnAbsentDataLineIsNull() {
        feed(new SseLineParser(), "event:CONNECTED\ndata\nid:" + DRYER + "\n\nevent:CONNECTED\nid:" + DRYER + "\n\n");

        assertThat(recorder.events).extracting(RawSseEvent::data).containsExactly("", null);
    }

    @Test
    void anUnknownLowercaseFieldIsIgnoredAndRetryIsRememberedWithoutDispatching() {
        SseLineParser parser = new SseLineParser();

        feed(parser, "retry:10000\n\nevent:KEEP-ALIVE\nfuture:value\ndata:\n\n");

        assertThat(recorder.events).containsExactly(new RawSseEvent("KEEP-ALIVE", "", null, 13));
        assertThat(parser.serverRetryMillis()).hasValue(10_000);
        assertThat(recorder.malformed).isEmpty();
    }

    @Test
    void theIdOfAnEventIsNeverCarriedOverToTheNextEvent() {
        feed(new SseLineParser(), NOTIFY + KEEP_ALIVE + "event:CONNECTED\ndata:\n\n");

        assertThat(recorder.events).extracting(RawSseEvent::id).containsExactly(DRYER, null, null);
    }

    @Test
    void anEventWithoutItsBlankLineIsNotDispatched() {
        feed(new SseLineParser(), KEEP_ALIVE + "event:NOTIFY\ndata:" + NOTIFY_DATA + "\nid:" + DRYER + "\n");

        assertThat(recorder.events).extracting(RawSseEvent::type).containsExactly("KEEP-ALIVE");
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        feed(new SseLineParser(), "\uFEFF" + KEEP_ALIVE);

        assertThat(recorder.events).extracting(RawSseEvent::type).containsExactly("KEEP-ALIVE");
    }

    @Test
    void offsetsCountBytesFromTheStartOfTheStream() {
        SseLineParser parser = new SseLineParser();

        feed(parser, KEEP_ALIVE + ":ok\n" + STATUS);

        long statusStart = bytes(KEEP_ALIVE + ":ok\n").length;
        assertThat(recorder.events).extracting(RawSseEvent::offset).containsExactly(0L, statusStart);
        assertThat(parser.bytesConsumed()).isEqualTo(bytes(KEEP_ALIVE + ":ok\n" + STATUS).length);
    }

    @Test
    void aDirectByteBufferIsConsumedLikeAnArray() {
        byte[] stream = bytes(STATUS + NOTIFY);
        ByteBuffer direct = ByteBuffer.allocateDirect(stream.length).put(stream).flip();

        new SseLineParser().feed(direct, recorder);

        assertThat(direct.hasRemaining()).isFalse();
        assertThat(recorder.events).extracting(RawSseEvent::type).containsExactly("STATUS", "NOTIFY");
    }

    @Test
    void aLineOverTheLimitIsMalformedBeforeItsEndArrives() {
        SseLineParser parser = new SseLineParser(new SseLimits(64, 1024));
        byte[] endless = new byte[65];
        Arrays.fill(endless, (byte) 'x');

        feed(parser, KEEP_ALIVE);
        parser.feed(bytes("data:"), recorder);
        parser.feed(endless, recorder);

        assertThat(recorder.malformed).containsExactly("line longer than 64 bytes @" + bytes(KEEP_ALIVE).length);
        assertThat(parser.isFailed()).isTrue();
    }

    @Test
    void anEventWhoseDataLinesTogetherExceedTheLimitIsMalformed() {
        SseLineParser parser = new SseLineParser(new SseLimits(64, 200));
        String line = "data:" + "y".repeat(50) + "\n";

        feed(parser, "event:NOTIFY\n" + line.repeat(4) + "\n");

        assertThat(recorder.events).isEmpty();
        assertThat(recorder.malformed).containsExactly("event larger than 200 bytes @0");
    }

    @Test
    void aChunkSizeInjectedMidStreamIsMalformedAndNothingAfterItIsDispatched() {
        feed(new SseLineParser(), STATUS + "1f4\n" + NOTIFY);

        assertThat(recorder.events).extracting(RawSseEvent::type).containsExactly("STATUS");
        assertThat(recorder.malformed).containsExactly(
                "unexpected line '1f4', not an SSE field @" + bytes(STATUS).length);
    }

    @Test
    void aStrayHttpHeaderIsMalformedAndItsValueIsNotRepeated() {
        feed(new SseLineParser(), KEEP_ALIVE + "Set-Cookie: session=secret\n" + NOTIFY);

        assertThat(recorder.malformed).singleElement().asString()
                .startsWith("unexpected line 'Set-Cookie'")
                .doesNotContain("secret");
        assertThat(recorder.events).hasSize(1);
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        SseLineParser parser = new SseLineParser();

        parser.feed(new byte[] {'d', 'a', 't', 'a', ':', (byte) 0xC3, '(', '\n'}, recorder);

        assertThat(recorder.malformed).containsExactly("line is not valid UTF-8 @0");
    }

    @Test
    void afterMalformedInputTheParserIgnoresEverything() {
        SseLineParser parser = new SseLineParser();
        feed(parser, "HTTP/1.1 200 OK\n");

        feed(parser, KEEP_ALIVE + NOTIFY);

        assertThat(recorder.events).isEmpty();
        assertThat(recorder.malformed).hasSize(1);
    }

    private void feed(SseLineParser parser, String stream) {
        parser.feed(bytes(stream), recorder);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }

    /** Keeps what the parser reports; malformed input as {@code reason @offset}. */
    private static final class Recorder implements SseSink {
        final List<RawSseEvent> events = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void onEvent(RawSseEvent event) {
            events.add(event);
        }

        @Override
        public void onMalformed(String reason, long offset) {
            malformed.add(reason + " @" + offset);
        }
    }
}
