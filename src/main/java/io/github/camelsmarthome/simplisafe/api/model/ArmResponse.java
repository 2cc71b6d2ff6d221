package io.github.camelsmarthome.simplisafe.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to an arm or disarm request (brief 4.4): V3 {@code ss3/subscriptions/{sid}/state/x}
 * echoes {@code state} in upper case, V2 {@code subscriptions/{sid}/state} echoes
 * {@code requestedState} in lower case; both read as an {@link AlarmState}.
 *
 * @param success {@code success}
 * @param reason {@code reason}, usually {@code null}
 * @param state the target state, {@code null} when absent
 * @param lastUpdated {@code lastUpdated}
 * @param exitDelaySeconds {@code exitDelay}: seconds until armed (the system reports {@code *_COUNT} meanwhile)
 * @param raw the body as sent; treat as read-only
 */
public record ArmResponse(boolean success, String reason, AlarmState state, Instant lastUpdated, Integer exitDelaySeconds,
        JsonNode raw) {

    /** Without {@code raw}. */
    @Override
    public String toString() {
        return "ArmResponse[" + (success ? "success" : "failed") + ", " + state + ", exit delay " + exitDelaySeconds + " s]";
    }
}
