package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A started device-flow login (brief section 2.3): what to show the user, and what to poll with.
 * {@link #toString()} hides the device code, which is a credential until the login completes.
 *
 * @param deviceCode              the code the poll sends; never shown to anyone
 * @param userCode                the code the user types at the verification page
 * @param verificationUri         the page where the user logs in
 * @param verificationUriComplete the same page with the user code filled in, or {@code null}
 * @param expiresAt               when the codes stop working
 * @param interval                the poll spacing the server asked for (the client may use a longer one)
 */
public record DeviceAuthorization(
        String deviceCode,
        String userCode,
        String verificationUri,
        String verificationUriComplete,
        Instant expiresAt,
        Duration interval) {

    /** Requires the codes, the page and the expiry. */
    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
    }

    /** Shows everything but the device code. */
    @Override
    public String toString() {
        return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri
                + ", expiresAt=" + expiresAt + ", interval=" + interval + ", deviceCode=[redacted]]";
    }
}
