package io.github.camelsmarthome.homeconnect.api.stream;

/** Where a {@link HomeConnectEventStream} is in its life, for health checks and metrics. */
public enum StreamState {

    /** Obtaining a token, asking the request budget, or waiting for the answer to the open request. */
    CONNECTING,
    /** The stream is open and being read. */
    CONNECTED,
    /** The last attempt failed or the stream ended; the next attempt is scheduled (see {@code nextReconnectAt}). */
    BACKING_OFF,
    /** A person must authorise the account again; nothing is attempted until the token refresher is authorised. */
    AUTH_REQUIRED,
    /** Not started, or stopped. */
    STOPPED
}
