package io.github.camelsmarthome.homeassistant.discovery;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every topic and id the discovery core writes, in one place so that they stay consistent:
 * data topics {@code <base>/<system>/<deviceId>/...} (design 5), config topics
 * {@code <prefix>/<platform>/<node>/<object>/config}, identifiers, unique ids and entity ids.
 *
 * <p>Ids from outside are hostile: every topic segment is reduced to {@code [a-zA-Z0-9_-]}
 * (brief 1.1, rule 10), so a device id can never add a level or a wildcard, and every entity id to
 * HA's {@code [a-z0-9_]} without leading, trailing or double underscores (brief 2.3).
 */
public final class DeviceTopics {

    /** Availability payload of a reachable device. */
    public static final String ONLINE = "online";
    /** Availability payload of an unreachable device. */
    public static final String OFFLINE = "offline";

    // Compiled once: String.replaceAll compiles its pattern on every call, for every topic of every event (issue #8).
    private static final Pattern NOT_SEGMENT_SAFE = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final Pattern NOT_SLUG_SAFE = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    private final DiscoveryOptions options;

    /** Topics for these options. */
    public DeviceTopics(DiscoveryOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A value as one topic segment: characters outside {@code [a-zA-Z0-9_-]} become {@code _}; empty becomes {@code unknown}. */
    public static String segment(String value) {
        if (value == null || value.isEmpty()) {
            return "unknown";
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isSegmentSafe(value.charAt(i))) {
                return NOT_SEGMENT_SAFE.matcher(value).replaceAll("_");
            }
        }
        // Almost every id is safe already: no matcher, no copy.
        return value;
    }

    private static boolean isSegmentSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** A value as the object part of an entity id: lower case {@code a-z0-9} words joined by single {@code _}. */
    public static String slug(String value) {
        String slug = value == null ? ""
                : EDGE_UNDERSCORES.matcher(NOT_SLUG_SAFE.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
        return slug.isEmpty() ? "unnamed" : slug;
    }

    /** The device id of a Xiaomi gateway as Home Assistant knows it: {@code gateway-<host>} (events name it by host). */
    public static String gatewayDeviceId(String gatewayHost) {
        return "gateway-" + gatewayHost;
    }

    /** The first part of every unique id and component-mode object id: the node id in snake case. */
    public String uniqueIdPrefix() {
        return options.uniqueIdPrefix();
    }

    /** {@code <base>/<system>/<deviceId>}. */
    public String deviceRoot(String system, String deviceId) {
        return options.baseTopic() + "/" + segment(system) + "/" + segment(deviceId);
    }

    /** The retained JSON state of a device. */
    public String state(String system, String deviceId) {
        return deviceRoot(system, deviceId) + "/state";
    }

    /** The non-retained events of a device, {@code {"event_type": ...}}. */
    public String event(String system, String deviceId) {
        return deviceRoot(system, deviceId) + "/event";
    }

    /** The retained {@code online}/{@code offline} of a device. */
    public String availability(String system, String deviceId) {
        return deviceRoot(system, deviceId) + "/availability";
    }

    /** A command topic {@code <base>/<system>/<deviceId>/<feature>/set}; {@code feature} may have levels ({@code program/active}). */
    public String command(String system, String deviceId, String feature) {
        return deviceRoot(system, deviceId) + "/" + feature + "/set";
    }

    /** The bridge's retained {@code online}/{@code offline}, its MQTT last will (design 5). */
    public String bridgeState() {
        return options.baseTopic() + "/bridge/state";
    }

    /** The bridge's retained JSON health document its diagnostic entities read. */
    public String bridgeHealth() {
        return options.baseTopic() + "/bridge/health";
    }

    /** The device registry identifier {@code <system>_<deviceId>}; the bridge's is {@link #bridgeIdentifier()}. */
    public String identifier(String system, String deviceId) {
        if (BridgeDevice.SYSTEM.equals(system)) {
            return bridgeIdentifier();
        }
        return segment(system) + "_" + segment(deviceId);
    }

    /** The identifier of the bridge device, the parent of every top-level device. */
    public String bridgeIdentifier() {
        return options.uniqueIdPrefix() + "_bridge";
    }

    /** {@code <instance>_<system>_<deviceId>_<key>}: globally unique, and usable as a topic segment. */
    public String uniqueId(String system, String deviceId, String key) {
        if (BridgeDevice.SYSTEM.equals(system)) {
            return bridgeIdentifier() + "_" + segment(key);
        }
        return options.uniqueIdPrefix() + "_" + identifier(system, deviceId) + "_" + segment(key);
    }

    /** {@code <platform>.<system>_<deviceId>_<key>} in snake case: the entity id HA creates first (brief 2.3). */
    public String defaultEntityId(String platform, String system, String deviceId, String key) {
        String device = BridgeDevice.SYSTEM.equals(system) ? system : system + "_" + deviceId;
        return platform + "." + slug(device + "_" + key);
    }

    /** The single-component config topic of one entity or trigger. */
    public String componentConfig(String platform, String objectId) {
        return options.discoveryPrefix() + "/" + platform + "/" + options.nodeId() + "/" + segment(objectId) + "/config";
    }

    /** The device-based config topic of one device. */
    public String deviceConfig(String system, String deviceId) {
        return componentConfig("device", identifier(system, deviceId));
    }

    /** The MQTT filter that matches every config topic this bundle instance owns (brief 4.3 step 3). */
    public String ownConfigFilter() {
        return options.discoveryPrefix() + "/+/" + options.nodeId() + "/+/config";
    }

    /** Whether {@code topic} is a config topic of this bundle instance. */
    public boolean isOwnConfig(String topic) {
        String[] parts = topic.split("/", -1);
        String[] prefix = options.discoveryPrefix().split("/", -1);
        if (parts.length != prefix.length + 4) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!prefix[i].equals(parts[i])) {
                return false;
            }
        }
        return parts[prefix.length + 1].equals(options.nodeId()) && parts[parts.length - 1].equals("config");
    }
}
