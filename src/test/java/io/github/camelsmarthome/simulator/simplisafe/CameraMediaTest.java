package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Brief sections 6.6 and 6.7: camera motion events carry media links to the simulator, 404 until uploaded. */
class CameraMediaTest extends SimpliSafeTestSupport {

    @Test
    void aMotionEventLinksItsRecordingWhichIsNotFoundAtFirst() {
        String uuid = cloud.system().cameras().uuids().get(0);
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            SimulatedEvent motion = cloud.system().cameras().emitMotion(uuid);
            JsonNode data = socket.awaitEvent(motion.eventId()).path("data");

            assertThat(data.path("eventCid").asInt()).isEqualTo(1170);
            assertThat(data.path("eventType").asText()).isEqualTo("activityCam");
            assertThat(data.path("sensorSerial").asText()).isEqualTo(SimulatedCameras.serialOf(uuid));
            assertThat(data.path("videoStartedBy").asText()).isEqualTo(uuid);
            JsonNode recording = data.path("video").path(uuid);
            assertThat(recording.path("eventId").asText()).isEqualTo(Long.toString(motion.eventId()));
            JsonNode links = recording.path("_links");
            assertThat(AuthorizationCodeFlowTest.fieldNames(recording))
                    .containsExactlyElementsOf(AuthorizationCodeFlowTest.fieldNames(firstRecording("ws_motion_event_data.json")));
            assertThat(links.has("playback/hls")).isTrue();

            String image = links.path("snapshot/jpg").path("href").asText().replace("{&width}", "&width=720");
            assertThat(image).startsWith(cloud.mediaUrl());
            assertThat(http.getUrl(image, null).statusCode()).as("media needs the bearer token").isEqualTo(401);
            assertThat(http.getUrl(image, token).statusCode()).as("not uploaded yet").isEqualTo(404);
            HttpResponse<String> ready = http.getUrl(image, token);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        }
    }

    @Test
    void withoutHlsTheRecordingOffersFlv() {
        cloud.faults().mediaNotFoundFetches(0);
        String uuid = cloud.system().cameras().uuids().get(1);
        JsonNode links = cloud.system().cameras().emitMotion(uuid, false).historyItem().path("video").path(uuid).path("_links");

        assertThat(links.has("playback/hls")).isFalse();
        assertThat(http.getUrl(links.path("playback/flv").path("href").asText(), token).statusCode()).isEqualTo(200);
        assertThat(cloud.system().history().latest().orElseThrow().historyItem().path("sensorType").asInt()).as("SS002 is a doorbell")
                .isEqualTo(15);
    }

    private static JsonNode firstRecording(String fixture) {
        JsonNode data = SimpliSafeHttp.fixture(fixture);
        return data.path("video").path(data.path("videoStartedBy").asText());
    }
}
