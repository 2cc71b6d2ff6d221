package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The {@code send_data_frame} requests that install one scene: send {@link #frameParams()} in
 * order with method {@value SendDataFrames#METHOD}; the scene is installed when every reply's
 * result is {@code ["ok"]} ({@link SendDataFrames#isSuccess}). One scene per upload is what
 * python-miio does and what was seen working on real gateways, and a failure then costs one
 * subscription, not all.
 *
 * @param scene the scene being installed
 * @param frameParams the params of each request, in sending order (usually one)
 */
public record SceneUpload(PlannedScene scene, List<ObjectNode> frameParams) {

    /** Copies the list; the nodes are fresh per upload and belong to the caller. */
    public SceneUpload {
        Objects.requireNonNull(scene, "scene");
        frameParams = List.copyOf(frameParams);
    }

    /**
     * One upload per scene of a plan, in plan order, each with its own random data token.
     *
     * @param plan the gateway's scenes
     * @param encoder knows the push server's address and identity
     * @param tokens {@code token_enc} and, for protected triggers, the gateway token
     * @param sceneTime the current Unix time in seconds
     * @param random picks the data tokens
     */
    public static List<SceneUpload> perScene(SubscriptionPlan plan, LocalSceneEncoder encoder, SceneTokens tokens,
            long sceneTime, RandomGenerator random) {
        List<SceneUpload> uploads = new ArrayList<>();
        for (PlannedScene scene : plan.scenes()) {
            String text = encoder.encode(scene, sceneTime, tokens);
            uploads.add(new SceneUpload(scene, SendDataFrames.params(text, SendDataFrames.randomDataToken(random))));
        }
        return List.copyOf(uploads);
    }
}
