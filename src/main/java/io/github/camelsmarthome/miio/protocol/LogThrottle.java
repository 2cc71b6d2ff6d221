package io.github.camelsmarthome.miio.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets one kind of log line through at most once per interval and counts what it held back, so a
 * flood of hostile datagrams costs a line a minute instead of a line a packet. Thread-safe.
 */
final class LogThrottle {

    private final Clock clock;
    private final Duration interval;
    private Instant nextAllowed = Instant.MIN;
    private long suppressed;

    LogThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Whether a line may be written now.
     *
     * @return -1 when the line must be skipped, otherwise how many lines were skipped since the last one
     */
    synchronized long tryAcquire() {
        Instant now = clock.instant();
        if (now.isBefore(nextAllowed)) {
            suppressed++;
            return -1;
        }
        nextAllowed = now.plus(interval);
        long skipped = suppressed;
        suppressed = 0;
        return skipped;
    }

    /** The tail of a line that tells how many similar ones were held back, or nothing. */
    static String skippedNote(long skipped) {
        return skipped > 0 ? " (" + skipped + " similar lines skipped)" : "";
    }
}
