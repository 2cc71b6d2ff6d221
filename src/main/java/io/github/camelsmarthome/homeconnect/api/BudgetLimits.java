package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers a {@link RequestBudget} enforces. {@link #HOME_CONNECT} holds the limits Home Connect
 * documents per client id and user account (developer brief, section 7); other values are for
 * tests and for fake servers with scaled-down limits.
 *
 * <h2>Reserve for higher priorities</h2>
 * A {@link RequestPriority#HIGH} request may use the whole daily and per-minute budget. A
 * {@link RequestPriority#NORMAL} one is refused once {@code normalPriorityShare} of either window
 * is used, a {@link RequestPriority#LOW} one once {@code lowPriorityShare} is used. With the
 * defaults (0.9 and 0.7) resync stops at 900 requests a day or 45 a minute, optional reads at 700
 * a day or 35 a minute, so at least 100 daily requests and 5 per minute are always left for user
 * commands, and 300 daily and 15 per minute are kept from optional reads. The per-second burst
 * and the program start/stop limits have no reserve: they refill within a second or a minute.
 *
 * <h2>Successive errors</h2>
 * The service locks the account for 10 minutes after 10 successive error answers within 10
 * minutes. The budget stops before that: after {@code successiveErrorsPause} successive errors
 * (5) it refuses NORMAL and LOW requests for {@code errorPauseDuration} (5 minutes), leaving only
 * HIGH ones; at {@code successiveErrorsLock} (10) it refuses everything for
 * {@code errorLockDuration}, as the service will. Any success ends the streak and the pause.
 *
 * @param requestsPerDay        requests in a rolling 24 h window (1000)
 * @param requestsPerMinute     requests in a rolling minute (50)
 * @param requestsPerSecond     average requests per second, the refill rate of the burst bucket (10)
 * @param burst                 the burst bucket's size (20)
 * @param programStartsPerMinute program starts in a rolling minute (5)
 * @param programStopsPerMinute program stops in a rolling minute (5)
 * @param successiveErrorsLock  successive error answers that lock the account (10)
 * @param errorWindow           the window those errors must fall in (10 minutes)
 * @param errorLockDuration     how long the lock lasts (10 minutes)
 * @param successiveErrorsPause successive errors after which non-essential requests pause (5)
 * @param errorPauseDuration    how long that pause lasts (5 minutes)
 * @param eventChannels         event-monitoring channels open at once (10)
 * @param tokenRequestsPerMinute token-endpoint calls in a rolling minute (10)
 * @param normalPriorityShare   share of the daily and per-minute budget NORMAL requests may use (0.9)
 * @param lowPriorityShare      share LOW requests may use (0.7)
 */
public record BudgetLimits(
        int requestsPerDay,
        int requestsPerMinute,
        int requestsPerSecond,
        int burst,
        int programStartsPerMinute,
        int programStopsPerMinute,
        int successiveErrorsLock,
        Duration errorWindow,
        Duration errorLockDuration,
        int successiveErrorsPause,
        Duration errorPauseDuration,
        int eventChannels,
        int tokenRequestsPerMinute,
        double normalPriorityShare,
        double lowPriorityShare) {

    /** The limits Home Connect documents, with the reserve and early pause described above. */
    public static final BudgetLimits HOME_CONNECT = new BudgetLimits(1000, 50, 10, 20, 5, 5,
            10, Duration.ofMinutes(10), Duration.ofMinutes(10), 5, Duration.ofMinutes(5), 10, 10, 0.9, 0.7);

    /** Validates the numbers: all positive, the pause before the lock, LOW never above NORMAL. */
    public BudgetLimits {
        requirePositive(requestsPerDay, "requestsPerDay");
        requirePositive(requestsPerMinute, "requestsPerMinute");
        requirePositive(requestsPerSecond, "requestsPerSecond");
        requirePositive(burst, "burst");
        requirePositive(programStartsPerMinute, "programStartsPerMinute");
        requirePositive(programStopsPerMinute, "programStopsPerMinute");
        requirePositive(successiveErrorsLock, "successiveErrorsLock");
        requirePositive(successiveErrorsPause, "successiveErrorsPause");
        requirePositive(eventChannels, "eventChannels");
        requirePositive(tokenRequestsPerMinute, "tokenRequestsPerMinute");
        requirePositive(errorWindow, "errorWindow");
        requirePositive(errorLockDuration, "errorLockDuration");
        requirePositive(errorPauseDuration, "errorPauseDuration");
        if (successiveErrorsPause > successiveErrorsLock) {
            throw new IllegalArgumentException("successiveErrorsPause must not exceed successiveErrorsLock");
        }
        if (!(lowPriorityShare > 0 && lowPriorityShare <= normalPriorityShare && normalPriorityShare <= 1)) {
            throw new IllegalArgumentException("need 0 < lowPriorityShare <= normalPriorityShare <= 1");
        }
    }

    /** How many requests of a window with {@code limit} requests the given priority may use; at least 1. */
    int ceilingFor(RequestPriority priority, int limit) {
        double share = switch (priority) {
            case HIGH -> 1.0;
            case NORMAL -> normalPriorityShare;
            case LOW -> lowPriorityShare;
        };
        return Math.max(1, (int) Math.floor(limit * share));
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
