package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway's local scenes: reassembles {@code send_data_frame} uploads frame by frame (brief
 * section 6.9: by {@code data_tkn}, in {@code cur} order), parses the scene array (section 6.4)
 * and keeps each scene by id, a new upload of the same id replacing the old one.
 *
 * <p>Uploads come from the network: frame counts, sizes and the number of unfinished uploads are
 * capped so a hostile sender cannot grow memory without bound. Thread-safe.
 */
public final class SceneStore {

    /** Most frames one upload may announce. */
    public static final int MAX_FRAMES = 64;
    /** Most characters one frame may carry (the app sends at most 700 bytes). */
    public static final int MAX_FRAME_CHARS = 4096;
    /** Most uploads waiting for frames at once; the oldest is dropped beyond it. */
    public static final int MAX_PENDING_UPLOADS = 16;
    /** Most scenes the gateway keeps. */
    public static final int MAX_SCENES = 1024;

    private final ObjectMapper json;
    private final Map<String, StoredScene> scenes = new LinkedHashMap<>();
    private final Map<Integer, Upload> uploads = new LinkedHashMap<>();

    /** A store that parses scenes with {@code json}. */
    public SceneStore(ObjectMapper json) {
        this.json = json;
    }

    /** An upload being reassembled. */
    private record Upload(int total, TreeMap<Integer, String> frames) {
    }

    /**
     * Takes one frame. Returns the scenes stored when this frame completed the upload, an empty
     * list while frames are missing.
     *
     * @throws InvalidSceneException for bad frame numbers, oversize data or an unparseable scene
     */
    public synchronized List<StoredScene> acceptFrame(int dataToken, int cur, int total, String data) throws InvalidSceneException {
        if (total < 1 || total > MAX_FRAMES) {
            throw new InvalidSceneException("total must be 1 to " + MAX_FRAMES + ", got " + total);
        }
        if (cur < 0 || cur >= total) {
            throw new InvalidSceneException("cur must be 0 to " + (total - 1) + ", got " + cur);
        }
        if (data.length() > MAX_FRAME_CHARS) {
            throw new InvalidSceneException("a frame carries at most " + MAX_FRAME_CHARS + " characters, got " + data.length());
        }
        Upload upload = uploads.get(dataToken);
        if (upload == null || upload.total() != total) {
            // A new total under a known data_tkn is a new upload: the app picks a fresh random token per scene.
            upload = new Upload(total, new TreeMap<>());
            uploads.remove(dataToken);
            evictOldestUploadIfFull();
            uploads.put(dataToken, upload);
        }
        upload.frames().put(cur, data);
        if (upload.frames().size() < total) {
            return List.of();
        }
        uploads.remove(dataToken);
        List<StoredScene> parsed = parse(String.join("", upload.frames().values()));
        if (scenes.size() + parsed.size() > MAX_SCENES) {
            throw new InvalidSceneException("the gateway keeps at most " + MAX_SCENES + " scenes");
        }
        for (StoredScene scene : parsed) {
            scenes.put(scene.id(), scene);
        }
        return parsed;
    }

    /** Stores scenes as they are, replacing those with the same ids: a gateway that kept its scenes over a restart. */
    public synchronized void restore(List<StoredScene> kept) {
        if (scenes.size() + kept.size() > MAX_SCENES) {
            throw new IllegalArgumentException("the gateway keeps at most " + MAX_SCENES + " scenes");
        }
        kept.forEach(scene -> scenes.put(scene.id(), scene));
    }

    /** Removes scenes by id; returns how many existed. */
    public synchronized int remove(List<String> ids) {
        int removed = 0;
        for (String id : ids) {
            if (scenes.remove(id) != null) {
                removed++;
            }
        }
        return removed;
    }

    /** The stored scenes, in upload order. */
    public synchronized List<StoredScene> scenes() {
        return List.copyOf(scenes.values());
    }

    /** Scenes started by firing {@code trigger} (an extra or an event name) on {@code sid}. */
    public synchronized List<StoredScene> matching(String sid, String trigger) {
        return scenes.values().stream().filter(scene -> scene.trigger().matches(sid, trigger)).toList();
    }

    /** Every distinct IP the stored scenes send to: the keepalive targets. */
    public synchronized Set<String> targetIps() {
        Set<String> ips = new LinkedHashSet<>();
        scenes.values().forEach(scene -> scene.actions().forEach(action -> ips.add(action.ip())));
        return ips;
    }

    /** Uploads still waiting for frames. */
    public synchronized int pendingUploads() {
        return uploads.size();
    }

    private void evictOldestUploadIfFull() {
        if (uploads.size() >= MAX_PENDING_UPLOADS) {
            Iterator<Integer> oldest = uploads.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private List<StoredScene> parse(String text) throws InvalidSceneException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSceneException("the scene data is not JSON (" + text.length() + " characters)");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidSceneException("the scene data is not a non-empty JSON array");
        }
        List<StoredScene> parsed = new ArrayList<>();
        for (JsonNode entry : root) {
            parsed.add(scene(entry));
        }
        return parsed;
    }

    private static StoredScene scene(JsonNode entry) throws InvalidSceneException {
        if (!entry.isArray() || entry.size() < 2 || !entry.get(0).isTextual() || entry.get(0).asText().isBlank()) {
            throw new InvalidSceneException("each scene is [\"<id>\", [...]]");
        }
        String id = entry.get(0).asText();
        JsonNode body = entry.get(1);
        if (!body.isArray() || body.size() < 4) {
            throw new InvalidSceneException("scene " + id + ": the body is [\"1.0\", time, [\"0\", trigger], [actions]]");
        }
        JsonNode triggerPair = body.get(2);
        JsonNode trigger = triggerPair.isArray() && triggerPair.size() >= 2 ? triggerPair.get(1) : null;
        if (trigger == null || !trigger.isObject() || text(trigger, "did") == null || text(trigger, "extra") == null) {
            throw new InvalidSceneException("scene " + id + ": the trigger needs did and extra");
        }
        JsonNode actionList = body.get(3);
        if (!actionList.isArray() || actionList.isEmpty()) {
            throw new InvalidSceneException("scene " + id + ": no action");
        }
        List<SceneAction> actions = new ArrayList<>();
        for (JsonNode action : actionList) {
            actions.add(action(id, action));
        }
        return new StoredScene(id, new SceneTrigger(text(trigger, "did"), text(trigger, "extra"), text(trigger, "key"),
                text(trigger, "model")), actions);
    }

    private static SceneAction action(String sceneId, JsonNode action) throws InvalidSceneException {
        if (!action.isObject()) {
            throw new InvalidSceneException("scene " + sceneId + ": an action is not an object");
        }
        String command = text(action, "command");
        String ip = text(action, "ip");
        String model = text(action, "model");
        String token = text(action, "token");
        if (command == null || ip == null || model == null || token == null) {
            throw new InvalidSceneException("scene " + sceneId + ": the action needs command, ip, model and token");
        }
        return new SceneAction(command, text(action, "did"), ip, model, token);
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
