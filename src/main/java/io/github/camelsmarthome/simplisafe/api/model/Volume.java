package io.github.camelsmarthome.simplisafe.api.model;

/**
 * A volume setting of a V3 system (alarm, door chime, voice prompts; brief 5.4): 0 off, 1 low,
 * 2 medium, 3 high. Other levels are kept as sent, with {@link #label()} {@code unknown}.
 *
 * @param level the number as upstream sends it
 */
public record Volume(int level) {

    /** Silent. */
    public static final Volume OFF = new Volume(0);
    /** Low. */
    public static final Volume LOW = new Volume(1);
    /** Medium. */
    public static final Volume MEDIUM = new Volume(2);
    /** High. */
    public static final Volume HIGH = new Volume(3);

    /** The volume of a level, or {@code null} when upstream sent none. */
    public static Volume ofNullable(Integer level) {
        return level == null ? null : new Volume(level);
    }

    /** Whether the level is one of 0..3. */
    public boolean isKnown() {
        return level >= OFF.level && level <= HIGH.level;
    }

    /** {@code off}, {@code low}, {@code medium}, {@code high} or {@code unknown}. */
    public String label() {
        return switch (level) {
            case 0 -> "off";
            case 1 -> "low";
            case 2 -> "medium";
            case 3 -> "high";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return label() + "(" + level + ")";
    }
}
