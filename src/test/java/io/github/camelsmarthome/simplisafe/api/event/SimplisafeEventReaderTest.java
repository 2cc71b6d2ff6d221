package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Instant;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Upstream event objects (brief 6.4, 6.5) to events. */
class SimplisafeEventReaderTest {

    private static final Instant RECEIVED = Instant.parse("2021-09-29T23:14:47.120Z");

    private final SimplisafeEventReader reader = new SimplisafeEventReader();

    @Test
    void theBriefsSampleReadsAsTheBriefExpects() throws Exception {
        SimplisafeEvent event = realtime(SimplisafeFixtures.object("ws_message_event_data.json"));

        assertThat(event.type()).isEqualTo("disarmed_by_keypad");
        assertThat(event.systemId()).isEqualTo(12345L);
        assertThat(event.time()).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
        assertThat(event.changedBy()).isEqualTo("Master PIN");
        assertThat(event.sensorType()).isEqualTo(SensorType.KEYPAD);
        assertThat(event.eventCid()).isEqualTo(1400);
        assertThat(event.eventId()).isEqualTo(16803409109L);
        assertThat(event.id()).isEqualTo("id:16803409109");
        assertThat(event.category()).isEqualTo("activity");
        assertThat(event.info()).isEqualTo("System Disarmed by Master PIN");
        assertThat(event.sensorSerial()).isEqualTo("abcdef12");
        assertThat(event.sensorName()).as("empty upstream name").isNull();
        assertThat(event.mediaUrls()).isNull();
        assertThat(event.origin()).isEqualTo(SimplisafeEventOrigin.REALTIME);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(event.raw()).isEqualTo(SimplisafeFixtures.json("ws_message_event_data.json"));
    }

    @Test
    void anEventAboutTheSystemNamesTheSystemEvenWhenUpstreamNamesTheKeypad() throws Exception {
        SimplisafeEvent event = realtime(SimplisafeFixtures.object("ws_message_event_data.json"));

        assertThat(event.deviceId()).isEqualTo("12345");
        assertThat(event.system()).isEqualTo("simplisafe");
    }

    @Test
    void aLockEventNamesTheLock() throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json")
                .put("eventCid", 9701).put("sensorType", 16).put("sensorSerial", "987").put("sensorName", "Front Door");

        SimplisafeEvent event = realtime(data);

