package io.github.camelsmarthome.miio.protocol;

import java.util.Objects;

/**
 * The device a scene's action talks to: the push server pretending to be a miIO device (brief 6.1).
 *
 * @param advertisedIp ACTION.{@code ip}: the push server's address as the gateway reaches it
 *     (log it: a wrong one fails silently, brief 11.1)
 * @param deviceId ACTION.{@code did}: the fake device id as unsigned decimal, normally {@value #DEFAULT_DEVICE_ID}
 * @param model ACTION.{@code model}, the prefix of every command, normally {@value SceneCommand#DEFAULT_TARGET_MODEL}
 */
public record PushTarget(String advertisedIp, String deviceId, String model) {

    /** python-miio's fake device id (brief 6.1). */
    public static final String DEFAULT_DEVICE_ID = "120009025";

    /** Requires every part; the device id must be an unsigned 32-bit decimal. */
    public PushTarget {
        Objects.requireNonNull(advertisedIp, "advertisedIp");
        Objects.requireNonNull(model, "model");
        if (deviceId == null || !deviceId.matches("[0-9]{1,10}") || Long.parseLong(deviceId) > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("the push server's device id must be an unsigned 32-bit decimal, not '"
                    + SceneCommand.printable(deviceId) + "'");
        }
    }

    /** The default identity (did {@value #DEFAULT_DEVICE_ID}, model {@value SceneCommand#DEFAULT_TARGET_MODEL}) at this address. */
    public static PushTarget at(String advertisedIp) {
        return new PushTarget(advertisedIp, DEFAULT_DEVICE_ID, SceneCommand.DEFAULT_TARGET_MODEL);
    }
}
