package io.github.camelsmarthome.miio.protocol;

import java.util.Objects;

/**
 * One scene to install on a gateway: its id, the subscribed event and the command that brings the
 * event back.
 *
 * @param sceneId the deterministic id, {@code x.scene.<digits>}
 * @param event the subscription, bound to a device
 * @param command ACTION.{@code command}, already checked against the gateway's limits
 */
public record PlannedScene(String sceneId, EventInfo event, SceneCommand command) {

    /** Checks that the parts belong together. */
    public PlannedScene {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(command, "command");
        if (!event.isBound()) {
            throw new IllegalArgumentException("scene " + sceneId + ": " + event + " has no source device");
        }
    }
}
