package io.github.camelsmarthome.simplisafe.api.event;

/**
 * An upstream event object that cannot become a {@link SimplisafeEvent}: not an object, or no
 * system id. The message is a short reason fit for a log line; it never quotes the payload.
 */
public final class UnreadableEventException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with a short reason. */
    public UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
