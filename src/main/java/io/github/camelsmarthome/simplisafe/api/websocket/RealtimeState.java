package io.github.camelsmarthome.simplisafe.api.websocket;

/** Where a {@link SimplisafeRealtimeClient} stands. */
public enum RealtimeState {
    /** Not started yet, or closed. */
    STOPPED,
    /** Fetching a token, upgrading, or waiting for the subscribed message. */
    CONNECTING,
    /** Subscribed: events arrive as they happen. */
    LIVE,
    /** Waiting before the next attempt after a failure or a lost connection. */
    BACKING_OFF,
    /** The upgrade was refused with HTTP 403 too often in a row; realtime is off until the next attempt time (REST-only). */
    REFUSED
}
