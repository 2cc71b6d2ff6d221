package io.github.camelsmarthome.homeassistant.discovery;

import java.util.List;
import java.util.Optional;

/**
 * What the commands coming back from Home Assistant need to know about the devices the discovery
 * core has seen: the full Home Connect program key behind a short name, a setting entity's range,
 * the SimpliSafe system of a lock. Reads under the core's lock, so a lookup never sees a device
 * half-updated by an event.
 */
public final class CommandFacts {

    private final HomeAssistantDiscovery discovery;

    CommandFacts(HomeAssistantDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * The SimpliSafe system of a sensor or lock, as its events named it; empty when the device is
     * unknown or said nothing about it.
     *
     * @param topicDeviceId the device id as it appears in its command topic
     */
    public Optional<String> simplisafeSystemOf(String topicDeviceId) {
        synchronized (discovery) {
            return discovery.devicesOf(SimplisafeMapping.SYSTEM).stream()
                    .filter(device -> DeviceTopics.segment(device.deviceId()).equals(topicDeviceId))
                    .findFirst().flatMap(device -> device.fact(SimplisafeMapping.SYSTEM_ID).stream().findFirst());
        }
    }

    /**
     * The full Home Connect program key for what a select sent back: a short name HA shows
     * ({@code Cotton}) among the programs this appliance reported, or a full key it reported.
     * Empty when the appliance or the program is unknown.
     *
     * @param topicDeviceId the appliance id as it appears in its command topic
     */
    public Optional<String> homeConnectProgramKey(String topicDeviceId, String program) {
        synchronized (discovery) {
            return homeConnectFact(topicDeviceId, HomeConnectMapping.PROGRAM_KEYS).stream()
                    .filter(key -> key.equals(program) || HomeConnectMapping.lastSegment(key).equals(program))
                    .findFirst();
        }
    }

    /** The full key of the program the appliance last reported as selected; empty when none is known. */
    public Optional<String> homeConnectSelectedProgramKey(String topicDeviceId) {
        synchronized (discovery) {
            return homeConnectFact(topicDeviceId, HomeConnectMapping.SELECTED_PROGRAM_KEY).stream().findFirst();
        }
    }

    /**
     * The setting entity {@code entity} of a Home Connect appliance (a switch or number of
     * docs/home-assistant.md), with what a command to it may write; empty when the appliance is
     * unknown or has no such entity.
     */
    public Optional<HomeConnectSetting> homeConnectSetting(String topicDeviceId, String entity) {
        synchronized (discovery) {
            return homeConnectAppliance(topicDeviceId).flatMap(device -> HomeConnectEntities.setting(device, entity));
        }
    }

    /** The setting entities of a Home Connect appliance, by entity key, for an error message. */
    public List<String> homeConnectSettings(String topicDeviceId) {
        synchronized (discovery) {
            return homeConnectAppliance(topicDeviceId).map(device -> List.copyOf(HomeConnectEntities.settingsOf(device).keySet()))
                    .orElse(List.of());
        }
    }

    private Optional<KnownDevice> homeConnectAppliance(String topicDeviceId) {
        return discovery.devicesOf(HomeConnectMapping.SYSTEM).stream()
                .filter(device -> DeviceTopics.segment(device.deviceId()).equals(topicDeviceId))
                .findFirst();
    }

    /** The programs an appliance reported, by short name, for an error message. */
    public List<String> homeConnectPrograms(String topicDeviceId) {
        synchronized (discovery) {
            return homeConnectFact(topicDeviceId, HomeConnectMapping.PROGRAM_KEYS).stream()
                    .map(HomeConnectMapping::lastSegment).toList();
        }
    }

    /** Topic segments are reduced ids: the device is found by its reduced id, as the topic names it. */
    private List<String> homeConnectFact(String topicDeviceId, String fact) {
        return homeConnectAppliance(topicDeviceId).map(device -> List.copyOf(device.fact(fact))).orElse(List.of());
    }
}
