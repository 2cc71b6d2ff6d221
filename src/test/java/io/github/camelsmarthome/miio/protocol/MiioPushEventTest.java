package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.event.DeviceEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event body (design section 3) for the brief's vector V11. */
class MiioPushEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2023-11-14T22:13:20.120Z");
    private static final String METHOD = "click_ch0:lumi_158d0001a2b3c4";

    @Test
    void theJsonFormIsPinned() throws Exception {
        MiioPushEvent event = v11(RECEIVED, JSON.readTree("[]"));

        assertThat(JSON.writeValueAsString(event)).isEqualTo("{"
                + "\"system\":\"miio\","
                + "\"deviceId\":\"lumi.158d0001a2b3c4\","
                + "\"type\":\"click_ch0\","
                + "\"time\":\"2023-11-14T22:13:20.120Z\","
                + "\"id\":\"" + event.id() + "\","
                + "\"gateway\":\"192.168.1.20\","
                + "\"model\":\"lumi.sensor_switch.aq2\","
                + "\"params\":[],"
                + "\"messageId\":619969154,"
                + "\"method\":\"click_ch0:lumi_158d0001a2b3c4\","
                + "\"receivedAt\":\"2023-11-14T22:13:20.120Z\"}");
    }

    @Test
    void theIdFollowsItsDocumentedRecipe() throws Exception {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {"miio", "192.168.1.20", "619969154", METHOD}) {
            sha256.update(new byte[] {0, 0, 0, (byte) part.length()});
            sha256.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String expected = java.util.HexFormat.of().formatHex(sha256.digest(), 0, 16);

        assertThat(v11(RECEIVED, null).id()).isEqualTo(expected);
    }

    @Test
    void aRetransmissionReceivedLaterHasTheSameId() throws Exception {
        MiioPushEvent first = v11(RECEIVED, JSON.readTree("[]"));
        MiioPushEvent resent = v11(RECEIVED.plusSeconds(2), null);

        assertThat(resent.id()).isEqualTo(first.id());
    }

    @Test
    void anotherMessageIdOrGatewayGivesAnotherId() {
        MiioEventMethod method = parsed(METHOD);
        MiioPushEvent event = MiioPushEvent.of("192.168.1.20", 619969154L, method, null, null, RECEIVED);

        assertThat(MiioPushEvent.of("192.168.1.20", 619969155L, method, null, null, RECEIVED).id()).isNotEqualTo(event.id());
        assertThat(MiioPushEvent.of("192.168.1.21", 619969154L, method, null, null, RECEIVED).id()).isNotEqualTo(event.id());
    }

    @Test
    void theCommonContractNamesTheSubDeviceAndTheAction() {
        DeviceEvent event = v11(RECEIVED, null);

        assertThat(event.system()).isEqualTo("miio");
        assertThat(event.deviceId()).isEqualTo("lumi.158d0001a2b3c4");
        assertThat(event.type()).isEqualTo("click_ch0");
        assertThat(event.time()).isEqualTo(RECEIVED);
    }

    @Test
    void missingParamsBecomeAnEmptyArrayAndAnUnknownModelIsOmitted() throws Exception {
        MiioPushEvent event = MiioPushEvent.of("192.168.1.20", 1L, parsed(METHOD), null, null, RECEIVED);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(json.get("params").toString()).isEqualTo("[]");
        assertThat(json.has("model")).isFalse();
    }

    @Test
    void paramsCannotBeChangedFromOutside() throws Exception {
        ObjectNode params = JSON.createObjectNode().put("angle", 90);
        MiioPushEvent event = MiioPushEvent.of("192.168.1.20", 1L, parsed("rotate:lumi_1"), params, null, RECEIVED);

        params.put("angle", -1);
        ((ObjectNode) event.params()).put("angle", -2);

        assertThat(event.params().toString()).isEqualTo("{\"angle\":90}");
    }

    @Test
    void theJsonFormReadsBackToAnEqualEventWhateverTheWritersDateSettings() throws Exception {
        MiioPushEvent event = v11(RECEIVED, JSON.readTree("{\"a\":[1,2]}"));
        ObjectMapper other = new ObjectMapper().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        MiioPushEvent read = JSON.readValue(other.writeValueAsString(event), MiioPushEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.id()).isEqualTo(event.id());
    }

    @Test
    void theGatewaysOwnEventIsRecognisedByItsDid() {
        MiioPushEvent alarm = MiioPushEvent.of("192.168.1.20", 619969158L, parsed("alarm_triggering:123456789"), null,
                "lumi.gateway.v3", RECEIVED);

        assertThat(alarm.isFromGateway("123456789")).isTrue();
        assertThat(v11(RECEIVED, null).isFromGateway("123456789")).isFalse();
    }

    private static MiioPushEvent v11(Instant receivedAt, JsonNode params) {
        return MiioPushEvent.of("192.168.1.20", 619969154L, parsed(METHOD), params, "lumi.sensor_switch.aq2", receivedAt);
    }

    private static MiioEventMethod parsed(String method) {
        return ((MiioEventMethod.Recognised) MiioEventMethod.parse(method)).method();
    }
}
