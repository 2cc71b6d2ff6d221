package io.github.camelsmarthome.auth;

/**
 * Told when an account's {@link AuthState} changes, e.g. to raise a Home Assistant repair notice
 * or mark a health check down when re-authorisation is needed. Called on the thread that caused
 * the change, outside the refresher's lock; keep it short and non-blocking.
 */
@FunctionalInterface
public interface AuthStateListener {

    /** The state went from {@code previous.state()} to {@code current.state()}. */
    void onAuthStateChange(String account, AuthStatus previous, AuthStatus current);
}
