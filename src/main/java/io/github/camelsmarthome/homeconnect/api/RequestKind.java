package io.github.camelsmarthome.homeconnect.api;

/**
 * What a request does, as far as the rate limits care (developer brief, section 7).
 */
public enum RequestKind {

    /** A GET of appliances, status, settings, programs, options, commands or images. */
    READ,
    /** A PUT of a setting, option, command or selected program. */
    WRITE,
    /**
     * {@code PUT .../programs/active}: also limited to 5 per minute. A hood's fan on/off or
     * manual/auto switch is a program start too.
     */
    PROGRAM_START,
    /** {@code DELETE .../programs/active}: also limited to 5 per minute. */
    PROGRAM_STOP,
    /**
     * Opening an event-monitoring (SSE) channel: a request, and at most 10 channels open at once.
     * Call {@link RequestBudget#eventStreamClosed()} when a granted channel closes or fails to open.
     */
    EVENT_STREAM,
    /**
     * A call to the OAuth token endpoint: about 10 per minute. Counted apart from the REST
     * requests and not stopped by their blocks, so that a refresh still works while the API
     * budget is exhausted.
     */
    TOKEN
}
