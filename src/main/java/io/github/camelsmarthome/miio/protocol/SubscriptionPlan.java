package io.github.camelsmarthome.miio.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenes one gateway needs for a configuration: one {@link PlannedScene} per (device, action),
 * each with its {@link DeterministicSceneId} and checked {@link SceneCommand}. It also answers what
 * an incoming event needs: the model of a sid.
 *
 * <p>Built once at configuration time; every problem is an {@link IllegalArgumentException} then,
 * never a surprise on the gateway. Immutable and thread-safe.
 */
public final class SubscriptionPlan {

    private final String gatewayKey;
    private final List<PlannedScene> scenes;
    private final Map<String, PlannedScene> byDeviceAndAction;
    private final Map<String, String> modelBySid;

    private SubscriptionPlan(String gatewayKey, List<PlannedScene> scenes) {
        this.gatewayKey = gatewayKey;
        this.scenes = List.copyOf(scenes);
        Map<String, PlannedScene> index = new LinkedHashMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        for (PlannedScene scene : scenes) {
            index.put(key(scene.event().sourceSid(), scene.event().action()), scene);
            models.put(scene.event().sourceSid(), scene.event().sourceModel());
        }
        this.byDeviceAndAction = Map.copyOf(index);
        this.modelBySid = Map.copyOf(models);
    }

    /** A plan with the default target model {@value SceneCommand#DEFAULT_TARGET_MODEL}. */
    public static SubscriptionPlan of(String gatewayKey, List<EventInfo> subscriptions) {
        return of(gatewayKey, subscriptions, SceneCommand.DEFAULT_TARGET_MODEL);
    }

    /**
     * Plans the scenes of a gateway.
     *
     * @param gatewayKey the gateway's did (preferred) or host: part of every scene id
     * @param subscriptions bound events (apply {@link EventInfo#withGatewayDefaults} first); an event
     *     listed twice counts once
     * @param targetModel the fake device's model, the prefix of every command
     * @throws IllegalArgumentException when an event has no source, a command breaks the grammar or
     *     the length limit, a device has the same action with two different triggers, or two
     *     subscriptions get the same scene id
     */
    public static SubscriptionPlan of(String gatewayKey, List<EventInfo> subscriptions, String targetModel) {
        Objects.requireNonNull(gatewayKey, "gatewayKey");
        Map<String, EventInfo> byDeviceAndAction = new LinkedHashMap<>();
        for (EventInfo event : subscriptions) {
            if (!event.isBound()) {
                throw new IllegalArgumentException("gateway " + gatewayKey + ": " + event
                        + " has no source device or model; bind it to a device first");
            }
            EventInfo previous = byDeviceAndAction.putIfAbsent(key(event.sourceSid(), event.action()), event);
            if (previous != null && !previous.equals(event)) {
                throw new IllegalArgumentException("gateway " + gatewayKey + ", device " + event.sourceSid()
                        + ", action '" + event.action() + "' is subscribed twice with different triggers ("
                        + previous.extra() + " and " + event.extra() + "); an action must name one event per device");
            }
        }
        Map<String, PlannedScene> byId = new LinkedHashMap<>();
        List<PlannedScene> scenes = new ArrayList<>();
        for (EventInfo event : byDeviceAndAction.values()) {
            SceneCommand command = new SceneCommand(targetModel, event.action(), event.sourceSid());
            PlannedScene scene = new PlannedScene(DeterministicSceneId.of(gatewayKey, event.sourceSid(), event.action()),
                    event, command);
            PlannedScene clash = byId.putIfAbsent(scene.sceneId(), scene);
            if (clash != null) {
                throw new IllegalArgumentException("gateway " + gatewayKey + ": scene id " + scene.sceneId()
                        + " is the same for device " + clash.event().sourceSid() + " action '" + clash.event().action()
                        + "' and device " + event.sourceSid() + " action '" + event.action() + "' (a hash collision);"
                        + " rename one of the two actions in an event catalog file");
            }
            scenes.add(scene);
        }
        return new SubscriptionPlan(gatewayKey, scenes);
    }

    /** The gateway key the scene ids were made with. */
    public String gatewayKey() {
        return gatewayKey;
    }

    /** Every scene, in subscription order. */
    public List<PlannedScene> scenes() {
        return scenes;
    }

    /** Every scene id, in subscription order: what to delete on stop. */
    public List<String> sceneIds() {
        return scenes.stream().map(PlannedScene::sceneId).toList();
    }

    /** The model of a subscribed device, for the event body; empty for a sid not in the plan. */
    public Optional<String> modelOf(String sid) {
        return Optional.ofNullable(sid == null ? null : modelBySid.get(sid));
    }

    /** The scene of a device and action, e.g. to check that an incoming event was subscribed. */
    public Optional<PlannedScene> sceneFor(String sid, String action) {
        return sid == null || action == null ? Optional.empty() : Optional.ofNullable(byDeviceAndAction.get(key(sid, action)));
    }

    private static String key(String sid, String action) {
        return sid + '\u0000' + action;
    }

    @Override
    public String toString() {
        return "SubscriptionPlan[gateway " + gatewayKey + ", " + scenes.size() + " scene(s)]";
    }
}
