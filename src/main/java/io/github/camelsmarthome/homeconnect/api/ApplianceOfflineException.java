package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409 {@code SDK.Error.HomeAppliance.Connection.Initialization.Failed}: the appliance is not
 * connected to the cloud (switched off at the mains, Wi-Fi trouble). Mark it unavailable and stop
 * querying it until a {@code CONNECTED} event arrives.
 */
public final class ApplianceOfflineException extends ApplianceConflictException {

    private static final long serialVersionUID = 1L;

    ApplianceOfflineException(ErrorDetails details) {
        super(details, "The appliance is offline: do not query it until it reconnects (CONNECTED event).");
    }
}
