package io.github.camelsmarthome.homeconnect.api.event;

import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.DRYER;
import static io.github.camelsmarthome.homeconnect.api.HomeConnectStreamSamples.NOTIFY_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.camelsmarthome.homeconnect.api.sse.RawSseEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form of events, which Kafka and MQTT consumers depend on (design section 3). */
class HomeConnectEventJsonTest {

    private static final Instant RECEIVED = Instant.parse("2023-02-20T13:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field names, order and formats are a published contract; change them only on purpose. */
    @Test
    void theJsonFormOfTheBriefsNotifySampleIsPinned() throws Exception {
        HomeConnectEvent event = notifySample();

        String json = JSON.writeValueAsString(event);

        assertThat(json).isEqualTo("{"
                + "\"system\":\"homeconnect\","
                + "\"deviceId\":\"SIEMENS-WT8HXM90NL-AB1234567890\","
                + "\"type\":\"NOTIFY\","
                + "\"time\":\"2023-02-20T12:57:48Z\","
                // computed independently of this code from the recipe documented on HomeConnectEvent.id()
                + "\"id\":\"0e4fd382da6ffb87fd69ba3bcee2b363\","
                + "\"items\":["
                + "{\"key\":\"BSH.Common.Root.ActiveProgram\",\"value\":null,\"timestamp\":1676897868,"
                + "\"level\":\"hint\",\"handling\":\"none\","
                + "\"uri\":\"/api/homeappliances/SIEMENS-WT8HXM90NL-AB1234567890/programs/active\"},"
                + "{\"key\":\"BSH.Common.Root.SelectedProgram\",\"value\":\"LaundryCare.Dryer.Program.Cotton\","
                + "\"timestamp\":1676897868,\"level\":\"hint\",\"handling\":\"none\","
                + "\"uri\":\"/api/homeappliances/SIEMENS-WT8HXM90NL-AB1234567890/programs/selected\"}],"
                + "\"raw\":" + JSON.writeValueAsString(NOTIFY_DATA) + ","
                + "\"receivedAt\":\"2023-02-20T13:00:00Z\"}");
    }

    @Test
    void theJsonFormDoesNotDependOnTheWritersDateSettings() throws Exception {
        ObjectMapper timestampsAsNumbers = new ObjectMapper().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(timestampsAsNumbers.writeValueAsString(notifySample())).isEqualTo(JSON.writeValueAsString(notifySample()));
    }

    @Test
    void anEventReadBackFromJsonEqualsTheOriginalAndKeepsItsId() throws Exception {
        HomeConnectEvent original = notifySample();

        HomeConnectEvent read = JSON.readValue(JSON.writeValueAsString(original), HomeConnectEvent.class);

        assertThat(read).isEqualTo(original);
        assertThat(read.id()).isEqualTo(original.id());
        assertThat(read.eventType()).isSameAs(HomeConnectEventType.NOTIFY);
    }

    @Test
    void itemFieldsThisClientDoesNotKnowArePassedThroughAndAbsentOnesOmitted() throws Exception {
        String data = "{\"haId\":\"" + DRYER + "\",\"items\":[{\"key\":\"BSH.Common.Option.ProgramProgress\","
                + "\"value\":12,\"unit\":\"%\",\"displayvalue\":\"12 %\",\"name\":\"Progress\",\"timestamp\":1676897835.000,"
                + "\"futureField\":{\"nested\":[1,2]}}]}";
        HomeConnectEvent event = map("NOTIFY", data);

        JsonNode item = JSON.readTree(JSON.writeValueAsString(event)).get("items").get(0);

        assertThat(item.toString()).isEqualTo("{\"key\":\"BSH.Common.Option.ProgramProgress\",\"value\":12,\"unit\":\"%\","
                + "\"timestamp\":1676897835,\"name\":\"Progress\",\"displayvalue\":\"12 %\",\"futureField\":{\"nested\":[1,2]}}");
        assertThat(JSON.readValue(JSON.writeValueAsString(event), HomeConnectEvent.class)).isEqualTo(event);
    }

    @Test
    void aConnectionEventWithoutDataWritesEmptyItemsAndANullRaw() throws Exception {
        HomeConnectEvent event = HomeConnectEvent.of(DRYER, HomeConnectEventType.CONNECTED, List.of(), null, RECEIVED);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("items").isEmpty()).isTrue();
        assertThat(json.get("raw").isNull()).isTrue();
        assertThat(json.get("time").asText()).isEqualTo("2023-02-20T13:00:00Z");
    }

    @Test
    void anEventTypeUnknownToThisVersionSurvivesAJsonRoundTrip() throws Exception {
        String json = JSON.writeValueAsString(notifySample()).replace("\"type\":\"NOTIFY\"", "\"type\":\"RECALL\"");

        HomeConnectEvent read = JSON.readValue(json, HomeConnectEvent.class);

        assertThat(read.type()).isEqualTo("RECALL");
        assertThat(read.eventType().isKnown()).isFalse();
        assertThat(JSON.writeValueAsString(read)).contains("\"type\":\"RECALL\"");
    }

    private static HomeConnectEvent notifySample() {
        return map("NOTIFY", NOTIFY_DATA);
    }

    private static HomeConnectEvent map(String type, String data) {
        StreamOutcome outcome = new HomeConnectEventMapper().map(new RawSseEvent(type, data, DRYER, 0), RECEIVED);
        assertThat(outcome).isInstanceOf(StreamOutcome.Event.class);
        return ((StreamOutcome.Event) outcome).event();
    }
}
