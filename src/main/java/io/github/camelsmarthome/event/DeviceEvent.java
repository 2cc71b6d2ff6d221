package io.github.camelsmarthome.event;

import java.time.Instant;

/**
 * The common contract of every consumer body in the bundle: one event from one device of one
 * system.
 *
 * <p>The Home Assistant and Kafka mappings depend only on this interface, never on a component's
 * internals, so that a fourth system can be added without touching them. Each component's event
 * class adds its own typed fields and keeps the raw upstream payload.
 */
public interface DeviceEvent {

    /** The system the event comes from: {@code homeconnect}, {@code simplisafe} or {@code miio}. */
    String system();

    /**
     * The device the event is about: a Home Connect haId, a SimpliSafe system id or sensor serial,
     * a miio sub-device id.
     */
    String deviceId();

    /** The event type as the system names it ({@code NOTIFY}, {@code alarm_triggered}, {@code click_ch0} ...). */
    String type();

    /** When the device or cloud says it happened; the receipt time when it says nothing. */
    Instant time();

    /** A stable id of this upstream event, the same across re-deliveries, for de-duplication. */
    String id();
}
