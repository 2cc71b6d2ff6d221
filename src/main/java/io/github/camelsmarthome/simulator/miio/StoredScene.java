package io.github.camelsmarthome.simulator.miio;

import java.util.List;

/**
 * A local scene the fake gateway holds, as uploaded with {@code send_data_frame}.
 *
 * @param id      the scene id, e.g. {@code x.scene.1000001}
 * @param trigger what starts it
 * @param actions what it sends, usually one action
 */
public record StoredScene(String id, SceneTrigger trigger, List<SceneAction> actions) {

    /** A scene with an unmodifiable copy of its actions. */
    public StoredScene {
        actions = List.copyOf(actions);
    }

    /** The first action's target IP (scenes from the push server have one action). */
    public String targetIp() {
        return actions.isEmpty() ? null : actions.get(0).ip();
    }

    /** The first action's command. */
    public String command() {
        return actions.isEmpty() ? null : actions.get(0).command();
    }
}
