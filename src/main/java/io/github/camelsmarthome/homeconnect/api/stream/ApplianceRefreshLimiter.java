package io.github.camelsmarthome.homeconnect.api.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} re-reads of one appliance per window (brief 8.7 rule 6, Home Assistant's
 * {@code refreshed_too_often_recently}): flaky Wi-Fi produces CONNECTED/DISCONNECTED storms, and a
 * flapping stream produces reconnects, and either would otherwise burn the daily budget.
 *
 * <p>Not thread-safe: used on the stream's event loop only.
 */
final class ApplianceRefreshLimiter {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> refreshes = new HashMap<>();
    private final Map<String, Instant> reportedUntil = new HashMap<>();

    ApplianceRefreshLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts a re-read of {@code haId} at {@code now} if the limit allows one; {@code false} when it does not. */
    boolean tryAcquire(String haId, Instant now) {
        Deque<Instant> times = refreshes.computeIfAbsent(haId, id -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Counts a re-read that happens whatever the limit says (the first seeding of an account). */
    void record(String haId, Instant now) {
        refreshes.computeIfAbsent(haId, id -> new ArrayDeque<>()).addLast(now);
    }

    /**
     * Whether a refusal for {@code haId} should be logged: once per window, so a storm gives one
     * line rather than one per CONNECTED.
     */
    boolean shouldReport(String haId, Instant now) {
        Instant until = reportedUntil.get(haId);
        if (until != null && now.isBefore(until)) {
            return false;
        }
        reportedUntil.put(haId, now.plus(window));
        return true;
    }

    /** Forgets an appliance that left the account. */
    void forget(String haId) {
        refreshes.remove(haId);
        reportedUntil.remove(haId);
    }
}
