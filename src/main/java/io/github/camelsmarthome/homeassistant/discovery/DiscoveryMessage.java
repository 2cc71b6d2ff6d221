package io.github.camelsmarthome.homeassistant.discovery;

import java.util.Objects;

/**
 * One MQTT message the discovery core wants published. The core never publishes itself: routes
 * send these with the topic, retain flag and QoS given here.
 *
 * @param topic    the full topic
 * @param payload  the payload text; empty (never {@code null}) to clear a retained topic
 * @param retained whether the broker keeps it (configs, states, availability) or not (events)
 * @param qos      the MQTT QoS, 1 for everything the core produces
 */
public record DiscoveryMessage(String topic, String payload, boolean retained, int qos) {

    /** QoS of every message the core produces (brief 10.1: configs, states and events with QoS 1). */
    public static final int QOS = 1;

    /** Rejects a missing topic or payload: a removal is an empty payload, never {@code null}. */
    public DiscoveryMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /** A retained message with QoS 1: configs, states, availability. */
    public static DiscoveryMessage retained(String topic, String payload) {
        return new DiscoveryMessage(topic, payload, true, QOS);
    }

    /** A message that is not retained, QoS 1: momentary events HA must not replay. */
    public static DiscoveryMessage transientEvent(String topic, String payload) {
        return new DiscoveryMessage(topic, payload, false, QOS);
    }

    /** The empty retained message that deletes what the broker keeps on {@code topic} (brief 2.4). */
    public static DiscoveryMessage clear(String topic) {
        return new DiscoveryMessage(topic, "", true, QOS);
    }

    /** Whether this message clears a retained topic. */
    public boolean isRemoval() {
        return payload.isEmpty();
    }
}
