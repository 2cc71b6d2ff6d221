package io.github.camelsmarthome.homeconnect.api;

/**
 * An answer the API does not document as an error: an unlisted 4xx (410, 422, ...), a redirect or
 * anything else that reached the error path. Kept apart so that it shows up in logs and metrics
 * instead of being mistaken for a known case.
 */
public final class UnexpectedResponseException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    UnexpectedResponseException(ErrorDetails details) {
        super(details, "Home Connect gave an answer the client does not expect; do not retry blindly.");
    }
}
