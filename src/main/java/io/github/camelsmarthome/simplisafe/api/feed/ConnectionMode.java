package io.github.camelsmarthome.simplisafe.api.feed;

/**
 * How events reach the bridge right now, reported by health and emitted as a
 * {@code connection_mode_changed} event when it changes.
 */
public enum ConnectionMode {
    /** The websocket is live: events arrive within a second; polling adds sensor and lock changes. */
    REALTIME,
    /**
     * Polling alone: the websocket is switched off, refused (HTTP 403, the common case since 2025),
     * or reconnecting. Events arrive within one poll interval.
     */
    REST_ONLY,
    /** The cloud refused the refresh token: nothing flows until someone runs {@code authorize simplisafe}. */
    AUTH_REQUIRED
}
