package io.github.camelsmarthome.event;

import java.util.Objects;
import java.util.Set;

/**
 * Every device one system has right now, as its component knows it from upstream: a list that is
 * <em>complete</em>, so that a device missing from it has been removed (and not merely not heard
 * from yet). Consumers such as Home Assistant discovery use it to clear what they keep for removed
 * devices.
 *
 * @param system    the {@link DeviceEvent#system()} of the devices
 * @param deviceIds the {@link DeviceEvent#deviceId()} of every device
 * @param gateways  the gateways the devices are reached through, as events name them (the
 *                  {@code gateway} field of miio events); empty for systems without any
 */
public record CompleteDeviceList(String system, Set<String> deviceIds, Set<String> gateways) {

    /** Copies the sets; every part is required. */
    public CompleteDeviceList {
        Objects.requireNonNull(system, "system");
        deviceIds = Set.copyOf(deviceIds);
        gateways = Set.copyOf(gateways);
    }
}
