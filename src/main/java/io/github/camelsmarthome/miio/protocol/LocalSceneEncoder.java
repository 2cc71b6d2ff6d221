package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Writes subscription scenes in the gateway's local-scene format (brief 6.4): a JSON array of
 * {@code [id, ["1.0", time, ["0", TRIGGER], [ACTION]]]}, serialised compactly, which then travels
 * as a JSON <em>string</em> in {@code send_data_frame} ({@link SendDataFrames}).
 *
 * <p>Object keys are written in alphabetical order, as python-miio does, so the text of one scene
 * is byte-for-byte the one in the brief's vector V08.
 *
 * <p>Thread-safe.
 */
public final class LocalSceneEncoder {

    /** TRIGGER.{@code timespan}: always active, every day (brief 6.4). */
    public static final String ALWAYS = "0 0 * * 0,1,2,3,4,5,6";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PushTarget target;

    /** An encoder for scenes whose action targets this push server. */
    public LocalSceneEncoder(PushTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * The scene array as compact text: the value of {@code params.data} once the frames are joined.
     *
     * @param scenes the scenes, in order (one per upload is what python-miio does and what was
     *     seen working; several are allowed by the format)
     * @param sceneTime the scene time, the current Unix time in seconds (brief 6.4)
     * @param tokens {@code token_enc} and, for protected triggers, the gateway token
     */
    public String encode(List<PlannedScene> scenes, long sceneTime, SceneTokens tokens) {
        try {
            return JSON.writeValueAsString(sceneArray(scenes, sceneTime, tokens));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scene tree always serialises", e);
        }
    }

    /** {@link #encode(List, long, SceneTokens)} of one scene. */
    public String encode(PlannedScene scene, long sceneTime, SceneTokens tokens) {
        return encode(List.of(scene), sceneTime, tokens);
    }

    /** The scene array as a tree, for callers that want to inspect it. */
    public ArrayNode sceneArray(List<PlannedScene> scenes, long sceneTime, SceneTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        ArrayNode array = NODES.arrayNode();
        for (PlannedScene scene : scenes) {
            if (!scene.command().targetModel().equals(target.model())) {
                throw new IllegalArgumentException("scene " + scene.sceneId() + " was planned for target model "
                        + scene.command().targetModel() + " but the push server is " + target.model());
            }
            ArrayNode body = NODES.arrayNode()
                    .add("1.0")
                    .add(sceneTime)
                    .add(NODES.arrayNode().add("0").add(trigger(scene.event(), tokens)))
                    .add(NODES.arrayNode().add(action(scene, tokens)));
            array.add(NODES.arrayNode().add(scene.sceneId()).add(body));
        }
        return array;
    }

    private static ObjectNode trigger(EventInfo event, SceneTokens tokens) {
        ObjectNode trigger = NODES.objectNode();
        trigger.put("did", event.sourceSid());
        trigger.put("extra", event.extra());
        trigger.put("key", "event." + event.sourceModel() + "." + event.event());
        trigger.put("model", event.sourceModel());
        trigger.put("src", "device");
        trigger.set("timespan", NODES.arrayNode().add(ALWAYS).add(ALWAYS));
        if (event.triggerToken().needsGatewayToken() && tokens.gatewayTokenHex() == null) {
            throw new IllegalArgumentException("device " + event.sourceSid() + ", action '" + event.action()
                    + "': this trigger needs the gateway token, but none was given");
        }
        trigger.put("token", event.triggerToken().resolve(tokens));
        if (event.triggerValue() != null) {
            trigger.set("value", event.triggerValue());
        }
        return trigger;
    }

    private ObjectNode action(PlannedScene scene, SceneTokens tokens) {
        String tokenEnc = Objects.requireNonNull(tokens.targetTokenEnc(), "targetTokenEnc");
        if (!tokenEnc.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("token_enc must be 32 lower-case hex digits");
        }
        ObjectNode action = NODES.objectNode();
        action.put("command", scene.command().text());
        action.put("did", target.deviceId());
        action.put("extra", scene.event().commandExtra());
        action.put("id", 0);
        action.put("ip", target.advertisedIp());
        action.put("model", target.model());
        action.put("token", tokenEnc);
        action.put("value", "");
        return action;
    }
}
