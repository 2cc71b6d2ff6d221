package io.github.camelsmarthome.homeconnect.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.homeconnect.api.sse.RawSseEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events the bridge makes carry {@code origin}; events received on the stream keep their published form without it. */
class SyntheticEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MADE = Instant.parse("2026-11-21T10:00:00Z");
    private static final String OVEN = "BOSCH-HCS01OVN1-43E0065FE245";

    @Test
    void aSyntheticEventWritesItsOriginLast() throws Exception {
        HomeConnectEvent event = resynced();

        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.fieldNames()).toIterable().containsExactly("system", "deviceId", "type", "time", "id", "items", "raw",
                "receivedAt", "origin");
        assertThat(json.get("origin").asText()).isEqualTo("resync");
        assertThat(json.get("raw").isNull()).isTrue();
    }

    @Test
    void aStreamEventWritesNoOrigin() throws Exception {
        HomeConnectEvent event = HomeConnectEvent.of(OVEN, HomeConnectEventType.CONNECTED, List.of(), null, MADE);

        assertThat(JSON.readTree(JSON.writeValueAsString(event)).has("origin")).isFalse();
        assertThat(event.origin()).isEqualTo(EventOrigin.STREAM);
    }

    @Test
    void theOriginSurvivesAJsonRoundTripAndSplitting() throws Exception {
        HomeConnectEvent event = resynced();

        HomeConnectEvent read = JSON.readValue(JSON.writeValueAsString(event), HomeConnectEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.origin()).isSameAs(EventOrigin.RESYNC);
        assertThat(event.splitItems()).allSatisfy(part -> assertThat(part.origin()).isEqualTo(EventOrigin.RESYNC));
    }

    @Test
    void anOriginFromALaterVersionIsKeptAsWritten() throws Exception {
        String json = JSON.writeValueAsString(resynced()).replace("\"origin\":\"resync\"", "\"origin\":\"replayed\"");

        HomeConnectEvent read = JSON.readValue(json, HomeConnectEvent.class);

        assertThat(read.origin().name()).isEqualTo("replayed");
        assertThat(read.origin().isUpstream()).isFalse();
    }

    @Test
    void aSyntheticEventMustNotClaimToComeFromTheStream() {
        assertThatThrownBy(() -> HomeConnectEvent.synthetic(OVEN, HomeConnectEventType.STATUS, List.of(), MADE, EventOrigin.STREAM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGapMarkerTypeIsNotAWireTypeSoTheStreamCannotForgeIt() {
        assertThat(HomeConnectEventType.of("stream_reconnected")).isEqualTo(HomeConnectEventType.STREAM_RECONNECTED);
        assertThat(HomeConnectEventType.STREAM_RECONNECTED.isKnown()).isFalse();
        StreamOutcome outcome = new HomeConnectEventMapper().map(
                new RawSseEvent("stream_reconnected", "{}", "x", 0), MADE);
        assertThat(outcome).isInstanceOf(StreamOutcome.Skipped.class);
    }

    private static HomeConnectEvent resynced() {
        HomeConnectEventItem item = new HomeConnectEventItem("BSH.Common.Status.OperationState",
                JsonNodeFactory.instance.textNode("BSH.Common.EnumType.OperationState.Ready"), null, null, null, null,
                "/api/homeappliances/" + OVEN + "/status/BSH.Common.Status.OperationState", null, null, null, null);
        return HomeConnectEvent.synthetic(OVEN, HomeConnectEventType.STATUS, List.of(item, item), MADE, EventOrigin.RESYNC);
    }
}
