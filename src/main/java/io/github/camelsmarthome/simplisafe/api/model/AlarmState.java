package io.github.camelsmarthome.simplisafe.api.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arming state of a system ({@code location.system.alarmState}, the {@code state} of an arm
 * response; brief 5.1), normalised as simplipy does: camelCase to snake case, then upper case, so
 * V2's {@code off} and a future {@code awayCount} read as {@code OFF} and {@code AWAY_COUNT}.
 *
 * <p>A value type with constants rather than an enum: upstream reports unknown values
 * transiently, and they must survive as they are ({@link #isKnown()} is {@code false}, the phase
 * {@link AlarmPhase#UNKNOWN}). {@code isAlarming} is not part of this value; it overrides it (see
 * {@link SystemStatus#phase()}).
 *
 * @param name the normalised name, e.g. {@code AWAY_COUNT}
 */
public record AlarmState(String name) {

    /** Disarmed. */
    public static final AlarmState OFF = new AlarmState("OFF");
    /** Armed home. */
    public static final AlarmState HOME = new AlarmState("HOME");
    /** Armed away. */
    public static final AlarmState AWAY = new AlarmState("AWAY");
    /** Arming home: exit delay running. */
    public static final AlarmState HOME_COUNT = new AlarmState("HOME_COUNT");
    /** Arming away: exit delay running (brief 11 P12). */
    public static final AlarmState AWAY_COUNT = new AlarmState("AWAY_COUNT");
    /** Alarm sounding. */
    public static final AlarmState ALARM = new AlarmState("ALARM");
    /** Entry delay running. */
    public static final AlarmState ALARM_COUNT = new AlarmState("ALARM_COUNT");
    /** Entry delay running. */
    public static final AlarmState ENTRY_DELAY = new AlarmState("ENTRY_DELAY");
    /** Exit delay running. */
    public static final AlarmState EXIT_DELAY = new AlarmState("EXIT_DELAY");
    /** The base station reports an error. */
    public static final AlarmState ERROR = new AlarmState("ERROR");
    /** Test mode; the panel counts as disarmed. */
    public static final AlarmState TEST = new AlarmState("TEST");

    private static final Map<AlarmState, AlarmPhase> PHASES = Map.ofEntries(
            Map.entry(OFF, AlarmPhase.DISARMED),
            Map.entry(TEST, AlarmPhase.DISARMED),
            Map.entry(HOME, AlarmPhase.ARMED_HOME),
            Map.entry(AWAY, AlarmPhase.ARMED_AWAY),
            Map.entry(HOME_COUNT, AlarmPhase.ARMING),
            Map.entry(AWAY_COUNT, AlarmPhase.ARMING),
            Map.entry(EXIT_DELAY, AlarmPhase.ARMING),
            Map.entry(ALARM_COUNT, AlarmPhase.PENDING),
            Map.entry(ENTRY_DELAY, AlarmPhase.PENDING),
            Map.entry(ALARM, AlarmPhase.TRIGGERED),
            Map.entry(ERROR, AlarmPhase.UNKNOWN));

    private static final Map<String, AlarmState> KNOWN = List.copyOf(PHASES.keySet()).stream()
            .collect(Collectors.toUnmodifiableMap(AlarmState::name, Function.identity()));

    /** Rejects a missing or blank name. */
    public AlarmState {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an alarm state needs a name");
        }
    }

    /** The state upstream text stands for, normalised; {@code null} for missing or blank text. */
    public static AlarmState of(String upstream) {
        if (upstream == null || upstream.isBlank()) {
            return null;
        }
        // trim() also strips control characters, which isBlank() does not count: "\u0000" ends up empty.
        String normalised = normalise(upstream.trim());
        if (normalised.isBlank()) {
            return null;
        }
        AlarmState known = KNOWN.get(normalised);
        return known != null ? known : new AlarmState(normalised);
    }

    /** Whether brief 5.1 lists this state. */
    public boolean isKnown() {
        return KNOWN.containsKey(name);
    }

    /** The panel phase of this state alone (without {@code isAlarming}). */
    public AlarmPhase phase() {
        return PHASES.getOrDefault(this, AlarmPhase.UNKNOWN);
    }

    /** The normalised name. */
    @Override
    public String toString() {
        return name;
    }

    /** {@code awayCount} → {@code AWAY_COUNT}, {@code off} → {@code OFF}; already normalised names stay. */
    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(text.charAt(i - 1)) || Character.isDigit(text.charAt(i - 1)))) {
                out.append('_');
            }
            out.append(c == '-' || c == ' ' ? '_' : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
