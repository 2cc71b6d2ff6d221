package io.github.camelsmarthome.simplisafe.api.auth;

/**
 * What a person pasted is not a SimpliSafe authorization code, nor an address or DevTools line
 * holding one. The message is one line that says what to paste instead; it never quotes the paste,
 * which may hold a code.
 */
public final class UnusablePasteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnusablePasteException(String message) {
        super(message);
    }
}
