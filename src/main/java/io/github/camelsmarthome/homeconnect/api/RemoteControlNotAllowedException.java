package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409, the appliance refuses remote control: {@code BSH.Common.Error.RemoteControlNotActive},
 * {@code BSH.Common.Error.RemoteStartNotActive} (remote start lapses, typically after 24 h) or
 * {@code BSH.Common.Error.LockedByLocalControl} (someone is operating it). Only a person at the
 * appliance can change this; check {@code RemoteControlStartAllowed} before the next start.
 */
public final class RemoteControlNotAllowedException extends ApplianceConflictException {

    private static final long serialVersionUID = 1L;

    RemoteControlNotAllowedException(ErrorDetails details) {
        super(details, "Remote control or remote start is not enabled on the appliance, or it is being "
                + "operated locally; enable remote start on the appliance and try again.");
    }
}
