package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns events (their JSON form, any system) into the MQTT messages Home Assistant needs
 * (discovery brief; design 5): discovery configs the first time a device or one of its entities
 * appears, the device's merged current state, its availability and its momentary events. It keeps
 * what it published per device, so each call returns only what changed. It never publishes: the
 * route layer sends the returned {@link DiscoveryMessage}s in order.
 *
 * <p>Typical wiring: on every event {@link #onEvent}; on {@code homeassistant/status} =
 * {@code online} (after a random 2–15 s delay, coalescing births) {@link #republishAll}; on a
 * timer, {@link #migrateKnownDevices} with the retained topics found under {@link #ownConfigFilter}
 * ({@code RetainedConfigInventory} clears removed devices' topics itself, with
 * {@link #knownIdentifiers} as the devices never to clear); after the bridge's own reconnect
 * {@link #republishAvailability}; on a gateway keepalive change {@link #gatewayAvailability}; for
 * the bridge's health entities {@link #updateBridgeHealth} and, on a timer, {@link #bridgeHealth}.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class HomeAssistantDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantDiscovery.class);
    private static final Pattern USABLE_SYSTEM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern USABLE_TYPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_DEVICE_ID_LENGTH = 128;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Brief 2.2: tells HA that the next config for this item comes from another discovery topic. */
    private static final String MIGRATE = "{\"migrate_discovery\": true}";

    private final DeviceTopics topics;
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigPayloads payloads;
    private final DiscoveryOptions options;
    private final Map<String, SystemMapping> mappings;
    private final SystemMapping generic = new GenericMapping();
    private final Map<String, KnownDevice> devices = new LinkedHashMap<>();
    private final KnownDevice bridge;
    private final ObjectNode health = BridgeDevice.initialHealth();
    private final DiscoveryStats stats = new DiscoveryStats();
    private final CommandFacts commandFacts = new CommandFacts(this);
    /** Identifiers of devices deleted in HA (brief 2.4): their configs are never published again. */
    private final Set<String> excluded = new LinkedHashSet<>();
    /** Config topics the bridge cleared itself, until their copy comes back (bounded: the oldest go first). */
    private final Set<String> ownClears = new LinkedHashSet<>();
    private static final int MAX_OWN_CLEARS = 10_000;

    /** A discovery core with these options and nothing known yet. */
    public HomeAssistantDiscovery(DiscoveryOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.topics = new DeviceTopics(options);
        this.payloads = new ConfigPayloads(options, topics, json);
        this.mappings = Map.of(SimplisafeMapping.SYSTEM, new SimplisafeMapping(json),
                HomeConnectMapping.SYSTEM, new HomeConnectMapping(),
                MiioMapping.SYSTEM, new MiioMapping());
        this.bridge = BridgeDevice.create(options, topics);
    }

    /** The topics and ids this core uses. */
    public DeviceTopics topics() {
        return topics;
    }

    /** Counters of mapped and rejected events. */
    public DiscoveryStats stats() {
        return stats;
    }

    /**
     * The messages for one event, in publication order: the bridge's configs the first time, then
     * configs of devices that are new or gained or changed an entity (parents first), their
     * availability and merged state where it changed, and the non-retained event messages. A
     * malformed event is logged, counted in {@link #stats()} and answered with no message.
     *
     * @param eventJson the event's JSON form ({@code mapper.valueToTree(event)} with ISO dates)
     */
    public synchronized List<DiscoveryMessage> onEvent(ObjectNode eventJson) {
        String system = EventFields.text(eventJson, "system");
        String deviceId = EventFields.text(eventJson, "deviceId");
        String type = EventFields.text(eventJson, "type");
        String problem = problemOf(system, deviceId, type);
        if (problem != null) {
            return reject(problem, system, deviceId, null);
        }
        if (BridgeDevice.SYSTEM.equals(system)) {
            return List.of();
        }
        if (HomeConnectMapping.SYSTEM.equals(system) && "DEPAIRED".equals(type)) {
            stats.mapped();
            return depaired(deviceId);
        }
        ObjectNode section = sectionOf(system);
        section.put("connected", true);
        EventFields.putIfSet(section, "last_event_at", EventFields.text(eventJson, "time"));
        EventContext context = new EventContext(options, topics, devices, health, stats);
        try {
            mappings.getOrDefault(system, generic).apply(eventJson, context);
        } catch (RuntimeException e) {
            return reject(e.getMessage(), system, deviceId, e);
        }
        stats.mapped();
        List<DiscoveryMessage> messages = new ArrayList<>(changedConfigs(bridge, false));
        for (KnownDevice device : context.touched()) {
            messages.addAll(changedConfigs(device, false));
        }
        for (KnownDevice device : context.touched()) {
            availability(device, false, messages);
        }
        for (KnownDevice device : context.touched()) {
            state(device, false, messages);
        }
        messages.addAll(context.events());
        return messages;
    }

    /**
     * Everything retained again, for HA's birth message (brief 4.3): every config (bridge, parents,
     * children), then each device's availability and current state. Never events (brief 4.4).
     */
    public synchronized List<DiscoveryMessage> republishAll() {
        List<DiscoveryMessage> messages = new ArrayList<>(changedConfigs(bridge, true));
        devices.values().forEach(device -> messages.addAll(changedConfigs(device, true)));
        devices.values().forEach(device -> availability(device, true, messages));
        devices.values().forEach(device -> state(device, true, messages));
        messages.add(bridgeHealth());
        return messages;
    }

    /**
     * Every device's availability again, for the bridge's own MQTT reconnect (brief 4.1): the broker
     * may have published the last will meanwhile, and nothing else says the devices are back.
     */
    public synchronized List<DiscoveryMessage> republishAvailability() {
        List<DiscoveryMessage> messages = new ArrayList<>();
        devices.values().forEach(device -> availability(device, true, messages));
        return messages;
    }

    /**
     * Forgets a device and clears what the broker keeps for it (brief 2.4): its configs, then its
     * state and availability, all as empty retained messages. Empty when the device is unknown.
     */
    public synchronized List<DiscoveryMessage> removeDevice(String system, String deviceId) {
        KnownDevice device = devices.remove(EventContext.key(system, deviceId));
        if (device == null) {
            return List.of();
        }
        List<DiscoveryMessage> messages = new ArrayList<>();
        Set<String> configTopics = new LinkedHashSet<>(device.publishedConfigs().keySet());
        payloads.configTopics(device).forEach(configTopics::add);
        configTopics.forEach(topic -> messages.add(DiscoveryMessage.clear(topic)));
        messages.add(DiscoveryMessage.clear(topics.state(system, deviceId)));
        messages.add(DiscoveryMessage.clear(topics.availability(system, deviceId)));
        return messages;
    }

    /**
     * A Home Connect appliance left the account (brief 4.3, upstream change): what the broker keeps
     * for it is cleared at once. Unknown to the core (not heard from since the start), at least its
     * device config, state and availability; configs in the other mode follow at the next
     * housekeeping round, since the appliance left the account's list too.
     */
    private List<DiscoveryMessage> depaired(String haId) {
        List<DiscoveryMessage> messages = removeDevice(HomeConnectMapping.SYSTEM, haId);
        if (messages.isEmpty()) {
            messages = List.of(DiscoveryMessage.clear(topics.deviceConfig(HomeConnectMapping.SYSTEM, haId)),
                    DiscoveryMessage.clear(topics.state(HomeConnectMapping.SYSTEM, haId)),
                    DiscoveryMessage.clear(topics.availability(HomeConnectMapping.SYSTEM, haId)));
        }
        LOG.info("Cleared the Home Assistant discovery of homeconnect device {}: DEPAIRED; {} retained topics cleared",
                printable(haId), messages.size());
        return messages;
    }

    /**
     * Excludes devices a user deleted in HA (brief 2.4), by device registry identifier: their
     * configs are not published again, by events or births; state, availability and events still
     * are (other consumers read them).
     */
    public synchronized void exclude(Collection<String> identifiers) {
        excluded.addAll(identifiers);
        devices.values().stream().filter(device -> excluded.contains(topics.identifier(device.system(), device.deviceId())))
                .forEach(device -> device.publishedConfigs().clear());
    }

    /**
     * Notes a config topic the bridge is clearing itself (removal, migration, removed device), so
     * that the copy coming back on the inventory subscription is not taken for a deletion in HA.
     */
    public synchronized void ownClear(String configTopic) {
        if (ownClears.size() >= MAX_OWN_CLEARS) {
            ownClears.remove(ownClears.iterator().next());
        }
        ownClears.add(configTopic);
    }

    /**
     * For a clear of {@code topic} received from the broker: the device registry identifier of the
     * known device (never the bridge) whose config the core publishes there, unless the bridge
     * cleared that topic itself ({@link #ownClear}); empty otherwise. Present means another
     * client, Home Assistant when a user deletes the device, cleared a live config.
     */
    public synchronized Optional<String> clearedByAnotherClient(String topic) {
        if (ownClears.remove(topic)) {
            return Optional.empty();
        }
        return devices.values().stream().filter(device -> device.publishedConfigs().containsKey(topic)).findFirst()
                .map(device -> topics.identifier(device.system(), device.deviceId()));
    }

    /** The device registry identifiers of every device the core knows, the bridge included. */
    public synchronized Set<String> knownIdentifiers() {
        Set<String> known = new LinkedHashSet<>();
        known.add(topics.bridgeIdentifier());
        devices.values().forEach(device -> known.add(topics.identifier(device.system(), device.deviceId())));
        return known;
    }

    /**
     * Clears the configs this instance owns on the broker that no known device produces any more:
     * devices removed while the bundle was down. Configs a known device has in the <em>other</em>
     * discovery mode are migrated instead of deleted, so HA keeps the entities and their user
     * settings (brief 2.2): {@code {"migrate_discovery": true}} on each old topic, then the device's
     * current configs, then the old topics cleared.
     *
     * <p>Call it once the inventory is complete (after the components' first state read), with the
     * retained topics received on {@link #ownConfigFilter()} during a short window: a config
     * cleared too early deletes the entity and its user settings in HA.
     */
    public synchronized List<DiscoveryMessage> clearStale(Collection<String> retainedConfigTopics) {
        Set<String> current = configTopics();
        Map<String, KnownDevice> otherMode = otherModeTopics();
        List<DiscoveryMessage> messages = new ArrayList<>();
        Set<KnownDevice> migrated = new LinkedHashSet<>();
        List<String> migratedTopics = new ArrayList<>();
        for (String topic : retainedConfigTopics) {
            if (!topics.isOwnConfig(topic) || current.contains(topic)) {
                continue;
            }
            KnownDevice device = otherMode.get(topic);
            if (device == null) {
                messages.add(DiscoveryMessage.clear(topic));
            } else {
                messages.add(DiscoveryMessage.retained(topic, MIGRATE));
                migrated.add(device);
                migratedTopics.add(topic);
            }
        }
        migrated.forEach(device -> messages.addAll(changedConfigs(device, true)));
        migratedTopics.forEach(topic -> messages.add(DiscoveryMessage.clear(topic)));
        return messages;
    }

    /**
     * {@link #clearStale} restricted to what is safe before the inventory of devices is complete:
     * only retained configs that a <em>known</em> device has in the other discovery mode are
     * migrated; configs of devices not seen since the start are never touched (they may simply not
     * have reported yet), so this may be called on every housekeeping round.
     */
    public synchronized List<DiscoveryMessage> migrateKnownDevices(Collection<String> retainedConfigTopics) {
        Map<String, KnownDevice> otherMode = otherModeTopics();
        List<String> known = retainedConfigTopics.stream().filter(otherMode::containsKey).toList();
        return known.isEmpty() ? List.of() : clearStale(known);
    }

    /** Config topic to device, for the mode this instance does not use. */
    private Map<String, KnownDevice> otherModeTopics() {
        DiscoveryMode other = options.mode() == DiscoveryMode.DEVICE ? DiscoveryMode.COMPONENT : DiscoveryMode.DEVICE;
        ConfigPayloads otherPayloads = new ConfigPayloads(options.withMode(other), topics, json);
        Map<String, KnownDevice> byTopic = new LinkedHashMap<>();
        otherPayloads.configTopics(bridge).forEach(topic -> byTopic.put(topic, bridge));
        devices.values().forEach(device -> otherPayloads.configTopics(device).forEach(topic -> byTopic.put(topic, device)));
        return byTopic;
    }

    /** Every config topic the known devices and the bridge have in the current mode. */
    public synchronized Set<String> configTopics() {
        Set<String> current = new LinkedHashSet<>();
        payloads.configTopics(bridge).forEach(current::add);
        devices.values().forEach(device -> payloads.configTopics(device).forEach(current::add));
        return current;
    }

    /** The known devices of {@code system}, for {@link CommandFacts}; call while holding this object's lock. */
    List<KnownDevice> devicesOf(String system) {
        return devices.values().stream().filter(device -> system.equals(device.system())).toList();
    }

    /** Lookups on the known devices for the commands that come back from Home Assistant. */
    public CommandFacts commandFacts() {
        return commandFacts;
    }

    /** The MQTT filter of this instance's retained configs, to subscribe to briefly before {@link #clearStale}. */
    public String ownConfigFilter() {
        return topics.ownConfigFilter();
    }

    /**
     * Marks a Xiaomi gateway reachable or not (from its keepalives): its device's availability, and
     * with it that of every sub-device behind it. Returns the gateway's config when new and the
     * availability message when it changed.
     */
    public synchronized List<DiscoveryMessage> gatewayAvailability(String gateway, boolean reachable) {
        EventContext context = new EventContext(options, topics, devices, health, stats);
        KnownDevice hub = MiioMapping.gatewayDevice(context, Objects.requireNonNull(gateway, "gateway"));
        hub.availability(reachable ? DeviceTopics.ONLINE : DeviceTopics.OFFLINE);
        List<DiscoveryMessage> messages = new ArrayList<>(changedConfigs(bridge, false));
        messages.addAll(changedConfigs(hub, false));
        availability(hub, false, messages);
        return messages;
    }

    /**
     * Sets one value of the bridge's health document, e.g. ({@code homeconnect},
     * {@code requests_remaining}, 812) or ({@code simplisafe}, {@code connected}, false), and
     * returns the document to publish.
     */
    public synchronized DiscoveryMessage updateBridgeHealth(String system, String field, JsonNode value) {
        sectionOf(system).set(Objects.requireNonNull(field, "field"), value);
        return bridgeHealth();
    }

    /** The bridge's current health document (retained), for a periodic publication. */
    public synchronized DiscoveryMessage bridgeHealth() {
        return DiscoveryMessage.retained(topics.bridgeHealth(), write(health));
    }

    private ObjectNode sectionOf(String system) {
        return BridgeDevice.section(health, system);
    }

    private List<DiscoveryMessage> changedConfigs(KnownDevice device, boolean force) {
        List<DiscoveryMessage> messages = new ArrayList<>();
        boolean changed = device.takeConfigChange();
        if (!changed && !force || excluded.contains(topics.identifier(device.system(), device.deviceId()))) {
            return messages;
        }
        Map<String, String> configs = payloads.configs(device);
        // An entity the device no longer has (component mode): its retained config is cleared, HA removes it.
        for (String gone : List.copyOf(device.publishedConfigs().keySet())) {
            if (!configs.containsKey(gone)) {
                device.publishedConfigs().remove(gone);
                messages.add(DiscoveryMessage.clear(gone));
            }
        }
        for (Map.Entry<String, String> config : configs.entrySet()) {
            String before = device.publishedConfigs().put(config.getKey(), config.getValue());
            if (force || !config.getValue().equals(before)) {
                messages.add(DiscoveryMessage.retained(config.getKey(), config.getValue()));
            }
        }
        return messages;
    }

    private void availability(KnownDevice device, boolean force, List<DiscoveryMessage> messages) {
        if (force || !device.availability().equals(device.publishedAvailability())) {
            device.publishedAvailability(device.availability());
            messages.add(DiscoveryMessage.retained(topics.availability(device.system(), device.deviceId()),
                    device.availability()));
        }
    }

    private void state(KnownDevice device, boolean force, List<DiscoveryMessage> messages) {
        if (device.state().isEmpty()) {
            return;
        }
        String state = write(device.state());
        if (force || !state.equals(device.publishedState())) {
            device.publishedState(state);
            messages.add(DiscoveryMessage.retained(topics.state(device.system(), device.deviceId()), state));
        }
    }

    private static String problemOf(String system, String deviceId, String type) {
        if (system == null || !USABLE_SYSTEM.matcher(system).matches()) {
            return "no usable system";
        }
        if (deviceId == null || deviceId.isBlank() || deviceId.length() > MAX_DEVICE_ID_LENGTH) {
            return "no usable deviceId";
        }
        if (type == null || !USABLE_TYPE.matcher(type).matches()) {
            return "no usable type";
        }
        return null;
    }

    private List<DiscoveryMessage> reject(String problem, String system, String deviceId, RuntimeException cause) {
        stats.rejected();
        LOG.warn("Skipped an event for Home Assistant discovery ({}): system={}, deviceId={}; {} events skipped so far",
                problem, printable(system), printable(deviceId), stats.rejectedEvents());
        if (cause != null) {
            LOG.debug("Why the event could not be mapped", cause);
        }
        return List.of();
    }

    /** Short and without control characters: a hostile id must not forge log lines. */
    private static String printable(String value) {
        if (value == null) {
            return "none";
        }
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return CONTROL.matcher(cut).replaceAll("?");
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON document: " + e.getOriginalMessage(), e);
        }
    }
}
