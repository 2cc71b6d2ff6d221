package io.github.camelsmarthome.simulator.miio;

import java.util.Objects;

/**
 * A Zigbee sub-device paired with the fake gateway.
 *
 * @param sid   its id, e.g. {@code lumi.158d0001a2b3c4}
 * @param model its Zigbee model, e.g. {@code lumi.sensor_switch.aq2}
 */
public record SubDevice(String sid, String model) {

    /** A sub-device; both values are required. */
    public SubDevice {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(model, "model");
    }
}
