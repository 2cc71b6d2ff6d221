package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.util.Optional;

/**
 * An OAuth endpoint of Home Connect answered with an error (brief section 2.5), or did not answer.
 * The body there is plain OAuth JSON, <code>{"error":"invalid_client","error_description":...}</code>,
 * not the API envelope. {@link #error()} is the OAuth code; the message adds the sanitised
 * description and what to do. No token, code or secret is ever part of it.
 */
public class OAuthEndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String error;
    private final String description;
    private final Duration retryAfter;

    OAuthEndpointException(String endpoint, int httpStatus, String error, String description, Duration retryAfter,
            String advice) {
        super(endpoint + " answered " + (httpStatus == 0 ? "nothing" : "HTTP " + httpStatus)
                + (error == null ? "" : " " + error) + (description == null ? "" : " (" + description + ")") + ". " + advice);
        this.httpStatus = httpStatus;
        this.error = error;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The OAuth {@code error} code ({@code invalid_client}, {@code slow_down}, ...), or {@code null}. */
    public String error() {
        return error;
    }

    /** The sanitised {@code error_description}, if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The {@code Retry-After} of a 429, if the endpoint sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
