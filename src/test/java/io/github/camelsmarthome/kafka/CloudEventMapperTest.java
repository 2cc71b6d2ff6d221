package io.github.camelsmarthome.kafka;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.event.BridgeEvent;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectStreamDecoder;
import io.github.camelsmarthome.homeconnect.api.event.StreamOutcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventMapperTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CloudEventMapper mapper = new CloudEventMapper(json);

    @Test
    void writesEveryRequiredCloudEventsAttributeFromTheEventContract() throws Exception {
        BridgeEvent event = new BridgeEvent("host-1", "started", Instant.parse("2026-11-21T10:15:30.123Z"), "1.2.3");

        JsonNode node = json.readTree(mapper.toJson(event, "host-1"));

        assertThat(node.path("specversion").asText()).isEqualTo("1.0");
        assertThat(node.path("id").asText()).isEqualTo("host-1:started:" + event.time().toEpochMilli());
        assertThat(node.path("source").asText()).isEqualTo("/camel-smarthome/bridge/host-1");
        assertThat(node.path("type").asText()).isEqualTo("bridge.started");
        assertThat(node.path("subject").asText()).isEqualTo("host-1");
        assertThat(node.path("time").asText()).isEqualTo("2026-11-21T10:15:30.123Z");
        assertThat(node.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(node.path("data").path("version").asText()).isEqualTo("1.2.3");
        assertThat(node.path("data").path("time").asText()).isEqualTo("2026-11-21T10:15:30.123Z");
    }

    @Test
    void theSameEventMapsToTheSameId() {
        BridgeEvent event = new BridgeEvent("h", "started", Instant.parse("2026-01-01T00:00:00Z"), "1");
        assertThat(mapper.toCloudEvent(event, "h").path("id")).isEqualTo(mapper.toCloudEvent(event, "h").path("id"));
    }

    @Test
    void theJsonTextIsExactlyTheCloudEventObjectWritten() throws Exception {
        BridgeEvent bridge = new BridgeEvent("host-1", "started", Instant.parse("2026-11-21T10:15:30.123Z"), "1.2.3");
        DeviceEvent washer = decodedHomeConnectEvent();

        assertThat(mapper.toJson(bridge, "host-1")).isEqualTo(json.writeValueAsString(mapper.toCloudEvent(bridge, "host-1")));
        assertThat(mapper.toJson(washer, "homeconnect-1a2b")).isEqualTo(json.writeValueAsString(mapper.toCloudEvent(washer, "homeconnect-1a2b")));
    }

    @Test
    void theBytesAreTheJsonTextInUtf8EvenBeyondAsciiAndOutsideTheBasicPlane() throws Exception {
        String text = "Baumwolle 40 \u00b0C \u2013 \u00d6ko \ud83d\ude00 \"quoted\" \\ back";
        BridgeEvent bridge = new BridgeEvent("h\u00f6st", "started", Instant.parse("2026-11-21T10:15:30.123Z"), text);

        byte[] bytes = mapper.toJsonBytes(bridge, "h\u00f6st");

        assertThat(bytes).isEqualTo(mapper.toJson(bridge, "h\u00f6st").getBytes(StandardCharsets.UTF_8));
        assertThat(json.readTree(bytes).path("data").path("version").asText()).isEqualTo(text);
        assertThat(json.readTree(bytes).path("source").asText()).isEqualTo("/camel-smarthome/bridge/h\u00f6st");
        assertThat(json.writeValueAsBytes(json.readTree(bytes))).isEqualTo(bytes);
    }

    @Test
    void anOriginOfNoAccountIsWrittenAsTheWordNullInTheSourceAsBefore() throws Exception {
        BridgeEvent bridge = new BridgeEvent("h", "started", Instant.parse("2026-01-01T00:00:00Z"), "1");

        assertThat(json.readTree(mapper.toJson(bridge, null)).path("source").asText()).isEqualTo("/camel-smarthome/bridge/null");
    }

    static DeviceEvent decodedHomeConnectEvent() {
        String sse = "event:STATUS\n"
                + "data:{\"haId\":\"SIEMENS-HCS03WCH1-7BC6383CF794\",\"items\":[{\"key\":\"BSH.Common.Option.RemainingProgramTime\","
                + "\"value\":5400,\"unit\":\"seconds\",\"timestamp\":1732230000}]}\n"
                + "id:SIEMENS-HCS03WCH1-7BC6383CF794\n\n";
        return HomeConnectStreamDecoder.forAllAppliances().decode(sse.getBytes(StandardCharsets.UTF_8)).stream()
                .filter(StreamOutcome.Event.class::isInstance).map(o -> (DeviceEvent) ((StreamOutcome.Event) o).event())
                .findFirst().orElseThrow();
    }
}
