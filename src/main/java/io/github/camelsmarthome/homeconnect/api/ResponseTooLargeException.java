package io.github.camelsmarthome.homeconnect.api;

/**
 * The answer was larger than the client accepts ({@link HomeConnectClientOptions#maxJsonBytes()},
 * {@link HomeConnectClientOptions#maxImageBytes()}); it was dropped unread. A Home Connect answer
 * is a few kilobytes, so this points at a proxy or a wrong base URL rather than at the appliance.
 */
public final class ResponseTooLargeException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(ErrorDetails details) {
        super(details, "The answer was dropped unread; check the base URL and any proxy in between.");
    }
}
