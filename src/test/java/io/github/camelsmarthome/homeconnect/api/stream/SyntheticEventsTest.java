package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeconnect.api.state.KnownAppliance;
import io.github.camelsmarthome.homeconnect.api.state.KnownValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events the stream makes: the gap marker of design section 4, resync and restored state. */
class SyntheticEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DOWN = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final Instant UP = Instant.parse("2026-11-21T10:00:10.5Z");

    @Test
    void theGapMarkerNamesTheAccountAndBothTimesAndHasAStableId() throws Exception {
        HomeConnectEvent marker = SyntheticEvents.streamReconnected("default", DOWN, UP, DisconnectReason.READ_TIMEOUT);

        assertThat(marker.deviceId()).isEqualTo("default");
        assertThat(marker.type()).isEqualTo("stream_reconnected");
        assertThat(marker.origin()).isEqualTo(EventOrigin.BRIDGE);
        assertThat(marker.time()).isEqualTo(UP);
        assertThat(marker.items()).extracting(HomeConnectEventItem::key, item -> item.value().asText()).containsExactly(
                tuple("disconnectedAt", "2026-11-21T10:00:00.123Z"),
                tuple("reconnectedAt", "2026-11-21T10:00:10.500Z"),
                tuple("reason", "READ_TIMEOUT"));
        assertThat(SyntheticEvents.streamReconnected("default", DOWN, UP, DisconnectReason.READ_TIMEOUT).id()).isEqualTo(marker.id());
        assertThat(SyntheticEvents.streamReconnected("default", DOWN, UP.plusMillis(1), DisconnectReason.READ_TIMEOUT).id())
                .isNotEqualTo(marker.id());
        assertThat(SyntheticEvents.streamReconnected("other", DOWN, UP, DisconnectReason.READ_TIMEOUT).id()).isNotEqualTo(marker.id());
        assertThat(JSON.readValue(JSON.writeValueAsString(marker), HomeConnectEvent.class).id()).isEqualTo(marker.id());
    }

    @Test
    void restoredStateIsOneStatusEventWithTheSavedTimestampsThenDisconnectedWhenItWas() {
        Map<String, KnownValue> values = new LinkedHashMap<>();
        values.put("BSH.Common.Status.DoorState", new KnownValue(JSON.getNodeFactory().textNode("Closed"), null, DOWN, DOWN));
        values.put("BSH.Common.Option.RemainingProgramTime", new KnownValue(JSON.getNodeFactory().numberNode(60), "seconds", null, DOWN));
        KnownAppliance washer = new KnownAppliance("washer", "Washer", "Washer", "SIEMENS", null, null, false, null, DOWN, values);

        var events = SyntheticEvents.restored(washer, UP);

        assertThat(events).extracting(HomeConnectEvent::eventType)
                .containsExactly(HomeConnectEventType.STATUS, HomeConnectEventType.DISCONNECTED);
        assertThat(events).allSatisfy(event -> assertThat(event.origin()).isEqualTo(EventOrigin.RESTORED));
        assertThat(events.get(0).items()).extracting(HomeConnectEventItem::key, HomeConnectEventItem::timestamp, HomeConnectEventItem::unit)
                .containsExactly(tuple("BSH.Common.Status.DoorState", DOWN, null),
                        tuple("BSH.Common.Option.RemainingProgramTime", null, "seconds"));
    }
}
