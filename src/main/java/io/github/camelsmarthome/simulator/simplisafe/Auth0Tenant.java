package io.github.camelsmarthome.simulator.simplisafe;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's Auth0 tenant (brief section 3): the authorization-code + PKCE flow of the
 * SimpliSafe iOS app, the token endpoint with both grants, and the levers tests pull (sign the
 * user in without a browser, expire or revoke tokens, rotate refresh tokens).
 */
public final class Auth0Tenant {

    private static final Logger LOG = LoggerFactory.getLogger(Auth0Tenant.class);

    /** What {@code /authorize} or the login form answers. */
    sealed interface AuthorizeOutcome permits Redirect, LoginForm, Refusal {
    }

    /** 302 to the app's callback with the code. */
    record Redirect(String location) implements AuthorizeOutcome {
    }

    /** The login page for a pending request; {@code error} when the last attempt failed. */
    record LoginForm(String loginId, String error) implements AuthorizeOutcome {
    }

    /** A request the tenant refuses outright. */
    record Refusal(int status, String reason) implements AuthorizeOutcome {
    }

    /** What the token endpoint answers: a status and a JSON body. */
    record TokenAnswer(int status, byte[] body) {
    }

    private record PendingLogin(String codeChallenge, String scope, String state) {
    }

    private final long userId;
    private final String email;
    private final String password;
    private final TokenRegistry tokens;
    private final AuthorizationCodes codes;
    private final Map<String, PendingLogin> pendingLogins = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean autoLogin;
    private volatile int invalidGrantStatus;

    Auth0Tenant(long userId, SimulatedTime time, SimpliSafeSimulatorOptions options, TokenRegistry tokens) {
        this.userId = userId;
        this.email = options.email();
        this.password = options.password();
        this.tokens = tokens;
        this.codes = new AuthorizationCodes(time, options.authorizationCodeLifetime());
        this.autoLogin = options.autoLogin();
        this.invalidGrantStatus = options.invalidGrantStatus();
    }

    // ---- steering ----

    /**
     * What the user does in the browser for an authorize URL the client built: signs in and
     * answers the 45-character code the callback would carry. Validates the URL like
     * {@code /authorize} does.
     *
     * @throws IllegalArgumentException when the URL's parameters would be refused
     */
    public String completeLogin(String authorizeUrl) {
        Map<String, String> query = queryOf(URI.create(authorizeUrl).getRawQuery());
        Refusal refusal = validateAuthorize(query);
        if (refusal != null) {
            throw new IllegalArgumentException("The tenant refuses this authorize URL: " + refusal.reason());
        }
        LOG.info("Simulated browser login for user {}", userId);
        return codes.issue(query.get("code_challenge"), query.get("scope"));
    }

    /** Tokens as after a complete login, without the browser step. */
    public IssuedTokens issueTokens() {
        return tokens.issue(userId, MobileAppClient.SCOPE);
    }

    /** Every access token issued so far is expired from now on (REST answers 401); refresh tokens still work. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** Every refresh token is revoked: refreshes answer {@code invalid_grant} until the next login. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** A password change: every access and refresh token stops working at once. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** Lifetime of access tokens issued from now on. */
    public void setAccessTokenLifetime(Duration lifetime) {
        tokens.setAccessTokenLifetime(lifetime);
    }

    /** Whether refreshes answer a new refresh token and retire the old one. */
    public void setRotateRefreshTokens(boolean rotate) {
        tokens.setRotateRefreshTokens(rotate);
    }

    /** Whether {@code /authorize} signs the user in at once instead of showing the login page. */
    public void setAutoLogin(boolean autoLogin) {
        this.autoLogin = autoLogin;
    }

    /** Whether {@code /authorize} signs the user in at once. */
    public boolean isAutoLogin() {
        return autoLogin;
    }

    /** Status of {@code invalid_grant} answers: 401 or 403. */
    public void setInvalidGrantStatus(int status) {
        if (status != 401 && status != 403) {
            throw new IllegalArgumentException("invalid_grant is answered with 401 or 403, got " + status);
        }
        this.invalidGrantStatus = status;
    }

    /** The user id the tenant signs in (the {@code userId} of {@code api/authCheck}). */
    public long userId() {
        return userId;
    }

    // ---- the endpoints ----

