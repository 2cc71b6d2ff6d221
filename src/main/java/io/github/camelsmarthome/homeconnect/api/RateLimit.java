package io.github.camelsmarthome.homeconnect.api;

/**
 * The rate limits Home Connect enforces per client id and user account (developer brief,
 * section 7). Used both for what the service said it enforced ({@link RateLimitedException#limit()})
 * and for what the client's own {@link RequestBudget} would hit.
 */
public enum RateLimit {

    /** 1000 requests in a rolling 24 h window; a breach blocks for the rest of the window. */
    DAILY,
    /** 50 requests per minute; a breach blocks for one minute. */
    PER_MINUTE,
    /** 10 requests per second on average with a burst of 20. */
    PER_SECOND,
    /** 5 program starts per minute (a hood's fan switch counts too); blocks starts only. */
    PROGRAM_STARTS,
    /** 5 program stops per minute; blocks stops only. */
    PROGRAM_STOPS,
    /** 10 successive error answers within 10 minutes; blocks every request for 10 minutes. */
    SUCCESSIVE_ERRORS,
    /** 10 event-monitoring (SSE) channels open at once; further channels are refused. */
    EVENT_CHANNELS,
    /** About 10 requests per minute to the OAuth token endpoint. */
    TOKEN_ENDPOINT,
    /** A limit the description did not name in a way the client recognises. */
    UNKNOWN;

    /**
     * Whether hitting this limit stops every request of the account, not only one kind: the brief
     * says to stop all traffic on a 429 unless the service named a program start or stop limit.
     */
    public boolean blocksAllRequests() {
        return this != PROGRAM_STARTS && this != PROGRAM_STOPS && this != TOKEN_ENDPOINT;
    }
}
