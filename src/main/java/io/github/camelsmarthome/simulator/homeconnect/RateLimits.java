package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;
import java.util.Objects;

/**
 * The quotas the cloud enforces per app (brief section 7), each one configurable so tests can
 * reach a limit in seconds: {@code RateLimits.standard().scaledDown(60)} turns "50 calls in
 * 1 minute" into "50 calls in 1 second" and "1000 calls in 1 day" into "1000 calls in 24 minutes".
 *
 * @param daily             all API calls per day; exceeding blocks until the window ends
 * @param perMinute         all API calls per minute; exceeding blocks for its block time
 * @param perSecond         average calls per second (token-bucket refill rate)
 * @param burst             token-bucket size
 * @param programStarts     program starts; exceeding blocks only starts
 * @param programStops      program stops; exceeding blocks only stops
 * @param successiveErrors  error answers in a row within the window; exceeding blocks everything
 * @param eventChannels     event streams open at once
 * @param channelLinger     how long a closed stream still counts as open (after a crash the cloud
 *                          keeps counting old channels for a while, brief section 8.7)
 * @param tokenRequests     token-endpoint calls (homebridge: about 10 a minute)
 */
public record RateLimits(
        Quota daily, Quota perMinute, int perSecond, int burst, Quota programStarts, Quota programStops,
        Quota successiveErrors, int eventChannels, Duration channelLinger, Quota tokenRequests) {

    /**
     * One counted limit.
     *
     * @param calls  how many are allowed within the window
     * @param window the counting window
     * @param block  how long callers are refused once it is exceeded; {@code null} = until the window ends
     * @param noun   what is counted, for the 429 description ({@code calls}, {@code program starts} …)
     */
    public record Quota(int calls, Duration window, Duration block, String noun) {

        /** Compact constructor: validates. */
        public Quota {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(noun, "noun");
            if (calls < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("A quota needs at least one call and a positive window");
            }
        }

        /** The limit as the cloud names it in a 429 description: {@code 50 calls in 1 minute}. */
        public String label() {
            return calls + " " + noun + " in " + describe(window);
        }

        Quota scaledDown(double factor) {
            return new Quota(calls, divide(window, factor), block == null ? null : divide(block, factor), noun);
        }

        static Quota unlimited(String noun) {
            return new Quota(Integer.MAX_VALUE, Duration.ofDays(1), null, noun);
        }
    }

    /** Compact constructor: validates. */
    public RateLimits {
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(perMinute, "perMinute");
        Objects.requireNonNull(programStarts, "programStarts");
        Objects.requireNonNull(programStops, "programStops");
        Objects.requireNonNull(successiveErrors, "successiveErrors");
        Objects.requireNonNull(channelLinger, "channelLinger");
        Objects.requireNonNull(tokenRequests, "tokenRequests");
        if (perSecond < 1 || burst < 1 || eventChannels < 1) {
            throw new IllegalArgumentException("perSecond, burst and eventChannels must be at least 1");
        }
    }

    /** The documented limits of the production cloud. */
    public static RateLimits standard() {
        Duration minute = Duration.ofMinutes(1);
        return new RateLimits(
                new Quota(1000, Duration.ofDays(1), null, "calls"),
                new Quota(50, minute, minute, "calls"),
                10, 20,
                new Quota(5, minute, minute, "program starts"),
                new Quota(5, minute, minute, "program stops"),
                new Quota(10, Duration.ofMinutes(10), Duration.ofMinutes(10), "successive error calls"),
                10, Duration.ZERO,
                new Quota(10, minute, minute, "token requests"));
    }

    /** No limit is ever reached; for tests and demos that are not about quotas. */
    public static RateLimits unlimited() {
        return new RateLimits(Quota.unlimited("calls"), Quota.unlimited("calls"), Integer.MAX_VALUE, Integer.MAX_VALUE,
                Quota.unlimited("program starts"), Quota.unlimited("program stops"),
                Quota.unlimited("successive error calls"), Integer.MAX_VALUE, Duration.ZERO, Quota.unlimited("token requests"));
    }

    /** Every window and block divided by {@code factor}; counts stay, so limits are reached as often but sooner. */
    public RateLimits scaledDown(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive");
        }
        return new RateLimits(daily.scaledDown(factor), perMinute.scaledDown(factor),
                (int) Math.min(Integer.MAX_VALUE, Math.round(perSecond * factor)), burst,
                programStarts.scaledDown(factor), programStops.scaledDown(factor), successiveErrors.scaledDown(factor),
                eventChannels, divide(channelLinger, factor), tokenRequests.scaledDown(factor));
    }

    /** A copy with another daily quota. */
    public RateLimits withDaily(Quota quota) {
        return new RateLimits(quota, perMinute, perSecond, burst, programStarts, programStops, successiveErrors,
                eventChannels, channelLinger, tokenRequests);
    }

    /** A copy with another per-minute quota. */
    public RateLimits withPerMinute(Quota quota) {
        return new RateLimits(daily, quota, perSecond, burst, programStarts, programStops, successiveErrors,
                eventChannels, channelLinger, tokenRequests);
    }

    /** A copy with another token bucket. */
    public RateLimits withPerSecond(int rate, int bucket) {
        return new RateLimits(daily, perMinute, rate, bucket, programStarts, programStops, successiveErrors,
                eventChannels, channelLinger, tokenRequests);
    }

    /** A copy with other program start and stop quotas. */
    public RateLimits withProgramQuotas(Quota starts, Quota stops) {
        return new RateLimits(daily, perMinute, perSecond, burst, starts, stops, successiveErrors,
                eventChannels, channelLinger, tokenRequests);
    }

    /** A copy with another successive-errors quota. */
    public RateLimits withSuccessiveErrors(Quota quota) {
        return new RateLimits(daily, perMinute, perSecond, burst, programStarts, programStops, quota,
                eventChannels, channelLinger, tokenRequests);
    }

    /** A copy with another channel limit and linger time. */
    public RateLimits withEventChannels(int channels, Duration linger) {
        return new RateLimits(daily, perMinute, perSecond, burst, programStarts, programStops, successiveErrors,
                channels, linger, tokenRequests);
    }

    /** A copy with another token-endpoint quota. */
    public RateLimits withTokenRequests(Quota quota) {
        return new RateLimits(daily, perMinute, perSecond, burst, programStarts, programStops, successiveErrors,
                eventChannels, channelLinger, quota);
    }

    private static Duration divide(Duration duration, double factor) {
        return Duration.ofNanos(Math.max(1, Math.round(duration.toNanos() / factor)));
    }

    static String describe(Duration window) {
        long millis = window.toMillis();
        if (millis % 86_400_000L == 0) {
            return plural(millis / 86_400_000L, "day");
        }
        if (millis % 3_600_000L == 0) {
            return plural(millis / 3_600_000L, "hour");
        }
        if (millis % 60_000L == 0) {
            return plural(millis / 60_000L, "minute");
        }
        if (millis % 1000L == 0) {
            return plural(millis / 1000L, "second");
        }
        return plural(millis, "millisecond");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
