package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409, the appliance's operation or program state does not allow the request right now:
 * {@code SDK.Error.WrongOperationState}, {@code SDK.Error.ProgramNotAvailable},
 * {@code SDK.Error.ActiveProgramNotSet}, {@code SDK.Error.SelectedProgramNotSet},
 * {@code SDK.Error.ActiveProgramSet}, {@code SDK.Error.InvalidSettingState}. The cached state is
 * probably stale: read it again before trying anything else.
 */
public final class ApplianceStateConflictException extends ApplianceConflictException {

    private static final long serialVersionUID = 1L;

    ApplianceStateConflictException(ErrorDetails details) {
        super(details, "The appliance's current operation or program state does not allow this; "
                + "re-read its state before trying again.");
    }
}
