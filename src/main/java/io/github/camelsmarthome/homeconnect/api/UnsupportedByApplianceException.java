package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409, the appliance does not support this at all: {@code SDK.Error.UnsupportedOperation}
 * (for example program endpoints of fridges and wine coolers), {@code SDK.Error.UnsupportedProgram},
 * {@code SDK.Error.UnsupportedOption}, {@code SDK.Error.UnsupportedSetting}. Remember it and do
 * not ask again.
 */
public final class UnsupportedByApplianceException extends ApplianceConflictException {

    private static final long serialVersionUID = 1L;

    UnsupportedByApplianceException(ErrorDetails details) {
        super(details, "The appliance does not support this; do not ask again.");
    }
}
