package io.github.camelsmarthome.homeconnect.api;

import java.time.Instant;

/**
 * Everything a {@link RequestBudget} must remember across a restart, so that a restart does not
 * hand out a fresh daily budget the service has not granted. Times are epoch milliseconds; the
 * {@code ...Until} fields are {@code null} when nothing is blocked.
 */
record BudgetState(
        long[] requests,
        long[] programStarts,
        long[] programStops,
        long[] tokenRequests,
        long[] errors,
        double burstTokens,
        long burstUpdatedMillis,
        Instant blockedUntil,
        RateLimit blockedBy,
        Instant startsBlockedUntil,
        Instant stopsBlockedUntil,
        Instant tokenBlockedUntil,
        Instant errorLockUntil,
        Instant errorPauseUntil) {
}
