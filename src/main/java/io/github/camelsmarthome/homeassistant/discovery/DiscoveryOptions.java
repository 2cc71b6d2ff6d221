package io.github.camelsmarthome.homeassistant.discovery;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of {@link HomeAssistantDiscovery}. Start from {@link #defaults(String)} and change what
 * differs with the {@code with*} methods.
 *
 * @param baseTopic            root of the bundle's data topics ({@code <base>/<system>/<deviceId>/state} ...)
 * @param discoveryPrefix      HA's discovery prefix, {@code homeassistant} unless changed in HA's MQTT options
 * @param nodeId               the {@code node_id} segment of every config topic; owning it lets the bundle find
 *                             its own retained configs ({@code <prefix>/+/<nodeId>/+/config}) to clear stale ones
 * @param origin               the {@code origin} block of every config
 * @param mode                 per-device ({@code cmps}) or per-entity configs
 * @param motionOffDelaySeconds seconds after which an event-driven motion sensor returns to off
 * @param alarmCodeRequired    whether HA asks for a code to disarm ({@code REMOTE_CODE}, checked by the bundle)
 * @param miioActions          the actions a Xiaomi sub-device model can emit (the route layer passes the
 *                             miio event catalog here); an empty list for models it does not know
 */
public record DiscoveryOptions(String baseTopic, String discoveryPrefix, String nodeId, HaOrigin origin,
        DiscoveryMode mode, int motionOffDelaySeconds, boolean alarmCodeRequired,
        Function<String, List<String>> miioActions) {

    /** Default base topic (design 5). */
    public static final String DEFAULT_BASE_TOPIC = "camel-smarthome";
    /** HA's default discovery prefix. */
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    /** Default node id of config topics. */
    public static final String DEFAULT_NODE_ID = "camel-smarthome";

    /** Rejects values that would make topics or ids HA ignores. */
    public DiscoveryOptions {
        baseTopic = topicRoot(baseTopic, "baseTopic");
        discoveryPrefix = topicRoot(discoveryPrefix, "discoveryPrefix");
        if (nodeId == null || !nodeId.matches("[a-zA-Z0-9_-]+")) {
            throw new IllegalArgumentException("nodeId '" + nodeId + "' must match [a-zA-Z0-9_-]+");
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(mode, "mode");
        if (motionOffDelaySeconds < 1) {
            throw new IllegalArgumentException("motionOffDelaySeconds must be at least 1, not " + motionOffDelaySeconds);
        }
        Objects.requireNonNull(miioActions, "miioActions");
    }

    /**
     * The defaults: base {@value #DEFAULT_BASE_TOPIC}, prefix {@value #DEFAULT_DISCOVERY_PREFIX},
     * node {@value #DEFAULT_NODE_ID}, origin {@code camel-smarthome} at {@code version}, device
     * mode, motion off after 60 s, a code to disarm, no miio catalog.
     */
    public static DiscoveryOptions defaults(String version) {
        return new DiscoveryOptions(DEFAULT_BASE_TOPIC, DEFAULT_DISCOVERY_PREFIX, DEFAULT_NODE_ID,
                new HaOrigin("camel-smarthome", version, "https://github.com/camel-smarthome/camel-smarthome"),
                DiscoveryMode.DEVICE, 60, true, model -> List.of());
    }

    /** These options with another base topic. */
    public DiscoveryOptions withBaseTopic(String value) {
        return new DiscoveryOptions(value, discoveryPrefix, nodeId, origin, mode, motionOffDelaySeconds, alarmCodeRequired,
                miioActions);
    }

    /** These options with another discovery prefix. */
    public DiscoveryOptions withDiscoveryPrefix(String value) {
        return new DiscoveryOptions(baseTopic, value, nodeId, origin, mode, motionOffDelaySeconds, alarmCodeRequired,
                miioActions);
    }

    /** These options with another node id. */
    public DiscoveryOptions withNodeId(String value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, value, origin, mode, motionOffDelaySeconds, alarmCodeRequired,
                miioActions);
    }

    /** These options with another origin. */
    public DiscoveryOptions withOrigin(HaOrigin value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, nodeId, value, mode, motionOffDelaySeconds, alarmCodeRequired,
                miioActions);
    }

    /** These options with another discovery mode. */
    public DiscoveryOptions withMode(DiscoveryMode value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, nodeId, origin, value, motionOffDelaySeconds, alarmCodeRequired,
                miioActions);
    }

    /** These options with another motion off delay. */
    public DiscoveryOptions withMotionOffDelaySeconds(int value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, nodeId, origin, mode, value, alarmCodeRequired, miioActions);
    }

    /** These options with or without a code to disarm. */
    public DiscoveryOptions withAlarmCodeRequired(boolean value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, nodeId, origin, mode, motionOffDelaySeconds, value,
                miioActions);
    }

    /** These options with the actions of each miio model, e.g. {@code catalog::actionsOf}. */
    public DiscoveryOptions withMiioActions(Function<String, List<String>> value) {
        return new DiscoveryOptions(baseTopic, discoveryPrefix, nodeId, origin, mode, motionOffDelaySeconds, alarmCodeRequired,
                value);
    }

    /** The prefix of every {@code unique_id}: the node id in snake case, so two bundle instances never collide. */
    public String uniqueIdPrefix() {
        return nodeId.replace('-', '_');
    }

    private static String topicRoot(String value, String name) {
        if (value == null || value.isBlank() || value.contains("+") || value.contains("#")
                || value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException(name + " '" + value + "' must be a topic without wildcards or outer '/'");
        }
        return value;
    }
}
