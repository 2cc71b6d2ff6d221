package io.github.camelsmarthome.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observable side of a {@link TokenRefresher}: its {@link AuthStatus}, the last transient
 * failure and when a retry may follow, and the listeners to tell about changes.
 *
 * <p>Not thread-safe by itself: the refresher calls the state-changing methods under its own lock
 * and runs the returned notice after releasing it, so listeners never run under that lock.
 */
final class AuthStatusTracker {

    private static final Logger LOG = LoggerFactory.getLogger(AuthStatusTracker.class);
    private static final Runnable NO_NOTICE = () -> { };

    private final String account;
    private final Clock clock;
    private final Duration retryInterval;
    private final List<AuthStateListener> listeners = new CopyOnWriteArrayList<>();
    private AuthStatus status;
    private Instant lastFailureAt;
    private String lastFailure;

    AuthStatusTracker(String account, Clock clock, Duration retryInterval) {
        this.account = account;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    AuthStatus status() {
        return status;
    }

    boolean requiresAuthorisation() {
        return status != null && status.state() == AuthState.AUTH_REQUIRED;
    }

    /** Whether a transient failure happened less than the retry interval ago. */
    boolean coolingDown(Instant now) {
        return lastFailureAt != null && now.isBefore(retryAt());
    }

    Instant retryAt() {
        return lastFailureAt == null ? Instant.MIN : lastFailureAt.plus(retryInterval);
    }

    String lastFailure() {
        return lastFailure;
    }

    /** All is well again: forget the last failure. */
    Runnable succeeded(String detail) {
        lastFailureAt = null;
        lastFailure = null;
        return moveTo(AuthState.AUTHORIZED, detail);
    }

    /** Something that may pass went wrong; the next attempt waits for the retry interval. */
    Runnable failedTransiently(String detail) {
        lastFailureAt = clock.instant();
        lastFailure = detail;
        return moveTo(AuthState.DEGRADED, detail);
    }

    Runnable authorisationRequired(String detail) {
        return moveTo(AuthState.AUTH_REQUIRED, detail);
    }

    void addListener(AuthStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(AuthStateListener listener) {
        listeners.remove(listener);
    }

    /** Changes the state; the returned notice tells the listeners and must be run outside the owner's lock. */
    private Runnable moveTo(AuthState state, String detail) {
        AuthStatus previous = status;
        if (previous == null || previous.state() == state) {
            // The first state is set while nobody can listen yet; a repeated state only updates the detail.
            status = new AuthStatus(state, previous == null ? clock.instant() : previous.since(), detail);
            return NO_NOTICE;
        }
        AuthStatus current = new AuthStatus(state, clock.instant(), detail);
        status = current;
        return () -> tell(previous, current);
    }

    private void tell(AuthStatus previous, AuthStatus current) {
        LOG.debug("Authorisation state of {}: {} -> {} ({})", account, previous.state(), current.state(), current.detail());
        for (AuthStateListener listener : listeners) {
            try {
                listener.onAuthStateChange(account, previous, current);
            } catch (RuntimeException failure) {
                LOG.warn("Authorisation state listener {} failed: {}", listener.getClass().getName(),
                        failure.getClass().getSimpleName());
            }
        }
    }
}
