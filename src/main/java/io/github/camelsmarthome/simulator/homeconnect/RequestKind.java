package io.github.camelsmarthome.simulator.homeconnect;

/** What a recorded request was for. */
public enum RequestKind {
    /** {@code /security/oauth/...}: authorize, token, device authorization, verification page. */
    OAUTH,
    /** A REST call under {@code /api}, everything but the event streams. */
    REST,
    /** Opening an event stream, {@code /api/homeappliances/events} or {@code /api/homeappliances/{haId}/events}. */
    EVENT_STREAM,
    /** Anything else (unknown paths). */
    OTHER
}
