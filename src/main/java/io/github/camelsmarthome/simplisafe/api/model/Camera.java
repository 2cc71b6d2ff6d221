package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A camera of a V3 system, from {@code location.system.cameras[]} (brief 4.6).
 *
 * <p>Events name a camera by its short {@link #serial()} ({@code sensorSerial}), media links by its
 * {@link #uuid()} (brief 11 P11); this record is where the two meet.
 *
 * @param uuid 32 hex characters, the key of media URLs ({@code videoStartedBy})
 * @param serial the short id events carry, {@code null} when absent (the fixtures have none)
 * @param model e.g. {@code SS001}
 * @param kind what the model is
 * @param name {@code cameraSettings.cameraName}, else the uuid
 * @param status e.g. {@code online}
 * @param raw the camera object as sent; treat as read-only
 */
public record Camera(String uuid, String serial, String model, CameraKind kind, String name, String status, JsonNode raw) {

    /** Whether the camera is the one an event's {@code sensorSerial} or {@code videoStartedBy} names. */
    public boolean isNamedBy(String serialOrUuid) {
        return serialOrUuid != null && (serialOrUuid.equals(serial) || serialOrUuid.equalsIgnoreCase(uuid));
    }

    /** Without {@code raw}. */
    @Override
    public String toString() {
        return "Camera[" + name + ", " + model + ", uuid " + uuid + (serial == null ? "" : ", serial " + serial) + "]";
    }
}
