package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated OAuth side as tests and the CLI steer it: approve or deny device-flow logins,
 * expire or revoke tokens, shorten lifetimes, register apps, or skip the login dance entirely
 * with {@link #issueTokens(String)}.
 */
public final class AuthorizationServer {

    private final OAuthClients clients;
    private final TokenAuthority tokens;
    private final DeviceAuthorizations devices;
    private final AuthorizationCodes codes;
    private final String defaultClientId;

    AuthorizationServer(SimulationClock clock, SimulatorOptions options) {
        this.clients = new OAuthClients(options.clients());
        this.tokens = new TokenAuthority(clock, "home-connect-simulator", options);
        this.devices = new DeviceAuthorizations(clock, options);
        this.codes = new AuthorizationCodes(clock, options.authorizationCodeLifetime());
        this.defaultClientId = options.clients().get(0).clientId();
    }

    /** The user approves a device-flow login; false when no pending login has this user code. */
    public boolean approveDeviceCode(String userCode) {
        return devices.approve(userCode);
    }

    /** The user refuses a device-flow login: the next poll is answered {@code access_denied}. */
    public boolean denyDeviceCode(String userCode) {
        return devices.deny(userCode);
    }

    /**
     * Approves every device-flow login by itself, after {@code pendingPollsFirst} polls answered
     * {@code authorization_pending}.
     */
    public void setAutoApproveDeviceCodes(boolean autoApprove, int pendingPollsFirst) {
        devices.setAutoApprove(autoApprove, pendingPollsFirst);
    }

    /** Device-flow logins waiting for the user. */
    public List<DeviceAuthorizationRequest> pendingDeviceAuthorizations() {
        return devices.pending();
    }

    /** Called with every new device-flow login (the CLI prints the user code from it). */
    public void onDeviceAuthorization(Consumer<DeviceAuthorizationRequest> listener) {
        devices.onStarted(listener);
    }

    /** Lifetime of device and user codes issued from now on. */
    public void setDeviceCodeLifetime(Duration lifetime) {
        devices.setLifetime(lifetime);
    }

    /** Minimum spacing of device-flow polls for logins started from now on. */
    public void setDeviceCodePollInterval(Duration interval) {
        devices.setPollInterval(interval);
    }

    /** Lifetime of access tokens issued from now on. */
    public void setAccessTokenLifetime(Duration lifetime) {
        tokens.setAccessTokenLifetime(lifetime);
    }

    /** Whether refreshes rotate the refresh token. */
    public void setRotateRefreshTokens(boolean rotate) {
        tokens.setRotateRefreshTokens(rotate);
    }

    /** How long an unused refresh token stays valid. */
    public void setRefreshTokenIdleLifetime(Duration lifetime) {
        tokens.setRefreshTokenIdleLifetime(lifetime);
    }

    /** Expires every access token now; streams opened with them close and the API answers 401. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** Invalidates every refresh token: the next refresh is {@code invalid_grant}. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** Invalidates one refresh token. */
    public boolean revokeRefreshToken(String refreshToken) {
        return tokens.revokeRefreshToken(refreshToken);
    }

    /** Registers another app (or replaces one with the same client id). */
    public void registerClient(OAuthClientRegistration client) {
        clients.register(client);
    }

    /** Tokens for the first registered app, as if a device-flow login had just succeeded. */
    public TokenSet issueTokens(String scope) {
        return tokens.issue(defaultClientId, TokenAuthority.parseScopes(scope), false);
    }

    /** Tokens for any registered app. */
    public TokenSet issueTokens(String clientId, String scope) {
        clients.require(clientId);
        return tokens.issue(clientId, TokenAuthority.parseScopes(scope), false);
    }

    OAuthClients clients() {
        return clients;
    }

    TokenAuthority tokens() {
        return tokens;
    }

    DeviceAuthorizations devices() {
        return devices;
    }

    AuthorizationCodes codes() {
        return codes;
    }
}