    AuthorizeOutcome authorize(Map<String, String> query) {
        Refusal refusal = validateAuthorize(query);
        if (refusal != null) {
            return refusal;
        }
        PendingLogin login = new PendingLogin(query.get("code_challenge"), query.get("scope"), query.get("state"));
        if (autoLogin) {
            return redirectWithCode(login);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String loginId = HexFormat.of().formatHex(id);
        pendingLogins.put(loginId, login);
        return new LoginForm(loginId, null);
    }

    AuthorizeOutcome login(String loginId, String formEmail, String formPassword) {
        PendingLogin login = loginId == null ? null : pendingLogins.get(loginId);
        if (login == null) {
            return new Refusal(400, "This login session is unknown or already used; start again from the authorize URL");
        }
        if (!email.equalsIgnoreCase(String.valueOf(formEmail).trim()) || !password.equals(formPassword)) {
            LOG.info("Simulated login page: wrong e-mail or password");
            return new LoginForm(loginId, "Wrong email or password.");
        }
        pendingLogins.remove(loginId);
        return redirectWithCode(login);
    }

    TokenAnswer token(Map<String, String> params) {
        String grantType = params.get("grant_type");
        if (!MobileAppClient.CLIENT_ID.equals(params.get("client_id"))) {
            LOG.info("Token request refused: unknown client");
            return oauthError(401, "invalid_client", "Unknown client");
        }
        if ("authorization_code".equals(grantType)) {
            return exchangeCode(params);
        }
        if ("refresh_token".equals(grantType)) {
            IssuedTokens refreshed = tokens.refresh(params.get("refresh_token"));
            if (refreshed == null) {
                LOG.info("Refresh refused: unknown or revoked refresh token");
                return new TokenAnswer(invalidGrantStatus, SimpliSafeJson.fixtureBytes("invalid_refresh_token_response.json"));
            }
            LOG.info("Refreshed the access token of user {} (new refresh token: {})", userId, refreshed.refreshToken() != null);
            return new TokenAnswer(200, SimpliSafeJson.write(refreshed.toJson()).getBytes(StandardCharsets.UTF_8));
        }
        return oauthError(400, "unsupported_grant_type", "Grant type " + grantType + " is not supported");
    }

    private TokenAnswer exchangeCode(Map<String, String> params) {
        AuthorizationCodes.CodeGrant grant = codes.redeem(params.get("code"));
        String failure = null;
        if (grant == null) {
            failure = "unknown, used or expired code";
        } else if (!MobileAppClient.REDIRECT_URI.equals(params.get("redirect_uri"))) {
            failure = "redirect_uri differs from the app's";
        } else if (!Pkce.verifies(params.get("code_verifier"), grant.codeChallenge())) {
            failure = "code_verifier does not match the code_challenge";
        }
        if (failure != null) {
            LOG.info("Authorization code exchange refused: {}", failure);
            return new TokenAnswer(invalidGrantStatus, SimpliSafeJson.fixtureBytes("invalid_authorization_code_response.json"));
        }
        IssuedTokens issued = tokens.issue(userId, grant.scope());
        LOG.info("Issued tokens for user {} by authorization code (refresh token: {})", userId, issued.refreshToken() != null);
        return new TokenAnswer(200, SimpliSafeJson.write(issued.toJson()).getBytes(StandardCharsets.UTF_8));
    }

    private Redirect redirectWithCode(PendingLogin login) {
        String code = codes.issue(login.codeChallenge(), login.scope());
        String location = MobileAppClient.REDIRECT_URI + "?code=" + code;
        if (login.state() != null) {
            location += "&state=" + URLEncoder.encode(login.state(), StandardCharsets.UTF_8);
        }
        LOG.info("User {} signed in; redirecting to the app callback", userId);
        return new Redirect(location);
    }

    private static Refusal validateAuthorize(Map<String, String> query) {
        if (!MobileAppClient.CLIENT_ID.equals(query.get("client_id"))) {
            return new Refusal(400, "Unknown client_id; only the SimpliSafe iOS app client is registered");
        }
        if (!MobileAppClient.REDIRECT_URI.equals(query.get("redirect_uri"))) {
            return new Refusal(400, "redirect_uri must be " + MobileAppClient.REDIRECT_URI);
        }
        if (!"code".equals(query.get("response_type"))) {
            return new Refusal(400, "response_type must be code");
        }
        if (!MobileAppClient.CODE_CHALLENGE_METHOD.equals(query.get("code_challenge_method"))) {
            return new Refusal(400, "code_challenge_method must be S256");
        }
        if (!Pkce.isWellFormed(query.get("code_challenge"))) {
            return new Refusal(400, "code_challenge is missing or malformed");
        }
        return null;
    }

    private static TokenAnswer oauthError(int status, String error, String description) {
        var body = SimpliSafeJson.object();
        body.put("error", error);
        body.put("error_description", description);
        return new TokenAnswer(status, SimpliSafeJson.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Query parameters of a URL, form-decoded ({@code +} is a space, as simplipy encodes the scope). */
    static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
