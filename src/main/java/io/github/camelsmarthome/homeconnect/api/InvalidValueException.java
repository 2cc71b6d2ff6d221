package io.github.camelsmarthome.homeconnect.api;

/**
 * The appliance does not accept the value written: {@code SDK.Error.InvalidSettingValue} (409) or
 * {@code BSH.Common.Error.WriteRequest.NotAvailableByList} (a 4xx carrying appliance code 528, for
 * example {@code PowerState.Off} on an oven that only knows {@code Standby}). Read the key's
 * {@code allowedvalues} and pick one of them.
 */
public final class InvalidValueException extends HomeConnectException {

    private static final long serialVersionUID = 1L;

    InvalidValueException(ErrorDetails details) {
        super(details, "The appliance does not accept this value; read the key's allowed values "
                + "and use one of them.");
    }
}
