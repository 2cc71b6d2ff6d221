package io.github.camelsmarthome.homeconnect.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's own {@link RequestBudget} refused the call, so nothing was sent: sending it would
 * have broken a Home Connect rate limit, or eaten into the reserve of higher-priority calls, or
 * the service had answered 429 and its block still runs. Wait until {@link #freesAt()}.
 */
public final class RequestBudgetRefusedException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    /** Not serialisable; {@link #limit()} and {@link #freesAt()} are kept apart so they survive. */
    private final transient BudgetDecision decision;
    private final RateLimit limit;
    private final Instant freesAt;
    private final RequestKind kind;
    private final RequestPriority priority;

    RequestBudgetRefusedException(String request, BudgetDecision decision, RequestKind kind, RequestPriority priority) {
        super(request, "the request budget refused this " + priority + " " + kind + " call ("
                + decision.limit().map(Enum::name).orElse("UNKNOWN") + ": " + decision.reason() + ")",
                decision.freesAt().map(at -> "Nothing was sent to Home Connect; try again after " + at + ".")
                        .orElse("Nothing was sent to Home Connect; try again when an event channel closes."));
        this.decision = Objects.requireNonNull(decision, "decision");
        this.limit = decision.limit().orElse(RateLimit.UNKNOWN);
        this.freesAt = decision.freesAt().orElse(null);
        this.kind = kind;
        this.priority = priority;
    }

    /** The limit that refused the call. */
    public RateLimit limit() {
        return limit;
    }

    /** When that limit frees up; empty when nobody can tell (an event channel frees when another closes). */
    public Optional<Instant> freesAt() {
        return Optional.ofNullable(freesAt);
    }

    /** The budget's whole answer; {@code null} after the exception was serialised. */
    public BudgetDecision decision() {
        return decision;
    }

    /** What kind of call was refused. */
    public RequestKind kind() {
        return kind;
    }

    /** The priority it was asked at. */
    public RequestPriority priority() {
        return priority;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
