package io.github.camelsmarthome.homeconnect.api.event;

import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.CONNECTED;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.CONNECTED_DATA;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DISCONNECTED;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DRYER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.EVENT;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.KEEP_ALIVE;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.PAIRED;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.STATUS;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.WASHER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.camelsmarthome.homeconnect.api.sse.SseLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parsing rules of the protocol brief, section 8.5, one test per rule, fed through the
 * decoder as bytes so that every layer takes part.
 */
class ParsingRulesTest {

    private static final Instant RECEIVED = Instant.parse("2023-02-20T13:00:00Z");

    @Test
    void rule1_theApplianceIsTheEventsOwnIdLineElseDataHaIdAndNeverAnEarlierEventsId() {
        String notifyWithoutHaIdInData = "event:NOTIFY\n"
                + "data:{\"items\":[{\"key\":\"BSH.Common.Option.ProgramProgress\",\"value\":42,\"unit\":\"%\",\"timestamp\":1676897900}]}\n"
                + "id:" + DRYER + "\n\n";
        String connectedWithoutIdLine = "event:CONNECTED\ndata:" + CONNECTED_DATA.replace(DRYER, WASHER) + "\n\n";
        String idLineDisagreeingWithData = "event:STATUS\n"
                + "data:{\"haId\":\"" + WASHER + "\",\"items\":[{\"key\":\"BSH.Common.Status.DoorState\",\"value\":\"BSH.Common.EnumType.DoorState.Closed\"}]}\n"
                + "id:" + DRYER + "\n\n";

        List<StreamOutcome> outcomes = decode(notifyWithoutHaIdInData + KEEP_ALIVE + connectedWithoutIdLine
                + idLineDisagreeingWithData);

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(1)).isInstanceOf(StreamOutcome.KeepAlive.class);
        assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(3)))
                .extracting(outcome -> ((StreamOutcome.Event) outcome).event())
                .extracting(HomeConnectEvent::type, HomeConnectEvent::deviceId)
                .containsExactly(tuple("NOTIFY", DRYER), tuple("CONNECTED", WASHER), tuple("STATUS", DRYER));
    }

    @Test
    void rule2_connectionEventsAcceptNoDataEmptyDataTwoQuotesAndAFlatObject() {
        List<StreamOutcome> outcomes = decode(
                "event:CONNECTED\nid:" + DRYER + "\n\n"
                        + "event:CONNECTED\ndata:\nid:" + DRYER + "\n\n"
                        + "event:DISCONNECTED\ndata:\"\"\nid:" + DRYER + "\n\n"
                        + CONNECTED);

        List<HomeConnectEvent> events = events(outcomes);
        assertThat(events).extracting(HomeConnectEvent::type, HomeConnectEvent::deviceId, HomeConnectEvent::raw)
                .containsExactly(
                        tuple("CONNECTED", DRYER, null),
                        tuple("CONNECTED", DRYER, ""),
                        tuple("DISCONNECTED", DRYER, "\"\""),
                        tuple("CONNECTED", DRYER, CONNECTED_DATA));
        assertThat(events.subList(0, 3)).allSatisfy(event -> {
            assertThat(event.items()).isEmpty();
            assertThat(event.time()).isEqualTo(RECEIVED);
        });
        HomeConnectEventItem flat = events.get(3).items().get(0);
        assertThat(flat.key()).isEqualTo("BSH.Common.Appliance.Connected");
        assertThat(flat.value()).isEqualTo(BooleanNode.TRUE);
        assertThat(flat.haId()).isEqualTo(DRYER);
        assertThat(events.get(3).time()).isEqualTo(Instant.ofEpochSecond(1676897865));
    }

    @Test
    void rule3_itemsGiveOneItemPerElementAndAFlatObjectIsOneItem() {
        String flatNotify = "event:NOTIFY\n"
                + "data:{\"haId\":\"" + DRYER + "\",\"key\":\"BSH.Common.Option.RemainingProgramTime\",\"value\":3540,\"unit\":\"seconds\",\"timestamp\":1676897870}\n"
                + "id:" + DRYER + "\n\n";

        List<HomeConnectEvent> events = events(decode(NOTIFY + flatNotify));

        assertThat(events.get(0).items()).extracting(HomeConnectEventItem::key)
                .containsExactly("BSH.Common.Root.ActiveProgram", "BSH.Common.Root.SelectedProgram");
        assertThat(events.get(1).items()).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("BSH.Common.Option.RemainingProgramTime");
            assertThat(item.value().intValue()).isEqualTo(3540);
            assertThat(item.unit()).isEqualTo("seconds");
        });
    }

    @Test
    void rule4_anUnknownEventTypeIsSkippedAndTheStreamGoesOn() {
        String unknown = "event:FIRMWARE-UPDATE\ndata:{\"haId\":\"" + WASHER + "\"}\nid:" + WASHER + "\n\n";

        List<StreamOutcome> outcomes = decode(unknown + STATUS);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isEqualTo(new StreamOutcome.Skipped("unknown event type", "FIRMWARE-UPDATE", WASHER, 0));
        assertThat(outcomes.get(1)).isInstanceOf(StreamOutcome.Event.class);
    }

    @Test
    void rule5_chunkBoundariesDoNotChangeTheOutcome() {
        byte[] stream = bytes(STATUS + KEEP_ALIVE + NOTIFY + EVENT + CONNECTED + DISCONNECTED + PAIRED);
        List<StreamOutcome> oneChunk = newDecoder().decode(stream);

        for (int chunkSize = 1; chunkSize <= 64; chunkSize++) {
            HomeConnectStreamDecoder decoder = newDecoder();
            List<StreamOutcome> chunked = new ArrayList<>();
            for (int from = 0; from < stream.length; from += chunkSize) {
                chunked.addAll(decoder.decode(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + chunkSize))));
            }
            assertThat(chunked).as("chunks of %d bytes", chunkSize).isEqualTo(oneChunk);
        }
        assertThat(oneChunk).hasSize(7).doesNotHaveAnyElementsOfTypes(StreamOutcome.Corrupt.class,
                StreamOutcome.Skipped.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1f4\n",
        "0\n",
        "Content-Type: text/event-stream\n",
        "HTTP/1.1 200 OK\n",
        "event:NOTIFY\ndata:{\"haId\":\"X\",\"items\":[{\"key\":\"k\"\n\n",
        "event:NOTIFY\ndata:{\"haId\":\"X\",\"items\":[]}1f4\nid:X\n\n",
        "event:KEEP-ALIVE\ndata:1f4\n\n"})
    void rule6_anUnparsableLineOrJsonIsCorruptionAndEndsTheStream(String garbage) {
        List<StreamOutcome> outcomes = decode(STATUS + garbage + NOTIFY);

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isInstanceOf(StreamOutcome.Event.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(StreamOutcome.Corrupt.class,
                corrupt -> assertThat(corrupt.offset()).isEqualTo(bytes(STATUS).length));
    }

    @Test
    void rule7_nullValuesAndFloatOrNullTimestampsAreAccepted() {
        String mixed = "event:NOTIFY\n"
                + "data:{\"haId\":\"" + DRYER + "\",\"items\":["
                + "{\"key\":\"BSH.Common.Option.ElapsedProgramTime\",\"value\":60,\"unit\":\"seconds\",\"timestamp\":1676897835.000},"
                + "{\"key\":\"BSH.Common.Option.ProgramProgress\",\"value\":1,\"unit\":\"%\",\"timestamp\":null}]}\n"
                + "id:" + DRYER + "\n\n";

        List<HomeConnectEvent> events = events(decode(NOTIFY + mixed));

        HomeConnectEventItem activeProgram = events.get(0).items().get(0);
        assertThat(activeProgram.value()).isEqualTo(NullNode.getInstance());
        assertThat(events.get(1).items()).extracting(HomeConnectEventItem::timestamp)
                .containsExactly(Instant.ofEpochSecond(1676897835), null);
        assertThat(events.get(1).time()).isEqualTo(Instant.ofEpochSecond(1676897835));
    }

    private static HomeConnectStreamDecoder newDecoder() {
        return new HomeConnectStreamDecoder(SseLimits.DEFAULT, Clock.fixed(RECEIVED, ZoneOffset.UTC), null);
    }

    private static List<StreamOutcome> decode(String stream) {
        return newDecoder().decode(bytes(stream));
    }

    private static List<HomeConnectEvent> events(List<StreamOutcome> outcomes) {
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(StreamOutcome.Event.class));
        return outcomes.stream().map(outcome -> ((StreamOutcome.Event) outcome).event()).toList();
    }
}
