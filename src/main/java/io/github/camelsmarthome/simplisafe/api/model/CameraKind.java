package io.github.camelsmarthome.simplisafe.api.model;

/**
 * What a camera is, from its {@code model} (brief 4.6). {@link Camera#model()} keeps the model
 * string, so an {@link #UNKNOWN} camera is still identifiable.
 */
public enum CameraKind {
    /** SS001, SS003. */
    INDOOR,
    /** SS002. */
    DOORBELL,
    /** SSOBCM4 (battery). */
    OUTDOOR,
    /** Any other model. */
    UNKNOWN;

    /** The kind of a model string; {@link #UNKNOWN} for {@code null} and models this version does not know. */
    public static CameraKind ofModel(String model) {
        if (model == null) {
            return UNKNOWN;
        }
        return switch (model) {
            case "SS001", "SS003" -> INDOOR;
            case "SS002" -> DOORBELL;
            case "SSOBCM4" -> OUTDOOR;
            default -> UNKNOWN;
        };
    }
}
