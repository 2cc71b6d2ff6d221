package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Issues, checks, refreshes and revokes the tenant's tokens (brief sections 3.2 to 3.5).
 *
 * <p>Refresh tokens do not rotate by default: a refresh answers a new access token and no
 * {@code refresh_token}, and the old refresh token keeps working. With rotation on, the answer
 * carries a new one and the old one is retired, so either client rule ("replace it when one
 * arrives, keep it otherwise") is exercised.
 */
final class TokenRegistry {

    /** The canonical order of granted scopes, as {@code api_token_response.json} lists them. */
    private static final List<String> KNOWN_SCOPES = List.of(
            "openid", "email", "https://api.simplisafe.com/scopes/user:platform", "offline_access");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Whose an access token is and until when. */
    record AccessGrant(long userId, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private record RefreshGrant(long userId, String scope) {
    }

    private final SimulatedTime time;
    private final Supplier<String> issuer;
    private final String email;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration accessTokenLifetime;
    private volatile boolean rotateRefreshTokens;

    TokenRegistry(SimulatedTime time, Supplier<String> issuer, String email, Duration accessTokenLifetime, boolean rotate) {
        this.time = time;
        this.issuer = issuer;
        this.email = email;
        this.accessTokenLifetime = accessTokenLifetime;
        this.rotateRefreshTokens = rotate;
    }

    /** Tokens after a login; a refresh token only when the scope asks for {@code offline_access}. */
    IssuedTokens issue(long userId, String requestedScope) {
        String scope = grantedScope(requestedScope);
        String refreshToken = null;
        if (scope.contains("offline_access")) {
            refreshToken = randomToken(36);
            refreshTokens.put(refreshToken, new RefreshGrant(userId, scope));
        }
        return issueAccess(userId, scope, refreshToken);
    }

    /** The answer to a refresh, or {@code null} when the refresh token is unknown or revoked. */
    IssuedTokens refresh(String refreshToken) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null) {
            return null;
        }
        String rotated = null;
        if (rotateRefreshTokens) {
            if (refreshTokens.remove(refreshToken) == null) {
                return null; // a concurrent refresh with the same token won the rotation
            }
            rotated = randomToken(36);
            refreshTokens.put(rotated, grant);
        }
        return issueAccess(grant.userId(), grant.scope(), rotated);
    }

    /** The grant of a live access token; {@code null} when unknown, revoked or expired. */
    AccessGrant valid(String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        return grant == null || grant.expiredAt(time.now()) ? null : grant;
    }

    /** Every access token issued so far expires now; refresh tokens stay valid. */
    void expireAccessTokens() {
        Instant now = time.now();
        accessTokens.replaceAll((token, grant) -> new AccessGrant(grant.userId(), now));
    }

    void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    void revokeAll() {
        revokeRefreshTokens();
        accessTokens.clear();
    }

    void setAccessTokenLifetime(Duration lifetime) {
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("Access-token lifetime must be positive, got " + lifetime);
        }
        this.accessTokenLifetime = lifetime;
    }

    void setRotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
    }

    /** Requested scopes the tenant knows, in canonical order; the app's full scope when none is asked. */
    static String grantedScope(String requested) {
        String wanted = requested == null || requested.isBlank() ? MobileAppClient.SCOPE : requested;
        List<String> asked = List.of(wanted.trim().split("[\\s+]+"));
        List<String> granted = new ArrayList<>();
        for (String scope : KNOWN_SCOPES) {
            if (asked.contains(scope)) {
                granted.add(scope);
            }
        }
        return String.join(" ", granted);
    }

    private IssuedTokens issueAccess(long userId, String scope, String refreshToken) {
        Duration lifetime = accessTokenLifetime;
        Instant issuedAt = time.now();
        Instant expiresAt = issuedAt.plus(lifetime);
        String accessToken = JwtSigner.sign(accessClaims(userId, scope, issuedAt, expiresAt));
        accessTokens.put(accessToken, new AccessGrant(userId, expiresAt));
        long expiresIn = Math.max(1, (lifetime.toMillis() + 999) / 1000);
        return new IssuedTokens(accessToken, refreshToken, JwtSigner.sign(idClaims(userId, issuedAt, expiresAt)), scope, expiresIn);
    }

    /** The claims of brief section 3.3, plus a {@code jti} so two tokens of one second differ. */
    private ObjectNode accessClaims(long userId, String scope, Instant issuedAt, Instant expiresAt) {
        String uid = Long.toString(userId);
        ObjectNode claims = SimpliSafeJson.object();
        claims.put("http://simplisafe.com/uid", uid);
        claims.putArray("http://simplisafe.com/roles");
        ObjectNode authn = claims.putObject("https://simplisafe.com/authn");
        authn.put("actor_uid", uid);
        authn.putArray("roles");
        claims.put("iss", issuer.get());
        claims.put("sub", "auth0|ss-users|" + uid);
        claims.putArray("aud").add(MobileAppClient.AUDIENCE).add("https://production.ssafe.auth0.com/userinfo");
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("azp", MobileAppClient.CLIENT_ID);
        claims.put("scope", scope);
        claims.put("jti", randomToken(12));
        return claims;
    }

    private ObjectNode idClaims(long userId, Instant issuedAt, Instant expiresAt) {
        ObjectNode claims = SimpliSafeJson.object();
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("iss", issuer.get());
        claims.put("sub", "auth0|ss-users|" + userId);
        claims.put("aud", MobileAppClient.CLIENT_ID);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        return claims;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