        assertThat(event.type()).isEqualTo("lock_locked");
        assertThat(event.deviceId()).isEqualTo("987");
        assertThat(event.systemId()).isEqualTo(12345L);
    }

    @Test
    void aDeviceEventWithoutSerialNamesTheSystem() throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json").put("eventCid", 1381).put("sensorSerial", "");

        assertThat(realtime(data).deviceId()).isEqualTo("12345");
    }

    @Test
    void aCameraMotionEventCarriesItsMediaAndNamesTheCameraBySerial() throws Exception {
        SimplisafeEvent event = realtime(SimplisafeFixtures.object("ws_motion_event_data.json"));

        assertThat(event.type()).isEqualTo("camera_motion_detected");
        assertThat(event.deviceId()).isEqualTo("f11b6abd");
        assertThat(event.sensorType()).isEqualTo(SensorType.OUTDOOR_CAMERA);
        assertThat(event.sensorName()).isEqualTo("Back Yard");
        assertThat(event.changedBy()).isNull();
        assertThat(event.category()).isEqualTo("activityCam");
        assertThat(event.mediaUrls()).isEqualTo(new MediaUrls("https://image-url{&width}", "https://clip-url",
                "https://hls-url", null));
    }

    @Test
    void aCameraWithoutHlsOffersFlv() throws Exception {
        SimplisafeEvent event = realtime(SimplisafeFixtures.object("ws_motion_event_flv_data.json"));

        assertThat(event.mediaUrls()).isEqualTo(new MediaUrls("https://snapshot-jpg-url", "https://clip-url", null,
                "https://flv-url"));
    }

    @Test
    void aRecordingOfAnotherCameraOrNoneGivesNoMedia() throws Exception {
        ObjectNode other = SimplisafeFixtures.object("ws_motion_event_data.json").put("videoStartedBy", "0000");
        ObjectNode none = SimplisafeFixtures.object("ws_motion_event_data.json");
        none.remove("video");
        ObjectNode noLinks = SimplisafeFixtures.object("ws_motion_event_data.json");
        ((ObjectNode) noLinks.get("video").get("6172311af9da430ab2e11c59f11b6abd")).remove("_links");

        assertThat(realtime(other).mediaUrls()).isNull();
        assertThat(realtime(none).mediaUrls()).isNull();
        assertThat(realtime(noLinks).mediaUrls()).isNull();
    }

    @Test
    void everyOptionalFieldMayBeMissing() throws Exception {
        ObjectNode data = SimplisafeFixtures.JSON.createObjectNode().put("sid", 12345).put("eventCid", 1429);

        SimplisafeEvent event = realtime(data);

        assertThat(event.type()).isEqualTo("entry_delay");
        assertThat(event.time()).as("no timestamp: receipt time").isEqualTo(RECEIVED);
        assertThat(event.eventId()).isNull();
        assertThat(event.id()).hasSize(32).isNotEqualTo("id:null");
        assertThat(event.sensorType()).isNull();
        assertThat(event.sensorSerial()).isNull();
        assertThat(event.changedBy()).isNull();
        assertThat(event.deviceId()).isEqualTo("12345");
    }

    @Test
    void fieldsOfUnexpectedJsonTypesAreReadWhereSensibleAndIgnoredOtherwise() throws Exception {
        ObjectNode data = SimplisafeFixtures.JSON.createObjectNode()
                .put("sid", "12345").put("eventCid", "1400").put("eventId", "77").put("eventTimestamp", "1632957286")
                .put("sensorType", "keypad");
        data.putArray("pinName");
        data.putObject("sensorSerial");

        SimplisafeEvent event = realtime(data);

        assertThat(event.systemId()).isEqualTo(12345L);
        assertThat(event.type()).isEqualTo("disarmed_by_keypad");
        assertThat(event.id()).isEqualTo("id:77");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
        assertThat(event.sensorType()).isNull();
        assertThat(event.changedBy()).isNull();
        assertThat(event.sensorSerial()).isNull();
    }

    @Test
    void theContextSuppliesWhatTheObjectLacks() throws Exception {
        ObjectNode data = SimplisafeFixtures.JSON.createObjectNode().put("eventCid", 1400);
        Instant envelopeTime = Instant.parse("2021-09-29T23:14:46Z");

        SimplisafeEvent event = reader.read(data, SimplisafeEventOrigin.HISTORY,
                new SimplisafeEventReader.Context(999L, 16803409109L, envelopeTime), RECEIVED);

        assertThat(event.systemId()).isEqualTo(999L);
        assertThat(event.id()).isEqualTo("id:16803409109");
        assertThat(event.time()).isEqualTo(envelopeTime);
    }

    @Test
    void theObjectWinsOverTheContext() throws Exception {
        SimplisafeEvent event = reader.read(SimplisafeFixtures.object("ws_message_event_data.json"),
                SimplisafeEventOrigin.HISTORY, new SimplisafeEventReader.Context(1L, 2L, Instant.EPOCH.plusSeconds(5)), RECEIVED);

        assertThat(event.systemId()).isEqualTo(12345L);
        assertThat(event.id()).isEqualTo("id:16803409109");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
    }

    @Test
    void anEventOfNoSystemOrNotAnObjectIsUnreadable() {
        ObjectNode noSid = SimplisafeFixtures.object("ws_message_event_data.json");
        noSid.remove("sid");

        assertThatThrownBy(() -> realtime(noSid)).isInstanceOf(UnreadableEventException.class).hasMessage("event has no sid");
        assertThatThrownBy(() -> realtime(SimplisafeFixtures.JSON.createArrayNode()))
                .isInstanceOf(UnreadableEventException.class).hasMessage("event is not a JSON object");
        assertThatThrownBy(() -> realtime(null)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void anUnknownCodeIsLoggedOnceWithContextAndWithoutPayload() throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json").put("eventCid", 1461)
                .put("info", "Alarm: PINpad Kitchen LockOut!");
        try (CapturedLogs logs = CapturedLogs.capture(SimplisafeEventReader.class.getName())) {
            realtime(data);
            realtime(data);

            assertThat(logs.atLevel(Level.INFO)).singleElement()
                    .satisfies(line -> assertThat(line.message())
                            .contains("1461", "wrong-code lockout", "12345", "unknown")
                            .doesNotContain("PINpad", "Main Street"));
        }
    }

    private SimplisafeEvent realtime(JsonNode data) throws UnreadableEventException {
        return reader.read(data, SimplisafeEventOrigin.REALTIME, SimplisafeEventReader.Context.NONE, RECEIVED);
    }
}
