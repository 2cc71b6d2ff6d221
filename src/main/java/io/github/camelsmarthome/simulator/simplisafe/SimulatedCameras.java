package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The cameras of {@code location.system.cameras} and their motion events (1170), shaped like
 * {@code ws_motion_event_data.json} (with HLS) or {@code ws_motion_event_flv_data.json} (FLV
 * only). The media links point at the simulator's {@code /media}, where the recording answers
 * 404 for its first fetches.
 *
 * <p>Events name the camera by its short serial, the last eight characters of its uuid, and the
 * recording by the uuid (brief section 11, P11).
 */
public final class SimulatedCameras {

    private final SimulatedSystem system;
    private final CameraMedia media;
    private final Supplier<String> mediaBaseUrl;
    private final SimulatedTime time;

    SimulatedCameras(SimulatedSystem system, SimulatedTime time, CameraMedia media, Supplier<String> mediaBaseUrl) {
        this.system = system;
        this.time = time;
        this.media = media;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    /** The cameras' uuids. */
    public List<String> uuids() {
        List<String> uuids = new ArrayList<>();
        synchronized (system) {
            system.systemNode().path("cameras").forEach(camera -> uuids.add(camera.path("uuid").asText()));
        }
        return uuids;
    }

    /** The short serial events carry for a camera: the last eight characters of its uuid. */
    public static String serialOf(String uuid) {
        return uuid.length() <= 8 ? uuid : uuid.substring(uuid.length() - 8);
    }

    /** A motion event with an HLS playback link. */
    public SimulatedEvent emitMotion(String cameraUuid) {
        return emitMotion(cameraUuid, true);
    }

    /** A motion event; without HLS the recording offers {@code playback/flv} instead (brief section 11, P10). */
    public SimulatedEvent emitMotion(String cameraUuid, boolean withHls) {
        synchronized (system) {
            JsonNode camera = camera(cameraUuid);
            String name = camera.path("cameraSettings").path("cameraName").asText(serialOf(cameraUuid));
            long timestamp = time.epochSeconds();
            ObjectNode recording = recording(cameraUuid, name, timestamp, withHls);
            EventDraft draft = EventDraft.of(EventCode.CAMERA_MOTION).sensor(serialOf(cameraUuid)).sensorType(typeOf(camera))
                    .sensorName(name).timestamp(timestamp).recording(cameraUuid, recording);
            return system.emitEvent(draft);
        }
    }

    private ObjectNode recording(String uuid, String name, long timestamp, boolean withHls) {
        long sid = system.sid();
        String account = system.systemNode().path("serial").asText();
        String clipId = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
        String base = mediaBaseUrl.get() + "/v1";
        String window = uuid + "/" + sid + "/time/" + (timestamp - 3) + "/" + (timestamp + 7);
        String query = "?account=" + account + "&region=us-east-1";

        ObjectNode recording = SimpliSafeJson.object();
        recording.put("clipId", clipId);
        recording.put("preroll", 3);
        recording.put("postroll", 7);
        recording.put("cameraName", name);
        recording.put("eventId", "");
        recording.put("sid", sid);
        recording.put("timestamp", timestamp);
        recording.put("recordingType", withHls ? "KVS" : "TEP");
        recording.put("account", account);
        recording.put("region", "us-east-1");
        recording.put("actualDuration", 0);
        recording.put("status", "PENDING");
        ObjectNode links = recording.putObject("_links");
        link(links, "_self", base + "/recordings/" + clipId, "GET", false);
        link(links, "preview/mjpg", servable(base + "/preview/" + window) + query + "{&fps,width}", "GET", true);
        link(links, "snapshot/mjpg", servable(base + "/preview/" + uuid + "/" + sid + "/time/" + (timestamp - 3) + "/" + (timestamp + 1))
                + query + "{&fps,width}", "GET", true);
        link(links, "snapshot/jpg", servable(base + "/snapshot/" + uuid + "/" + sid + "/time/" + timestamp) + query + "{&width}", "GET", true);
        link(links, "download/mp4", servable(base + "/download/" + window + ".mp4") + query, "GET", false);
        link(links, "share", base.replace("/v1", "/v2") + "/share/" + window + query, "POST", false);
        link(links, "playback/dash", servable(base + "/recording/" + window + "/dash") + query, "GET", false);
        if (withHls) {
            link(links, "playback/hls", servable(base + "/recording/" + window + "/hls") + query, "GET", false);
        } else {
            link(links, "playback/flv", servable(base + "/recording/" + window + "/flv") + query, "GET", false);
        }
        return recording;
    }

    /** Registers the path part of a media URL and answers the URL. */
    private String servable(String url) {
        media.register(URI.create(url).getPath());
        return url;
    }

    private static void link(ObjectNode links, String rel, String href, String method, boolean templated) {
        ObjectNode link = links.putObject(rel);
        link.put("href", href);
        link.put("method", method);
        if (templated) {
            link.put("templated", true);
        }
    }

    private JsonNode camera(String uuid) {
        for (JsonNode camera : system.systemNode().path("cameras")) {
            if (camera.path("uuid").asText().equals(uuid)) {
                return camera;
            }
        }
        throw new IllegalArgumentException("The simulated system has no camera with uuid " + uuid + "; known: " + uuids());
    }

    /** Model to device type (brief section 4.6): SS002 doorbell, SSOBCM4 outdoor, anything else an indoor camera. */
    private static int typeOf(JsonNode camera) {
        return switch (camera.path("model").asText()) {
            case "SS002" -> DeviceType.DOORBELL;
            case "SSOBCM4" -> DeviceType.OUTDOOR_CAMERA;
            default -> DeviceType.CAMERA;
        };
    }
}
