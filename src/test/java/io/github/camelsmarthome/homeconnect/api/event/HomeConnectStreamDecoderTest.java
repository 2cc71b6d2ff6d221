package io.github.camelsmarthome.homeconnect.api.event;

import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DRYER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.EVENT;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.KEEP_ALIVE;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY_DATA;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.STATUS;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.WASHER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.homeconnect.api.sse.SseLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding whole connections: attribution, the simulator's dialect, hostile input. */
class HomeConnectStreamDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2023-02-20T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(RECEIVED, ZoneOffset.UTC);

    @Test
    void everyEventIsAttributedToItsOwnApplianceNeverToThePreviousEventsId() {
        String disconnectedNamingNoAppliance = "event:DISCONNECTED\ndata:\n\n";
        String connectedNamingItselfInData = "event:CONNECTED\ndata:{\"haId\":\"" + WASHER + "\"}\n\n";

        List<StreamOutcome> outcomes = allAppliances().decode(bytes(
                NOTIFY + KEEP_ALIVE + disconnectedNamingNoAppliance + connectedNamingItselfInData + KEEP_ALIVE + EVENT));

        assertThat(outcomes).extracting(HomeConnectStreamDecoderTest::attribution).containsExactly(
                "NOTIFY -> " + DRYER,
                "KEEP-ALIVE",
                "skipped DISCONNECTED -> nobody",
                "CONNECTED -> " + WASHER,
                "KEEP-ALIVE",
                "EVENT -> " + WASHER);
    }

    @Test
    void aPerApplianceStreamAttributesEventsNamingNoApplianceToItsAppliance() {
        HomeConnectStreamDecoder decoder = new HomeConnectStreamDecoder(SseLimits.DEFAULT, CLOCK, WASHER);

        List<StreamOutcome> outcomes = decoder.decode(bytes("event:DISCONNECTED\ndata:\n\n" + NOTIFY));

        assertThat(outcomes).extracting(HomeConnectStreamDecoderTest::attribution)
                .containsExactly("DISCONNECTED -> " + WASHER, "NOTIFY -> " + DRYER);
    }

    @Test
    void theSimulatorsSpacingAndOkCommentsDecodeLikeProduction() {
        String simulator = ":ok\n\n"
                + "event: NOTIFY\ndata: " + NOTIFY_DATA + "\nid: " + DRYER + "\n\n"
                + ":ok\n"
                + "event: KEEP-ALIVE\ndata: \n\n";

        List<StreamOutcome> fromSimulator = allAppliances().decode(bytes(simulator));
        List<StreamOutcome> fromProduction = allAppliances().decode(bytes(NOTIFY + KEEP_ALIVE));

        assertThat(fromSimulator).hasSize(2);
        assertThat(event(fromSimulator.get(0))).isEqualTo(event(fromProduction.get(0)));
        assertThat(event(fromSimulator.get(0)).deviceId()).isEqualTo(DRYER);
        assertThat(fromSimulator.get(1)).isInstanceOf(StreamOutcome.KeepAlive.class);
    }

    @Test
    void theSimulatorsDoorAlarmWithADoorStateValuePassesThrough() {
        // brief section 10, item 10: the simulator's FridgeFreezer door alarms carry DoorState.Open
        String doorAlarm = "event: EVENT\n"
                + "data: {\"haId\":\"BOSCH-HCS05FRF1-D00000000001\",\"items\":[{\"key\":\"Refrigeration.FridgeFreezer.Event.DoorAlarmFreezer\","
                + "\"value\":\"BSH.Common.EnumType.DoorState.Open\",\"level\":\"alert\",\"handling\":\"acknowledge\",\"timestamp\":1700000100}]}\n"
                + "id: BOSCH-HCS05FRF1-D00000000001\n\n";

        HomeConnectEvent event = event(allAppliances().decode(bytes(doorAlarm)).get(0));

        assertThat(event.items()).singleElement().satisfies(item -> {
            assertThat(item.value().textValue()).isEqualTo("BSH.Common.EnumType.DoorState.Open");
            assertThat(item.level()).isEqualTo("alert");
            assertThat(item.handling()).isEqualTo("acknowledge");
        });
    }

    @Test
    void anOversizedLineIsCorruptionAsSoonAsItPassesTheLimitAndIsNotBuffered() {
        HomeConnectStreamDecoder decoder = new HomeConnectStreamDecoder(new SseLimits(1024, 4096), CLOCK, null);
        decoder.decode(bytes(KEEP_ALIVE));

        List<StreamOutcome> outcomes = decoder.decode(bytes("event:NOTIFY\ndata:" + "9".repeat(2000)));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(StreamOutcome.Corrupt.class, corrupt -> {
            assertThat(corrupt.reason()).isEqualTo("line longer than 1024 bytes");
            assertThat(corrupt.offset()).isEqualTo(bytes(KEEP_ALIVE + "event:NOTIFY\n").length);
        });
        assertThat(decoder.isCorrupt()).isTrue();
    }

    @Test
    void garbageInjectedMidStreamAcrossAChunkBoundaryEndsDecodingIncludingTheRestOfTheChunk() {
        HomeConnectStreamDecoder decoder = allAppliances();

        List<StreamOutcome> first = decoder.decode(bytes(STATUS + "Transfer-Enc"));
        List<StreamOutcome> second = decoder.decode(bytes("oding: chunked\n" + NOTIFY));
        List<StreamOutcome> third = decoder.decode(bytes(EVENT));

        assertThat(first).singleElement().isInstanceOf(StreamOutcome.Event.class);
        assertThat(second).singleElement().isInstanceOfSatisfying(StreamOutcome.Corrupt.class,
                corrupt -> assertThat(corrupt.describe())
                        .isEqualTo("corrupt stream at byte " + bytes(STATUS).length
                                + ": unexpected line 'Transfer-Encoding', not an SSE field"));
        assertThat(third).isEmpty();
    }

    @Test
    void corruptJsonEndsDecodingEvenWithValidEventsLaterInTheSameChunk() {
        HomeConnectStreamDecoder decoder = allAppliances();

        List<StreamOutcome> outcomes = decoder.decode(bytes("event:STATUS\ndata:{\"haId\":\nid:X\n\n" + NOTIFY));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(StreamOutcome.Corrupt.class, corrupt -> {
            assertThat(corrupt.eventType()).isEqualTo("STATUS");
            assertThat(corrupt.reason()).startsWith("data is not JSON");
        });
        assertThat(decoder.isCorrupt()).isTrue();
    }

    @Test
    void itemEventsWithoutItemsAndEventsWithoutTypeAreSkippedNotCorrupt() {
        String statusWithoutItems = "event:STATUS\ndata:{\"haId\":\"" + WASHER + "\",\"items\":[]}\nid:" + WASHER + "\n\n";
        String untyped = "data:{\"haId\":\"" + WASHER + "\"}\n\n";
        String notAnObject = "event:NOTIFY\ndata:[1,2]\nid:" + WASHER + "\n\n";

        List<StreamOutcome> outcomes = allAppliances().decode(bytes(statusWithoutItems + untyped + notAnObject + KEEP_ALIVE));

        int untypedAt = statusWithoutItems.length();
        int notAnObjectAt = untypedAt + untyped.length();
        int keepAliveAt = notAnObjectAt + notAnObject.length();
        assertThat(outcomes).extracting(StreamOutcome::describe).containsExactly(
                "skipped STATUS for " + WASHER + " at byte 0: no items",
                "skipped untyped event at byte " + untypedAt + ": event without an event: line",
                "skipped NOTIFY for " + WASHER + " at byte " + notAnObjectAt + ": data is JSON but not an object",
                "KEEP-ALIVE at byte " + keepAliveAt);
    }

    @Test
    void itemsWithoutAKeyAreDroppedAndTheOthersKept() {
        String data = "{\"haId\":\"" + WASHER + "\",\"items\":[{\"value\":1},\"text\",{\"key\":\"BSH.Common.Status.DoorState\","
                + "\"value\":\"BSH.Common.EnumType.DoorState.Closed\"}]}";

        HomeConnectEvent event = event(allAppliances().decode(bytes("event:STATUS\ndata:" + data + "\n\n")).get(0));

        assertThat(event.items()).extracting(HomeConnectEventItem::key).containsExactly("BSH.Common.Status.DoorState");
    }

    @Test
    void aConnectionEventWhoseOnlyApplianceIdIsInsideItsItemsIsAttributedToIt() {
        String data = "{\"items\":[{\"haId\":\"" + WASHER + "\",\"key\":\"BSH.Common.Appliance.Connected\",\"value\":true}]}";

        HomeConnectEvent event = event(allAppliances().decode(bytes("event:CONNECTED\ndata:" + data + "\n\n")).get(0));

        assertThat(event.deviceId()).isEqualTo(WASHER);
    }

    private static HomeConnectStreamDecoder allAppliances() {
        return new HomeConnectStreamDecoder(SseLimits.DEFAULT, CLOCK, null);
    }

    private static HomeConnectEvent event(StreamOutcome outcome) {
        assertThat(outcome).isInstanceOf(StreamOutcome.Event.class);
        return ((StreamOutcome.Event) outcome).event();
    }

    private static String attribution(StreamOutcome outcome) {
        if (outcome instanceof StreamOutcome.Event e) {
            return e.event().type() + " -> " + e.event().deviceId();
        }
        if (outcome instanceof StreamOutcome.Skipped s) {
            return "skipped " + s.eventType() + " -> " + (s.haId() == null ? "nobody" : s.haId());
        }
        if (outcome instanceof StreamOutcome.KeepAlive) {
            return "KEEP-ALIVE";
        }
        return outcome.describe();
    }
}
