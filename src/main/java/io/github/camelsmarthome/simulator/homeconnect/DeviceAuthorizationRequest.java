package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Instant;

/**
 * A device-flow login waiting for the user, as the CLI shows it: the code to enter and where.
 * The device code itself is a secret of the polling client and is deliberately not part of it.
 *
 * @param userCode                the code the user enters (or that {@code approveDeviceCode} takes)
 * @param verificationUri         the page where the user enters it
 * @param verificationUriComplete the same page with the code filled in
 * @param expiresAt               when the login attempt lapses
 * @param clientId                the app that asked
 */
public record DeviceAuthorizationRequest(
        String userCode, String verificationUri, String verificationUriComplete, Instant expiresAt, String clientId) {
}
