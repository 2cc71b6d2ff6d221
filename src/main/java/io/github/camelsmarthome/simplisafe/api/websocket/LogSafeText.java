package io.github.camelsmarthome.simplisafe.api.websocket;

/**
 * Text from outside (close reasons, exception messages, caller reasons) made fit for one log line:
 * control characters become spaces, so nothing can forge a line, and length is capped.
 */
final class LogSafeText {

    private static final int MAX_CHARS = 200;

    private LogSafeText() {
    }

    /** One line of at most {@value #MAX_CHARS} characters; empty for {@code null}. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "...";
    }

    /** The exception's simple class name and its message (with a TLS failure's reason) made printable. */
    static String describe(Throwable failure) {
        return printable(io.github.camelsmarthome.TransportFailure.describe(failure));
    }
}
