package io.github.camelsmarthome.auth;

import java.time.Instant;

/**
 * The authorisation state of one account, with when it began and why, for health checks and
 * listeners. {@code detail} is written for a person and holds no secret.
 *
 * @param state  the state
 * @param since  when the account entered this state
 * @param detail why, and for {@link AuthState#AUTH_REQUIRED} what to do
 */
public record AuthStatus(AuthState state, Instant since, String detail) {
}
