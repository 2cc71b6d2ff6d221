package io.github.camelsmarthome.simplisafe.api.websocket;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of a {@link SimplisafeRealtimeClient}, for health checks. Holds no secret.
 *
 * @param state where the client stands
 * @param consecutiveRefusals HTTP 403 upgrade answers in a row (reset by an accepted upgrade)
 * @param nextAttemptAt when the next connection attempt is due while backing off or refused; {@code null} otherwise
 * @param lastProblem a short text of the last failure, {@code null} when there was none
 */
public record RealtimeStatus(RealtimeState state, int consecutiveRefusals, Instant nextAttemptAt, String lastProblem) {

    /** Rejects a missing state. */
    public RealtimeStatus {
        Objects.requireNonNull(state, "state");
    }
}
