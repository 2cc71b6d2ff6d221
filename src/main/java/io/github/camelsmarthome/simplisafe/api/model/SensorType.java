package io.github.camelsmarthome.simplisafe.api.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kind of a SimpliSafe device: {@code type} in REST sensor objects, {@code sensorType} in
 * events (brief 5.2).
 *
 * <p>A value type with well-known constants instead of a Java enum, so that a code SimpliSafe adds
 * later (21 and 11 are seen in the wild without a name) is kept with its number rather than failing
 * the parse; {@link #isKnown()} tells the two apart and {@link #label()} is {@code unknown} for
 * them. The library sentinel 99 of simplipy is not a cloud code and is treated as any unknown code.
 *
 * @param code the number as upstream sends it
 */
public record SensorType(int code) {

    /** Remote, also the sensor type of system-level events (app, web). */
    public static final SensorType REMOTE = new SensorType(0);
    /** Keypad. */
    public static final SensorType KEYPAD = new SensorType(1);
    /** Key fob. */
    public static final SensorType KEYCHAIN = new SensorType(2);
    /** Panic button. */
    public static final SensorType PANIC_BUTTON = new SensorType(3);
    /** Motion sensor. */
    public static final SensorType MOTION = new SensorType(4);
    /** Door or window contact. */
    public static final SensorType ENTRY = new SensorType(5);
    /** Glass-break sensor. */
    public static final SensorType GLASS_BREAK = new SensorType(6);
    /** Carbon-monoxide detector. */
    public static final SensorType CARBON_MONOXIDE = new SensorType(7);
    /** Smoke detector. */
    public static final SensorType SMOKE = new SensorType(8);
    /** Water-leak sensor. */
    public static final SensorType LEAK = new SensorType(9);
    /** Freeze (temperature) sensor. */
    public static final SensorType TEMPERATURE = new SensorType(10);
    /** Indoor camera. */
    public static final SensorType CAMERA = new SensorType(12);
    /** Siren. */
    public static final SensorType SIREN = new SensorType(13);
    /** Combined smoke and carbon-monoxide detector. */
    public static final SensorType SMOKE_AND_CARBON_MONOXIDE = new SensorType(14);
    /** Video doorbell. */
    public static final SensorType DOORBELL = new SensorType(15);
    /** Smart lock. */
    public static final SensorType LOCK = new SensorType(16);
    /** Outdoor camera. */
    public static final SensorType OUTDOOR_CAMERA = new SensorType(17);
    /** Second-generation motion sensor. */
    public static final SensorType MOTION_V2 = new SensorType(20);
    /** Outdoor alarm security bell box. */
    public static final SensorType OUTDOOR_ALARM_SECURITY_BELL_BOX = new SensorType(22);
    /** The PIN pad that comes with each smart lock. */
    public static final SensorType LOCK_KEYPAD = new SensorType(253);

    private static final Map<SensorType, String> LABELS = Map.ofEntries(
            Map.entry(REMOTE, "remote"),
            Map.entry(KEYPAD, "keypad"),
            Map.entry(KEYCHAIN, "keychain"),
            Map.entry(PANIC_BUTTON, "panic_button"),
            Map.entry(MOTION, "motion"),
            Map.entry(ENTRY, "entry"),
            Map.entry(GLASS_BREAK, "glass_break"),
            Map.entry(CARBON_MONOXIDE, "carbon_monoxide"),
            Map.entry(SMOKE, "smoke"),
            Map.entry(LEAK, "leak"),
            Map.entry(TEMPERATURE, "temperature"),
            Map.entry(CAMERA, "camera"),
            Map.entry(SIREN, "siren"),
            Map.entry(SMOKE_AND_CARBON_MONOXIDE, "smoke_and_carbon_monoxide"),
            Map.entry(DOORBELL, "doorbell"),
            Map.entry(LOCK, "lock"),
            Map.entry(OUTDOOR_CAMERA, "outdoor_camera"),
            Map.entry(MOTION_V2, "motion_v2"),
            Map.entry(OUTDOOR_ALARM_SECURITY_BELL_BOX, "outdoor_alarm_security_bell_box"),
            Map.entry(LOCK_KEYPAD, "lock_keypad"));

    private static final Map<String, SensorType> BY_LABEL = LABELS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** Types whose {@code status.triggered} means "tripped" (brief 4.2, derived values). */
    private static final List<SensorType> TRIGGERED_BY_STATUS = List.of(
            MOTION, ENTRY, GLASS_BREAK, CARBON_MONOXIDE, SMOKE, LEAK, TEMPERATURE, MOTION_V2);

    /** The type of a code; unknown codes are kept as they are. */
    public static SensorType of(int code) {
        return new SensorType(code);
    }

    /** The type of a code, or {@code null} when upstream sent none. */
    public static SensorType ofNullable(Integer code) {
        return code == null ? null : of(code);
    }

    /** The type a {@link #label()} names, or {@code null} for {@code unknown} and labels this version does not know. */
    public static SensorType ofLabel(String label) {
        return label == null ? null : BY_LABEL.get(label);
    }

    /** Whether brief 5.2 names this code. */
    public boolean isKnown() {
        return LABELS.containsKey(this);
    }

    /** The simplipy name in lower case ({@code entry}, {@code smoke_and_carbon_monoxide}), {@code unknown} for other codes. */
    public String label() {
        return LABELS.getOrDefault(this, "unknown");
    }

    /** Whether {@code status.triggered} is this type's "tripped" flag; smoke/CO combos (14) use their own two flags. */
    public boolean reportsTriggeredStatus() {
        return TRIGGERED_BY_STATUS.contains(this);
    }

    /** Label and code, e.g. {@code entry(5)} or {@code unknown(21)}. */
    @Override
    public String toString() {
        return label() + "(" + code + ")";
    }
}
