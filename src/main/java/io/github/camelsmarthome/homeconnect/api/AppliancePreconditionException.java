package io.github.camelsmarthome.homeconnect.api;

/**
 * HTTP 409, a physical condition of the appliance prevents the request:
 * {@code SDK.Error.WrongDoorState}, {@code SDK.Error.Cooking.Oven.Status.FrontPanelOpen},
 * {@code SDK.Error.Cooking.Oven.Status.MeatprobePlugged}, {@code SDK.Error.BatteryLevelTooLow},
 * {@code SDK.Error.ConsumerProducts.CleaningRobot.Status.Lifted} / {@code DustBoxNotInserted} /
 * {@code AlreadyAtHome}, and any other {@code SDK.Error.<...>.Status.<...>} key. The user has to
 * fix it at the appliance (close the door, unplug the probe, charge the battery...); the key says
 * which.
 */
public final class AppliancePreconditionException extends ApplianceConflictException {

    private static final long serialVersionUID = 1L;

    AppliancePreconditionException(ErrorDetails details) {
        super(details, "A condition at the appliance (door, panel, probe, battery...) prevents this; "
                + "it must be resolved at the appliance first.");
    }
}
