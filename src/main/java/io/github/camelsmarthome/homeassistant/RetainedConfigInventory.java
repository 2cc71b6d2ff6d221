package io.github.camelsmarthome.homeassistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's bean {@code haHousekeeping}: the retained discovery configs the broker keeps for
 * this instance (collected by the route {@code homeassistant-config-inventory} from the copies the
 * broker replays on subscribing), and the periodic round of {@code homeassistant-housekeeping}:
 * the bridge's health document, and the migration of configs that a known device has in the other
 * discovery mode ({@code HA_DISCOVERY_MODE} changed). Configs of devices not seen since the start
 * are kept, never cleared: a device that has not reported yet is not a removed one.
 */
public final class RetainedConfigInventory {

    /** Most configs remembered: a hostile broker cannot fill the memory. */
    static final int MAX_TOPICS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RetainedConfigInventory.class);

    private final HomeAssistantDiscovery discovery;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder migrated = new LongAdder();

    /** An inventory for {@code discovery}'s own config topics. */
    public RetainedConfigInventory(HomeAssistantDiscovery discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    /**
     * Notes one message of the inventory subscription: a retained, non-empty config of this
     * instance is remembered, an empty one (already cleared) forgotten; live copies (our own
     * publications coming back) and topics of other instances are ignored.
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
        } else if (HomeAssistantPublisher.retained(exchange)) {
            if (pending.size() < MAX_TOPICS) {
                pending.add(topic);
            } else {
                ignored.increment();
                LOG.warn("More than {} retained discovery configs under this instance's node id: ignored {}; {} ignored so far",
                        MAX_TOPICS, topic.replaceAll("\\p{Cntrl}", "?"), ignored.sum());
            }
        }
    }

    /** Retained configs seen that no known device has accounted for yet. */
    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    /** Configs migrated to the current discovery mode so far. */
    public long migrated() {
        return migrated.sum();
    }

    /**
     * One housekeeping round: the configs to migrate (a known device's configs in the other mode:
     * {@code migrate_discovery}, the current config, the old topic cleared), then the bridge's
     * health document. Topics the known devices account for leave the inventory.
     */
    public List<DiscoveryMessage> housekeeping() {
        List<DiscoveryMessage> messages = new ArrayList<>();
        if (!pending.isEmpty()) {
            pending.removeAll(discovery.configTopics());
            List<DiscoveryMessage> migration = discovery.migrateKnownDevices(List.copyOf(pending));
            for (DiscoveryMessage message : migration) {
                if (message.payload().isEmpty() && pending.remove(message.topic())) {
                    migrated.increment();
                }
            }
            if (!migration.isEmpty()) {
                LOG.info("Migrated the discovery configs of known devices to the current mode; {} migrated so far, "
                         + "{} retained configs of devices not seen since the start kept", migrated.sum(), pending.size());
            }
            messages.addAll(migration);
        }
        messages.add(discovery.bridgeHealth());
        return messages;
    }
}
