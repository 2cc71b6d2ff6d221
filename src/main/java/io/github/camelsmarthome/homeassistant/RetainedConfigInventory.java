package io.github.camelsmarthome.homeassistant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.event.CompleteDeviceList;
import io.github.camelsmarthome.event.CompleteDeviceListSource;
import io.github.camelsmarthome.homeassistant.discovery.DeviceTopics;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's bean {@code haHousekeeping}: the retained discovery configs the broker keeps for
 * this instance (collected by the route {@code homeassistant-config-inventory} from the copies the
 * broker replays on subscribing), and the periodic round of {@code homeassistant-housekeeping}:
 * the bridge's health document, the migration of configs that a known device has in the other
 * discovery mode ({@code HA_DISCOVERY_MODE} changed), and the clearing of configs of removed
 * devices.
 *
 * <p>The removal rule: a system's retained config is cleared (with its device's retained state
 * and availability) only once the system's component reports a {@link CompleteDeviceList} that
 * lacks the config's device, and the core does not know the device either. A system without a
 * complete list keeps every config: a device not heard from is not a removed one.
 *
 * <p>A config of a known device that another client clears while the bridge runs is a device the
 * user deleted in Home Assistant: it is excluded from discovery (see {@link ExcludedDevices}).
 */
public final class RetainedConfigInventory {

