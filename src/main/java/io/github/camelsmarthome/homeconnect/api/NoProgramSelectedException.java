package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 404 {@code SDK.Error.NoProgramSelected}: the normal answer of {@code programs/selected}
 * when no program is selected.
 */
public final class NoProgramSelectedException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    NoProgramSelectedException(ErrorDetails details) {
        super(details, "No program is selected; this is a normal answer, not a failure.");
    }
}
