package io.github.camelsmarthome.homeconnect.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What is left of a {@link RequestBudget} at one moment, for metrics and health checks. Counts are
 * the full limits minus what was used (not the priority ceilings).
 *
 * @param at                     when the snapshot was taken
 * @param dailyRemaining         requests left in the rolling 24 h window
 * @param minuteRemaining        requests left in the rolling minute
 * @param burstRemaining         requests that may go out at once right now (whole tokens in the bucket)
 * @param programStartsRemaining program starts left in the rolling minute
 * @param programStopsRemaining  program stops left in the rolling minute
 * @param tokenRequestsRemaining token-endpoint calls left in the rolling minute
 * @param successiveErrors       error answers since the last success, within the error window
 * @param openEventStreams       event channels granted and not yet closed
 * @param nonEssentialPaused     whether NORMAL and LOW requests are paused after successive errors
 * @param blockedUntil           until when every REST request is refused (a 429 or the error lock), if it is
 * @param blockedBy              the limit behind {@code blockedUntil}
 */
public record BudgetSnapshot(
        Instant at,
        int dailyRemaining,
        int minuteRemaining,
        int burstRemaining,
        int programStartsRemaining,
        int programStopsRemaining,
        int tokenRequestsRemaining,
        int successiveErrors,
        int openEventStreams,
        boolean nonEssentialPaused,
        Optional<Instant> blockedUntil,
        Optional<RateLimit> blockedBy) {
}
