package io.github.camelsmarthome.app;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelsmarthome.SmarthomeVersion;
import io.github.camelsmarthome.event.BridgeEvent;
import io.github.camelsmarthome.kafka.CloudEventMapper;

/**
 * What the bridge says about itself, bound as the bean {@code bridgeInfo} for the routes in
 * {@code routes/bridge.yaml}: a retained info document on MQTT and a {@code bridge.started}
 * CloudEvent on Kafka.
 */
public class BridgeInfo {

    private final String instance;
    private final Instant startedAt;
    private final Map<String, Boolean> systems;
    private final CloudEventMapper cloudEvents;

    /**
     * @param instance    the bundle instance name
     * @param clock       the clock that dates the start
     * @param systems     which systems are configured (their routes on), by system name
     * @param cloudEvents the CloudEvents mapper
     */
    public BridgeInfo(String instance, Clock clock, Map<String, Boolean> systems, CloudEventMapper cloudEvents) {
        this.instance = instance;
        this.startedAt = clock.instant();
        this.systems = Map.copyOf(systems);
        this.cloudEvents = cloudEvents;
    }

    /** The instance name, used as record key and CloudEvents subject. */
    public String instance() {
        return instance;
    }

    /** The retained {@code <base>/bridge/info} document. */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("instance", instance);
        info.put("version", SmarthomeVersion.get());
        info.put("started", startedAt.toString());
        info.put("systems", new java.util.TreeMap<>(systems));
        return info;
    }

    /** The {@code bridge.started} event as CloudEvents JSON. */
    public String startedCloudEvent() {
        return cloudEvents.toJson(new BridgeEvent(instance, "started", startedAt, SmarthomeVersion.get()), instance);
    }
}
