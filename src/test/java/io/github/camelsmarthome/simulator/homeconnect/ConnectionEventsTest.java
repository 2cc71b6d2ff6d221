package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CONNECTED, DISCONNECTED, PAIRED and DEPAIRED in every data shape of brief section 8.5, with and without ids. */
class ConnectionEventsTest extends SimulatorTestSupport {

    @Test
    void connectionEventsAreFlatObjectsByDefault() {
        try (SseTestStream stream = open()) {
            cloud.household().washer().disconnect();
            cloud.household().washer().connect();
            SseTestStream.Event connected = stream.awaitEvent(Duration.ofSeconds(3), event -> "CONNECTED".equals(event.event()));
            SseTestStream.Event disconnected = stream.events("DISCONNECTED").get(0);
            assertThat(disconnected.id()).isEqualTo(SimulatedHousehold.WASHER);
            assertThat(disconnected.data()).matches("\\{\"haId\":\"" + SimulatedHousehold.WASHER
                    + "\",\"handling\":\"none\",\"key\":\"BSH.Common.Appliance.Disconnected\",\"level\":\"hint\",\"timestamp\":\\d+,\"value\":true}");
            assertThat(StreamSummaries.parse(connected.data()).path("key").asText()).isEqualTo("BSH.Common.Appliance.Connected");
        }
    }

    @Test
    void theOtherDataShapesAndMissingIds() {
        cloud.events().setConnectionEventsCarryId(false);
        try (SseTestStream stream = open()) {
            cloud.events().setConnectionEventShape(ConnectionEventShape.EMPTY);
            cloud.household().oven().disconnect();
            cloud.events().setConnectionEventShape(ConnectionEventShape.QUOTES);
            cloud.household().oven().connect();
            cloud.events().setConnectionEventShape(ConnectionEventShape.NO_DATA_LINE);
            cloud.household().oven().disconnect();
            await().atMost(Duration.ofSeconds(3)).until(() -> stream.events("DISCONNECTED").size() == 2);

            assertThat(stream.rawText()).contains("event:DISCONNECTED\ndata:\n\n", "event:CONNECTED\ndata:\"\"\n\n",
                    "event:DISCONNECTED\n\n");
            assertThat(stream.events("DISCONNECTED").get(0).data()).isEmpty();
            assertThat(stream.events("CONNECTED").get(0).data()).isEqualTo("\"\"");
            assertThat(stream.events("DISCONNECTED").get(1).data()).isNull();
            assertThat(stream.events()).filteredOn(event -> !"KEEP-ALIVE".equals(event.event())).allSatisfy(event ->
                    assertThat(event.id()).isNull());
        }
    }

    @Test
    void eventsOfADisconnectedApplianceAreLost() {
        try (SseTestStream stream = open()) {
            SimulatedAppliance oven = cloud.household().oven();
            oven.disconnect();
            oven.setLocalControlActive(true);
            oven.connect();
            oven.setLocalControlActive(false);
            stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.OVEN)).containsExactly(
                    "DISCONNECTED", "CONNECTED", "STATUS BSH.Common.Status.LocalControlActive=false");
        }
    }

    @Test
    void pairingAndDepairingAreAnnouncedOnTheAllAppliancesStream() {
        try (SseTestStream stream = open()) {
            cloud.household().depair(SimulatedHousehold.COFFEE_MAKER);
            cloud.household().coffeeMaker().setLocalControlActive(true);
            cloud.household().pair(SimulatedHousehold.COFFEE_MAKER);
            SseTestStream.Event paired = stream.awaitEvent(Duration.ofSeconds(3), event -> "PAIRED".equals(event.event()));
            assertThat(paired.id()).isEqualTo(SimulatedHousehold.COFFEE_MAKER);
            assertThat(StreamSummaries.parse(paired.data()).path("key").asText()).isEqualTo("BSH.Common.Appliance.Paired");
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.COFFEE_MAKER)).containsExactly("DEPAIRED", "PAIRED");
        }
    }

    private SseTestStream open() {
        SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token);
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.events().openStreamCount() == 1);
        return stream;
    }
}
