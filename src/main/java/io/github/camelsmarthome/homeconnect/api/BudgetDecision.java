package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link RequestBudget#tryAcquire}: granted (the request was counted and may be
 * sent now), or refused with the limit it would hit and when that limit frees up.
 */
public final class BudgetDecision {

    private static final BudgetDecision GRANTED = new BudgetDecision(null, null, "granted");

    private final RateLimit limit;
    private final Instant freesAt;
    private final String reason;

    private BudgetDecision(RateLimit limit, Instant freesAt, String reason) {
        this.limit = limit;
        this.freesAt = freesAt;
        this.reason = reason;
    }

    static BudgetDecision granted() {
        return GRANTED;
    }

    static BudgetDecision refused(RateLimit limit, Instant freesAt, String reason) {
        return new BudgetDecision(Objects.requireNonNull(limit), freesAt, reason);
    }

    /** Whether the request may be sent now; it has already been counted. */
    public boolean isGranted() {
        return limit == null;
    }

    /** The limit that refused the request; empty when granted. */
    public Optional<RateLimit> limit() {
        return Optional.ofNullable(limit);
    }

    /**
     * When the refusing limit frees up; empty when granted or when nobody can tell (an event
     * channel frees when another one closes). Another limit may still refuse at that time.
     */
    public Optional<Instant> freesAt() {
        return Optional.ofNullable(freesAt);
    }

    /** How long from {@code now} until {@link #freesAt()}; zero when granted, empty when unknown. */
    public Optional<Duration> waitFrom(Instant now) {
        if (isGranted()) {
            return Optional.of(Duration.ZERO);
        }
        return freesAt().map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    /** Why, in words for a log line or a command result. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return isGranted() ? "granted" : "refused by " + limit + " until " + (freesAt == null ? "unknown" : freesAt)
                + ": " + reason;
    }
}
