package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the discovery core knows about one device: its device block, its entities, its current
 * state (merged over every event so far) and availability, and what was last published, so that
 * only changes are published again. Not thread-safe: {@link HomeAssistantDiscovery} guards it.
 */
final class KnownDevice {

    /** How many recent event messages per device are remembered to drop re-deliveries. */
    static final int RECENT_EVENTS = 64;

    private final String system;
    private final String deviceId;
    private HaDevice device;
    private String parentAvailabilityTopic;
    private final Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    private final ObjectNode state = JsonNodeFactory.instance.objectNode();
    private final Map<String, Set<String>> facts = new LinkedHashMap<>();
    /** Counts every change of any fact; entities derived from facts remember the count they saw. */
    private long factChanges;
    private long factChangesAtEntities = -1;
    private String availability = DeviceTopics.ONLINE;
    private final Map<String, String> publishedConfigs = new LinkedHashMap<>();
    private String publishedState;
    private String publishedAvailability;
    private boolean configChanged = true;
    private final Set<String> recentEvents = new LinkedHashSet<>();

    KnownDevice(String system, String deviceId, HaDevice device) {
        this.system = Objects.requireNonNull(system, "system");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.device = Objects.requireNonNull(device, "device");
    }

    String system() {
        return system;
    }

    String deviceId() {
        return deviceId;
    }

    HaDevice device() {
        return device;
    }

    void device(HaDevice value) {
        configChanged |= !Objects.requireNonNull(value, "device").equals(device);
        device = value;
    }

    /** The availability topic of the parent (SimpliSafe system, miio gateway), {@code null} for top-level devices. */
    String parentAvailabilityTopic() {
        return parentAvailabilityTopic;
    }

    void parentAvailabilityTopic(String topic) {
        configChanged |= !Objects.equals(topic, parentAvailabilityTopic);
        parentAvailabilityTopic = topic;
    }

    /** Adds or replaces an entity; a changed definition makes the next publication carry a config update. */
    void entity(EntityDefinition definition) {
        configChanged |= !definition.equals(entities.put(definition.key(), definition));
    }

    /**
     * Replaces every entity with {@code definitions} (in their order): entities missing from it
     * are gone, and a difference makes the next publication carry a config update.
     */
    void entities(List<EntityDefinition> definitions) {
        factChangesAtEntities = factChanges;
        Map<String, EntityDefinition> next = new LinkedHashMap<>();
        definitions.forEach(definition -> next.put(definition.key(), definition));
        configChanged |= !List.copyOf(next.values()).equals(List.copyOf(entities.values()));
        entities.clear();
        entities.putAll(next);
    }

    /**
     * Whether the device block or an entity changed since the last call, and clears the flag: writing
     * the configs of a device with dozens of triggers on every event would cost more than the event.
     */
    boolean takeConfigChange() {
        boolean changed = configChanged;
        configChanged = false;
        return changed;
    }

    /**
     * Whether no fact changed since the entity set was last replaced with {@link #entities(List)}:
     * an entity set derived from the facts alone is then still the one they give.
     */
    boolean entitiesReflectFacts() {
        return factChangesAtEntities == factChanges;
    }

    boolean hasEntities() {
        return !entities.isEmpty();
    }

    boolean hasEntity(String key) {
        return entities.containsKey(key);
    }

    Collection<EntityDefinition> entities() {
        return List.copyOf(entities.values());
    }

    /** The device's current state; mappings write into it. */
    ObjectNode state() {
        return state;
    }

    /** A named set the mapping remembers (event types seen, programs seen ...), created empty on first use. */
    Set<String> fact(String name) {
        return facts.computeIfAbsent(name, n -> new FactSet());
    }

    /**
     * Remembers an event message; false when the same one was sent lately, so a re-delivered
     * upstream event does not fire HA's event entity and triggers twice (brief 4.4).
     */
    boolean firstDelivery(String eventKey) {
        if (!recentEvents.add(eventKey)) {
            return false;
        }
        if (recentEvents.size() > RECENT_EVENTS) {
            recentEvents.remove(recentEvents.iterator().next());
        }
        return true;
    }

    String availability() {
        return availability;
    }

    void availability(String value) {
        availability = value;
    }

    Map<String, String> publishedConfigs() {
        return publishedConfigs;
    }

    String publishedState() {
        return publishedState;
    }

    void publishedState(String value) {
        publishedState = value;
    }

    String publishedAvailability() {
        return publishedAvailability;
    }

    void publishedAvailability(String value) {
        publishedAvailability = value;
    }

    /** An insertion-ordered set that counts its changes in {@link #factChanges}; adding a known value is none. */
    private final class FactSet extends AbstractSet<String> {

        private final Set<String> values = new LinkedHashSet<>();

        @Override
        public boolean add(String value) {
            return changed(values.add(value));
        }

        @Override
        public boolean remove(Object value) {
            return changed(values.remove(value));
        }

        @Override
        public void clear() {
            changed(!values.isEmpty());
            values.clear();
        }

        @Override
        public boolean contains(Object value) {
            return values.contains(value);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Iterator<String> iterator() {
            Iterator<String> iterator = values.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public String next() {
                    return iterator.next();
                }

                @Override
                public void remove() {
                    iterator.remove();
                    changed(true);
                }
            };
        }

        private boolean changed(boolean changed) {
            if (changed) {
                factChanges++;
            }
            return changed;
        }
    }
}
