package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 404 {@code SDK.Error.NoProgramActive}: the normal answer of {@code programs/active} when
 * nothing runs. It still counts toward the "10 successive errors" limit, so avoid asking when the
 * operation state already says the appliance is idle.
 */
public final class NoProgramActiveException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    NoProgramActiveException(ErrorDetails details) {
        super(details, "No program is active; this is a normal answer, not a failure.");
    }
}