    /** Most configs remembered: a hostile broker cannot fill the memory. */
    static final int MAX_TOPICS = 10_000;
    /** Configs larger than this are not read for their device (ours are a few kB) and never cleared. */
    static final int MAX_CONFIG_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RetainedConfigInventory.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z0-9_-]{1,200}");
    /** The owner of a config whose device cannot be told: such a config is never cleared. */
    private static final String UNKNOWN_OWNER = "";

    private final HomeAssistantDiscovery discovery;
    private final Supplier<List<CompleteDeviceList>> deviceLists;
    private final ExcludedDevices excludedDevices;
    private final ObjectMapper json = new ObjectMapper();
    /** Config topic to the device registry identifier its payload names ({@link #UNKNOWN_OWNER} when none). */
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder unattributed = new LongAdder();
    private final LongAdder migrated = new LongAdder();
    private final LongAdder clearedDevices = new LongAdder();

    /** An inventory for {@code discovery}'s own config topics that never clears a removed device's configs. */
    public RetainedConfigInventory(HomeAssistantDiscovery discovery) {
        this(discovery, List::of);
    }

    /**
     * An inventory for {@code discovery}'s own config topics that clears the configs of devices
     * missing from the complete lists {@code deviceLists} gives at each round (see
     * {@link #completeListsOf(CamelContext)}).
     */
    public RetainedConfigInventory(HomeAssistantDiscovery discovery, Supplier<List<CompleteDeviceList>> deviceLists) {
        this(discovery, deviceLists, null);
    }

    /**
     * As {@link #RetainedConfigInventory(HomeAssistantDiscovery, Supplier)}, and a device whose
     * config another client clears while the bridge runs (a user deleted it in HA, brief 2.4) is
     * excluded from discovery and added to {@code excludedDevices} ({@code null}: excluded until
     * the bridge stops).
     */
    public RetainedConfigInventory(HomeAssistantDiscovery discovery, Supplier<List<CompleteDeviceList>> deviceLists,
            ExcludedDevices excludedDevices) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.deviceLists = Objects.requireNonNull(deviceLists, "deviceLists");
        this.excludedDevices = excludedDevices;
    }

    /**
     * The complete device lists of the context's components that can tell one (Home Connect,
     * SimpliSafe, miio-push), asked anew at each call; components are never created by asking.
     */
    public static Supplier<List<CompleteDeviceList>> completeListsOf(CamelContext context) {
        Objects.requireNonNull(context, "context");
        return () -> {
            List<CompleteDeviceList> lists = new ArrayList<>();
            for (String name : context.getComponentNames()) {
                Component component = context.hasComponent(name);
                if (component instanceof CompleteDeviceListSource source) {
                    source.completeDeviceList().ifPresent(lists::add);
                }
            }
            return lists;
        };
    }

    /**
     * Notes one message of the inventory subscription: a retained, non-empty config of this
     * instance is remembered with the device its payload names, an empty one (already cleared)
     * forgotten; live copies (our own publications coming back) and topics of other instances are
     * ignored.
     */
    public void record(Exchange exchange) {
        String topic = exchange.getIn().getHeader(PahoMqtt5Constants.MQTT_TOPIC, String.class);
        byte[] payload = exchange.getIn().getBody(byte[].class);
        if (topic == null || !discovery.topics().isOwnConfig(topic)) {
            ignored.increment();
            return;
        }
        if (payload == null || payload.length == 0) {
            pending.remove(topic);
            if (!HomeAssistantPublisher.retained(exchange)) {
                discovery.clearedByAnotherClient(topic).ifPresent(device -> deletedInHomeAssistant(device, topic));
            }
        } else if (HomeAssistantPublisher.retained(exchange)) {
            if (pending.size() < MAX_TOPICS || pending.containsKey(topic)) {
                pending.put(topic, ownerOf(topic, payload));
            } else {
                ignored.increment();
                LOG.warn("More than {} retained discovery configs under this instance's node id: ignored {}; {} ignored so far",
                        MAX_TOPICS, printable(topic), ignored.sum());
            }
        }
    }

    private void deletedInHomeAssistant(String device, String topic) {
        discovery.exclude(Set.of(device));
        if (excludedDevices != null) {
            excludedDevices.add(device);
        }
        LOG.info("Device {} was deleted in Home Assistant (another client cleared its config {}): its discovery is not "
                 + "published again{}", device, printable(topic),
                excludedDevices == null ? " until the bridge stops" : "; delete its line from " + excludedDevices.file()
                                                                      + " to bring it back");
    }

    /** Retained configs seen that no known device has accounted for yet. */
    public Set<String> pending() {
        return Set.copyOf(pending.keySet());
    }

    /** Configs migrated to the current discovery mode so far. */
    public long migrated() {
        return migrated.sum();
    }

    /** Removed devices whose retained configs, state and availability were cleared so far. */
    public long clearedDevices() {
        return clearedDevices.sum();
    }

    /** Retained configs whose device could not be read from the payload (kept, never cleared) so far. */
    public long unattributed() {
        return unattributed.sum();
    }

    /**
     * One housekeeping round: the configs to migrate (a known device's configs in the other mode:
     * {@code migrate_discovery}, the current config, the old topic cleared), the configs, state and
     * availability of removed devices cleared, then the bridge's health document. Topics the known
     * devices account for leave the inventory.
     */
    public List<DiscoveryMessage> housekeeping() {
        List<DiscoveryMessage> messages = new ArrayList<>();
        if (!pending.isEmpty()) {
            pending.keySet().removeAll(discovery.configTopics());
            List<DiscoveryMessage> migration = discovery.migrateKnownDevices(List.copyOf(pending.keySet()));
            for (DiscoveryMessage message : migration) {
                if (message.payload().isEmpty() && pending.remove(message.topic()) != null) {
                    migrated.increment();
                }
            }
            if (!migration.isEmpty()) {
                LOG.info("Migrated the discovery configs of known devices to the current mode; {} migrated so far, "
                         + "{} retained configs of devices not seen since the start kept", migrated.sum(), pending.size());
            }
            messages.addAll(migration);
            messages.addAll(clearRemovedDevices());
        }
        messages.add(discovery.bridgeHealth());
        return messages;
    }

    private List<DiscoveryMessage> clearRemovedDevices() {
        Map<String, Set<String>> listedBySystem = listedIdentifiers();
        if (listedBySystem.isEmpty()) {
            return List.of();
        }
        Set<String> known = discovery.knownIdentifiers();
        Map<String, List<String>> staleByOwner = new TreeMap<>();
        pending.forEach((topic, owner) -> {
            if (owner.isEmpty() || known.contains(owner)) {
                return;
            }
            listedBySystem.forEach((system, listed) -> {
                String prefix = system + "_";
                if (owner.startsWith(prefix) && owner.length() > prefix.length() && !listed.contains(owner)) {
                    staleByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(topic);
                }
            });
        });
        List<DiscoveryMessage> messages = new ArrayList<>();
        DeviceTopics topics = discovery.topics();
        staleByOwner.forEach((owner, configTopics) -> {
            String system = owner.substring(0, owner.indexOf('_'));
            String device = owner.substring(system.length() + 1);
            configTopics.sort(null);
            configTopics.forEach(topic -> messages.add(DiscoveryMessage.clear(topic)));
            messages.add(DiscoveryMessage.clear(topics.state(system, device)));
            messages.add(DiscoveryMessage.clear(topics.availability(system, device)));
            configTopics.forEach(pending::remove);
            clearedDevices.increment();
            LOG.info("Cleared the Home Assistant discovery of {} device {}: not in the system's complete device list; "
                     + "{} retained topics cleared", system, device, configTopics.size() + 2);
        });
        return messages;
    }

    /** System (as a topic segment) to the device registry identifiers of its complete list. */
    private Map<String, Set<String>> listedIdentifiers() {
        List<CompleteDeviceList> lists;
        try {
            lists = deviceLists.get();
        } catch (RuntimeException e) {
            LOG.warn("Could not ask the components for their device lists ({}); no configs of removed devices cleared this round",
                    e.toString());
            return Map.of();
        }
        DeviceTopics topics = discovery.topics();
        Map<String, Set<String>> bySystem = new LinkedHashMap<>();
        for (CompleteDeviceList list : lists) {
            String system = DeviceTopics.segment(list.system());
            if (system.contains("_")) {
                // The owner's system is read up to the first '_': such a system could not be told apart.
                continue;
            }
            Set<String> listed = bySystem.computeIfAbsent(system, s -> new LinkedHashSet<>());
            list.deviceIds().forEach(id -> listed.add(topics.identifier(system, id)));
            list.gateways().forEach(host -> listed.add(topics.identifier(system, DeviceTopics.gatewayDeviceId(host))));
        }
        return bySystem;
    }

    /**
     * The device registry identifier a config names ({@code device.identifiers[0]}, abbreviated
     * {@code dev.ids} too), accepted only when the topic's object id agrees with it, so a forged
     * payload cannot point the clearing at another device's topics; {@link #UNKNOWN_OWNER} otherwise.
     */
    private String ownerOf(String topic, byte[] payload) {
        String owner = payload.length > MAX_CONFIG_BYTES ? null : identifierIn(payload);
        String[] parts = topic.split("/", -1);
        String objectId = parts[parts.length - 2];
        String platform = parts[parts.length - 4];
        boolean agrees = owner != null && IDENTIFIER.matcher(owner).matches()
                         && ("device".equals(platform) ? objectId.equals(owner)
                                 : objectId.startsWith(discovery.topics().uniqueIdPrefix() + "_" + owner + "_"));
        if (agrees) {
            return owner;
        }
        unattributed.increment();
        LOG.debug("Retained discovery config {} names no device of its topic: kept, never cleared", printable(topic));
        return UNKNOWN_OWNER;
    }

    private String identifierIn(byte[] payload) {
        try {
            JsonNode root = json.readTree(payload);
            if (root == null) {
                return null;
            }
            JsonNode device = root.has("device") ? root.get("device") : root.path("dev");
            JsonNode ids = device.has("identifiers") ? device.get("identifiers") : device.path("ids");
            JsonNode first = ids.isArray() ? ids.path(0) : ids;
            return first.isTextual() ? first.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
