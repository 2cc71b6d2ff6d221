package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 405, 406 or 415: the request does not match the API contract (method, {@code Accept} or
 * {@code Content-Type}). A client bug: never retried, reported so it gets fixed.
 */
public final class ProtocolMismatchException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ProtocolMismatchException(ErrorDetails details) {
        super(details, "The request does not match the API contract (method, Accept or Content-Type); "
                + "this is a client bug, please report it.");
    }
}
