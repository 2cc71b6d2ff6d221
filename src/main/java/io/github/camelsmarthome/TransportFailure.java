package io.github.camelsmarthome;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLException;

/**
 * A network failure as one line for logs and error messages: its type and message (host and port
 * at most, never a header). A TLS failure also names its innermost cause, because that is where
 * the reason lives ("unable to find valid certification path", "No subject alternative names
 * matching ...") while the outer message only says that the handshake failed.
 */
public final class TransportFailure {

    private static final int MAX_CAUSES = 10;

    private TransportFailure() {
    }

    /** {@code Type: message}, plus {@code (innermost reason)} for a TLS failure. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? type : type + ": " + message;
        boolean tls = false;
        Throwable innermost = failure;
        for (int depth = 0; innermost != null && depth < MAX_CAUSES; depth++) {
            tls |= innermost instanceof SSLException || innermost instanceof GeneralSecurityException;
            if (innermost.getCause() == null || innermost.getCause() == innermost) {
                break;
            }
            innermost = innermost.getCause();
        }
        String reason = innermost == null ? null : innermost.getMessage();
        if (tls && innermost != failure && reason != null && !reason.isBlank() && !text.contains(reason)) {
            text += " (" + reason + ")";
        }
        return text;
    }
}
