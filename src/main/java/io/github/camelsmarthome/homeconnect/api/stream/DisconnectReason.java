package io.github.camelsmarthome.homeconnect.api.stream;

/**
 * Why a stream ended or could not be opened (brief 8.7 rule 1 and 8.5 rule 6); a small fixed set,
 * so it can be a metric label.
 */
public enum DisconnectReason {

    /** The server ended the stream (it does so when the token the stream was opened with expires). */
    END_OF_STREAM,
    /** No byte arrived within the read timeout. */
    READ_TIMEOUT,
    /** Bytes arrived but no complete line within the watchdog time. */
    WATCHDOG,
    /** Connection refused, reset, DNS or TLS failure, a chunked body cut short. */
    TRANSPORT_ERROR,
    /** The stream carried something that is not Home Connect server-sent events (garbage, bad JSON, oversize). */
    CORRUPT_STREAM,
    /**
     * KEEP-ALIVEs came but a running appliance went quiet and its status, read over REST,
     * disagreed with what the stream had said: the stream silently stopped carrying events.
     */
    STALLED,
    /** The open request was answered 401: the token was rejected. */
    UNAUTHORIZED,
    /** The open request was answered 429. */
    RATE_LIMITED,
    /** The open request was answered with another error status (403, 406, 5xx ...). */
    REJECTED,
    /** The request budget refused to open another channel, e.g. all event channels are in use. */
    BUDGET_REFUSED,
    /** No access token could be had right now (the token endpoint failed); retried with backoff. */
    NO_TOKEN,
    /** The account must be authorised again. */
    AUTH_REQUIRED,
    /** {@link HomeConnectEventStream#stop()} was called. */
    STOPPED
}
