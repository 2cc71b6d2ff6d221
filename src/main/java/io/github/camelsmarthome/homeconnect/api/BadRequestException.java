package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 400: the service found the request malformed. Repeating it cannot help; the values sent
 * (often user input such as option values) must change.
 */
public final class BadRequestException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    BadRequestException(ErrorDetails details) {
        super(details, "The request is malformed and will fail again if repeated unchanged.");
    }
}
