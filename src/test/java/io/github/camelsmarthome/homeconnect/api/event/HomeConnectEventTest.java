package io.github.camelsmarthome.homeconnect.api.event;

import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DRYER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.homeconnect.api.sse.RawSseEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event as a {@link DeviceEvent}: identity for de-duplication, time, one event per item. */
class HomeConnectEventTest {

    private static final Instant RECEIVED = Instant.parse("2023-02-20T13:00:00Z");

    @Test
    void itAnswersTheCommonContractWithTheBriefsVocabulary() {
        DeviceEvent event = notify(NOTIFY_DATA, RECEIVED);

        assertThat(event.system()).isEqualTo("homeconnect");
        assertThat(event.deviceId()).isEqualTo(DRYER);
        assertThat(event.type()).isEqualTo("NOTIFY");
        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1676897868));
    }

    @Test
    void theSameUpstreamChangeReceivedTwiceHasTheSameId() {
        HomeConnectEvent first = notify(NOTIFY_DATA, RECEIVED);
        HomeConnectEvent again = notify(NOTIFY_DATA, RECEIVED.plusSeconds(300));

        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void aDifferentValueAtTheSameSecondHasADifferentId() {
        HomeConnectEvent cotton = notify(NOTIFY_DATA, RECEIVED);
        HomeConnectEvent synthetics = notify(NOTIFY_DATA.replace("Dryer.Program.Cotton", "Dryer.Program.Synthetic"), RECEIVED);

        assertThat(synthetics.id()).isNotEqualTo(cotton.id());
    }

    @Test
    void twoConnectionEventsWithoutTimestampsAtDifferentTimesAreNotDuplicates() {
        HomeConnectEvent morning = HomeConnectEvent.of(DRYER, HomeConnectEventType.CONNECTED, List.of(), "", RECEIVED);
        HomeConnectEvent evening = HomeConnectEvent.of(DRYER, HomeConnectEventType.CONNECTED, List.of(), "",
                RECEIVED.plusSeconds(36_000));

        assertThat(evening.id()).isNotEqualTo(morning.id());
        assertThat(morning.time()).isEqualTo(RECEIVED);
    }

    @Test
    void theTimeIsTheLatestItemTimestamp() {
        HomeConnectEvent event = HomeConnectEvent.of(DRYER, HomeConnectEventType.NOTIFY, List.of(
                item("BSH.Common.Option.ProgramProgress", 1676897900L),
                item("BSH.Common.Option.RemainingProgramTime", 1676897960L),
                item("BSH.Common.Option.ElapsedProgramTime", null)), null, RECEIVED);

        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1676897960L));
    }

    @Test
    void splittingGivesOneEventPerItemEachWithItsOwnIdAndTime() {
        HomeConnectEvent event = HomeConnectEvent.of(DRYER, HomeConnectEventType.NOTIFY, List.of(
                item("BSH.Common.Option.ProgramProgress", 1676897900L),
                item("BSH.Common.Option.RemainingProgramTime", 1676897960L)), "raw", RECEIVED);

        List<HomeConnectEvent> split = event.splitItems();

        assertThat(split).hasSize(2);
        assertThat(split).extracting(e -> e.items().get(0).key())
                .containsExactly("BSH.Common.Option.ProgramProgress", "BSH.Common.Option.RemainingProgramTime");
        assertThat(split).extracting(HomeConnectEvent::time)
                .containsExactly(Instant.ofEpochSecond(1676897900L), Instant.ofEpochSecond(1676897960L));
        assertThat(split).extracting(HomeConnectEvent::id).doesNotHaveDuplicates().doesNotContain(event.id());
        assertThat(split).allSatisfy(e -> {
            assertThat(e.deviceId()).isEqualTo(DRYER);
            assertThat(e.type()).isEqualTo("NOTIFY");
            assertThat(e.raw()).isEqualTo("raw");
        });
    }

    @Test
    void aSplitItemHasTheIdOfTheSameItemArrivingAlone() {
        HomeConnectEvent both = notify(NOTIFY_DATA, RECEIVED);
        HomeConnectEvent alone = HomeConnectEvent.of(DRYER, HomeConnectEventType.NOTIFY, List.of(both.items().get(1)),
                null, RECEIVED.plusSeconds(1));

        assertThat(both.splitItems().get(1).id()).isEqualTo(alone.id());
        assertThat(alone.splitItems()).containsExactly(alone);
    }

    @Test
    void anEventTypeUnknownToThisVersionKeepsItsNameAndKnownNamesAreTheConstants() {
        assertThat(HomeConnectEventType.of("KEEP-ALIVE")).isSameAs(HomeConnectEventType.KEEP_ALIVE);
        assertThat(HomeConnectEventType.of("RECALL").wireName()).isEqualTo("RECALL");
        assertThat(HomeConnectEventType.of("RECALL").isKnown()).isFalse();
        assertThat(HomeConnectEventType.DEPAIRED.isConnectionEvent()).isTrue();
        assertThat(HomeConnectEventType.EVENT.carriesItems()).isTrue();
    }

    private static HomeConnectEvent notify(String data, Instant receivedAt) {
        StreamOutcome outcome = new HomeConnectEventMapper().map(new RawSseEvent("NOTIFY", data, DRYER, 0), receivedAt);
        assertThat(outcome).isInstanceOf(StreamOutcome.Event.class);
        return ((StreamOutcome.Event) outcome).event();
    }

    private static HomeConnectEventItem item(String key, Long epochSecond) {
        return new HomeConnectEventItem(key, IntNode.valueOf(1), null,
                epochSecond == null ? null : Instant.ofEpochSecond(epochSecond), null, null, null, null, null, null, null);
    }
}
