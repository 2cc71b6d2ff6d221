/**
 * OAuth tokens shared by the Home Connect and SimpliSafe clients: the token set, a store that keeps
 * it in owner-only files written atomically, and a refresher that renews the access token ahead of
 * expiry, one refresh at a time, and makes "the user must authorise again" an observable state.
 *
 * <p>No HTTP here: the token-endpoint call is supplied by each client as a
 * {@link io.github.camelsmarthome.auth.TokenRefreshCall}. No secret appears in any log line,
 * exception message or {@code toString()}.
 */
package io.github.camelsmarthome.auth;
