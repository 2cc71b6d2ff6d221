package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link SystemMapping} may do while it maps one event: find or create devices, change
 * their entities, state and availability, emit event messages and bridge health values.
 * {@link HomeAssistantDiscovery} then publishes what changed.
 */
final class EventContext {

    private static final Logger LOG = LoggerFactory.getLogger(EventContext.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final DiscoveryOptions options;
    private final DeviceTopics topics;
    private final Map<String, KnownDevice> devices;
    private final ObjectNode bridgeHealth;
    private final DiscoveryStats stats;
    private final Set<KnownDevice> touched = new LinkedHashSet<>();
    private final List<DiscoveryMessage> events = new ArrayList<>();

    EventContext(DiscoveryOptions options, DeviceTopics topics, Map<String, KnownDevice> devices, ObjectNode bridgeHealth,
            DiscoveryStats stats) {
        this.options = options;
        this.stats = stats;
        this.topics = topics;
        this.devices = devices;
        this.bridgeHealth = bridgeHealth;
    }

    DiscoveryOptions options() {
        return options;
    }

    DeviceTopics topics() {
        return topics;
    }

    static String key(String system, String deviceId) {
        return system + "\u0000" + deviceId;
    }

    /**
     * The device, created with {@code block} the first time. Call for a parent before its child, so
     * that the parent's config is published first (brief 4.3: {@code via_device} targets first).
     */
    KnownDevice device(String system, String deviceId, Supplier<HaDevice> block) {
        KnownDevice device = devices.computeIfAbsent(key(system, deviceId),
                k -> new KnownDevice(system, deviceId, block.get()));
        touched.add(device);
        return device;
    }

    /** Queues the non-retained event message of a device, unless the same upstream event sent it lately. */
    void emitEvent(KnownDevice device, ObjectNode message) {
        String eventId = message.path("id").asText(null);
        if (eventId != null && !device.firstDelivery(eventId + "|" + message.path("event_type").asText())) {
            return;
        }
        events.add(DiscoveryMessage.transientEvent(topics.event(device.system(), device.deviceId()), message.toString()));
    }

    /**
     * Counts a key of {@code device} that gets no entity ({@code why}), and logs it the first time
     * for that device: a device that repeats it on every event must not flood the log.
     */
    void skippedKey(KnownDevice device, String key, String why) {
        stats.skippedKey();
        Set<String> logged = device.fact("skipped_keys");
        if (logged.size() < KnownDevice.RECENT_EVENTS && logged.add(key)) {
            LOG.warn("Home Assistant discovery: key {} of {} {} gets no entity ({}); {} keys skipped so far",
                    printable(key), device.system(), printable(device.deviceId()), why, stats.skippedKeys());
        }
    }

    /** Short and without control characters: a hostile key must not forge log lines. */
    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return CONTROL.matcher(cut).replaceAll("?");
    }

    /** The bridge health section of one system ({@code {"simplisafe": {...}}}), to update. */
    ObjectNode health(String system) {
        return BridgeDevice.section(bridgeHealth, system);
    }

    Set<KnownDevice> touched() {
        return touched;
    }

    List<DiscoveryMessage> events() {
        return events;
    }
}
