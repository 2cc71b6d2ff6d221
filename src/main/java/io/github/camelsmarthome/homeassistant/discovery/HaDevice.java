package io.github.camelsmarthome.homeassistant.discovery;

import java.util.List;
import java.util.Objects;

/**
 * The {@code device} block of a discovery config (brief 2.5). Every entity of one device carries
 * the same identifiers, which is how Home Assistant groups them.
 *
 * @param identifiers  stable ids with a system prefix, e.g. {@code simplisafe_1234567}; at least one
 * @param name         the device name shown in HA
 * @param manufacturer e.g. {@code SimpliSafe}; {@code null} when unknown
 * @param model        human model name; {@code null} when unknown
 * @param modelId      vendor model code; {@code null} when unknown
 * @param serialNumber {@code null} when unknown
 * @param swVersion    firmware or software version; {@code null} when unknown
 * @param viaDevice    identifier of the parent (hub, gateway, bridge); {@code null} for the bridge
 *                     itself (HA 2026.9 rejects a device that is its own via device)
 */
public record HaDevice(List<String> identifiers, String name, String manufacturer, String model, String modelId,
        String serialNumber, String swVersion, String viaDevice) {

    /** Copies the identifiers and rejects a device that names itself as its parent. */
    public HaDevice {
        identifiers = List.copyOf(identifiers);
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a device needs at least one identifier");
        }
        Objects.requireNonNull(name, "name");
        if (viaDevice != null && identifiers.contains(viaDevice)) {
            throw new IllegalArgumentException("device " + identifiers.get(0) + " cannot be its own via device");
        }
    }

    /** A device with one identifier and a name; the other fields are set with the {@code with*} methods. */
    public static HaDevice of(String identifier, String name) {
        return new HaDevice(List.of(identifier), name, null, null, null, null, null, null);
    }

    /** This device with another name. */
    public HaDevice withName(String newName) {
        return new HaDevice(identifiers, newName, manufacturer, model, modelId, serialNumber, swVersion, viaDevice);
    }

    /** This device with a manufacturer, model and model id (each may be {@code null}). */
    public HaDevice withModel(String newManufacturer, String newModel, String newModelId) {
        return new HaDevice(identifiers, name, newManufacturer, newModel, newModelId, serialNumber, swVersion, viaDevice);
    }

    /** This device with a serial number. */
    public HaDevice withSerialNumber(String serial) {
        return new HaDevice(identifiers, name, manufacturer, model, modelId, serial, swVersion, viaDevice);
    }

    /** This device with a software version. */
    public HaDevice withSwVersion(String version) {
        return new HaDevice(identifiers, name, manufacturer, model, modelId, serialNumber, version, viaDevice);
    }

    /** This device attached to a parent device. */
    public HaDevice via(String parentIdentifier) {
        return new HaDevice(identifiers, name, manufacturer, model, modelId, serialNumber, swVersion, parentIdentifier);
    }

    /** The first identifier, the one children name in their {@code via_device}. */
    public String mainIdentifier() {
        return identifiers.get(0);
    }
}
