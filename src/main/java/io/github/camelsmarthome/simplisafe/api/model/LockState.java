package io.github.camelsmarthome.simplisafe.api.model;

/**
 * The state of a smart lock, normalised (brief 5.3). The numbers are simplipy's normalised codes,
 * <b>not</b> the raw {@code status.lockState} of the sensors endpoint, where 1 is locked and 2 is
 * unlocked; {@link #fromRaw} does that translation and {@link Lock#rawLockState()} keeps the raw
 * number, so a raw value this version does not know ({@code 42} in the fixtures) is never lost.
 */
public enum LockState {
    /** Unlocked (raw 2). */
    UNLOCKED(0),
    /** Locked (raw 1). */
    LOCKED(1),
    /** Jammed: {@code status.lockJamState} is non-zero, whatever {@code lockState} says. */
    JAMMED(2),
    /** Any other raw value, or none. */
    UNKNOWN(99);

    /** Raw {@code status.lockState} of a locked lock. */
    public static final int RAW_LOCKED = 1;
    /** Raw {@code status.lockState} of an unlocked lock. */
    public static final int RAW_UNLOCKED = 2;

    private final int code;

    LockState(int code) {
        this.code = code;
    }

    /** simplipy's normalised number: 0 unlocked, 1 locked, 2 jammed, 99 unknown. */
    public int code() {
        return code;
    }

    /**
     * The state of a lock from its raw status.
     *
     * @param rawLockState {@code status.lockState}, {@code null} when absent
     * @param lockJamState {@code status.lockJamState}, {@code null} when absent; non-zero means jammed
     */
    public static LockState fromRaw(Integer rawLockState, Integer lockJamState) {
        if (lockJamState != null && lockJamState != 0) {
            return JAMMED;
        }
        if (rawLockState == null) {
            return UNKNOWN;
        }
        return switch (rawLockState) {
            case RAW_LOCKED -> LOCKED;
            case RAW_UNLOCKED -> UNLOCKED;
            default -> UNKNOWN;
        };
    }
}
