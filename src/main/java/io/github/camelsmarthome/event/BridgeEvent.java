package io.github.camelsmarthome.event;

import java.time.Instant;

/**
 * A lifecycle event of the bridge itself, published so that consumers of the event log know
 * when the bridge (re)started: events of the three systems may be missing between its last
 * event before and this one.
 *
 * @param instance the bundle instance (host name unless configured)
 * @param type     {@code started}
 * @param time     when it happened
 * @param version  the bundle version
 */
public record BridgeEvent(String instance, String type, Instant time, String version) implements DeviceEvent {

    /** The {@code system()} of bridge events. */
    public static final String SYSTEM = "bridge";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public String deviceId() {
        return instance;
    }

    @Override
    public String id() {
        return instance + ":" + type + ":" + time.toEpochMilli();
    }
}
