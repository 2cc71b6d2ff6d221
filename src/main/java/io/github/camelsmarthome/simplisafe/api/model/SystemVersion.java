package io.github.camelsmarthome.simplisafe.api.model;

/**
 * The generation of a SimpliSafe system ({@code location.system.version}): 2 is the legacy
 * SimpliSafe 2 with its own REST paths, 3 the current one (brief 1, 4). Any other number is kept.
 *
 * @param number the version as upstream sends it
 */
public record SystemVersion(int number) {

    /** Legacy SimpliSafe 2: arm with {@code subscriptions/{sid}/state}, settings with {@code cached=true} only. */
    public static final SystemVersion V2 = new SystemVersion(2);
    /** SimpliSafe 3: the {@code ss3/...} paths. */
    public static final SystemVersion V3 = new SystemVersion(3);

    /** The version of a number, or {@code null} when upstream sent none. */
    public static SystemVersion ofNullable(Integer number) {
        return number == null ? null : new SystemVersion(number);
    }

    /** Whether this is V2 or V3. */
    public boolean isKnown() {
        return number == 2 || number == 3;
    }

    @Override
    public String toString() {
        return "V" + number;
    }
}
