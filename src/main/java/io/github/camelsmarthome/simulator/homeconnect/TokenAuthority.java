package io.github.camelsmarthome.simulator.homeconnect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues, checks, refreshes and revokes tokens (brief sections 2.2 to 2.5).
 *
 * <p>Refresh tokens rotate: a refresh answers a new one and the old one becomes
 * {@code invalid_grant}, the strictest reading of the brief, so a client that does not persist
 * the newest token fails here before it fails in production.
 */
final class TokenAuthority {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SimulationClock clock;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();
    private final byte[] signingKey = new byte[32];
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final List<Runnable> expiryListeners = new CopyOnWriteArrayList<>();
    private volatile Duration accessTokenLifetime;
    private volatile Duration refreshTokenIdleLifetime;
    private volatile boolean rotateRefreshTokens;

    /** A refresh token's grant; {@code secretRequired} for tokens from the authorization-code flow. */
    private record RefreshGrant(String clientId, Set<String> scopes, boolean secretRequired, Instant lastUsed) {
    }

    TokenAuthority(SimulationClock clock, String issuer, SimulatorOptions options) {
        this.clock = clock;
        this.issuer = issuer;
        this.accessTokenLifetime = options.accessTokenLifetime();
        this.refreshTokenIdleLifetime = options.refreshTokenIdleLifetime();
        this.rotateRefreshTokens = options.rotateRefreshTokens();
        random.nextBytes(signingKey);
    }

    TokenSet issue(String clientId, Set<String> scopes, boolean secretRequiredForRefresh) {
        String refreshToken = randomToken();
        refreshTokens.put(refreshToken, new RefreshGrant(clientId, scopes, secretRequiredForRefresh, clock.now()));
        return issueAccess(clientId, scopes, refreshToken);
    }

    /**
     * Answers the {@code refresh_token} grant.
     *
     * @param clientId     may be {@code null}: the brief's refresh request carries no client id
     * @param clientSecret required when the token came from the authorization-code flow
     * @param scope        optional narrowing of the grant
     */
    TokenSet refresh(String refreshToken, String clientId, String clientSecret, String scope, OAuthClients clients) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null) {
            throw OAuthError.invalidGrant("invalid refresh_token").exception();
        }
        if (clientId != null && !clientId.equals(grant.clientId())) {
            throw OAuthError.invalidGrant("invalid refresh_token").exception();
        }
        OAuthClientRegistration client = clients.find(grant.clientId());
        if (client == null) {
            throw OAuthError.unknownClient().exception();
        }
        if (clientSecret != null ? !client.secretMatches(clientSecret) : grant.secretRequired()) {
            throw OAuthError.invalidClientSecret().exception();
        }
        Instant now = clock.now();
        if (Duration.between(grant.lastUsed(), now).compareTo(refreshTokenIdleLifetime) > 0) {
            refreshTokens.remove(refreshToken);
            throw OAuthError.invalidGrant("refresh_token expired").exception();
        }
        Set<String> scopes = narrow(grant.scopes(), scope);
        String next = refreshToken;
        if (rotateRefreshTokens) {
            refreshTokens.remove(refreshToken);
            next = randomToken();
        }
        refreshTokens.put(next, new RefreshGrant(grant.clientId(), grant.scopes(), grant.secretRequired(), now));
        return issueAccess(grant.clientId(), scopes, next);
    }

    /** The grant behind a bearer token; a 401 {@link ApiErrorException} when it is unknown or expired. */
    AccessGrant check(String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        if (grant == null) {
            throw new ApiErrorException(ApiError.invalidToken("The provided token is malformed."));
        }
        if (grant.expiredAt(clock.now())) {
            throw new ApiErrorException(ApiError.invalidToken("The access token expired"));
        }
        return grant;
    }

    boolean isValid(String accessToken) {
        AccessGrant grant = accessTokens.get(accessToken);
        return grant != null && !grant.expiredAt(clock.now());
    }

    /** Ends every access token now; open event streams opened with them close (brief section 2.4). */
    void expireAccessTokens() {
        Instant now = clock.now();
        accessTokens.replaceAll((token, grant) -> new AccessGrant(grant.clientId(), grant.scopes(), now));
        expiryListeners.forEach(Runnable::run);
    }

    /** Invalidates every refresh token, like the BSH-side invalidation of May 2026 (brief section 2.5). */
    void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    boolean revokeRefreshToken(String refreshToken) {
        return refreshTokens.remove(refreshToken) != null;
    }

    void onForcedExpiry(Runnable listener) {
        expiryListeners.add(listener);
    }

    void setAccessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("Access-token lifetime must be positive, got " + lifetime);
        }
        this.accessTokenLifetime = lifetime;
    }

    void setRotateRefreshTokens(boolean rotate) {
        this.rotateRefreshTokens = rotate;
    }

    void setRefreshTokenIdleLifetime(Duration lifetime) {
        this.refreshTokenIdleLifetime = lifetime;
    }

    static Set<String> parseScopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String name : scope.trim().split("[\\s+]+")) {
                if (!name.isEmpty()) {
                    scopes.add(name);
                }
            }
        }
        return scopes;
    }

    private static Set<String> narrow(Set<String> granted, String requested) {
        Set<String> wanted = parseScopes(requested);
        if (wanted.isEmpty()) {
            return granted;
        }
        wanted.retainAll(granted);
        if (wanted.isEmpty()) {
            throw new OAuthError(400, "invalid_scope", "requested scope exceeds the granted scope").exception();
        }
        return wanted;
    }

    private TokenSet issueAccess(String clientId, Set<String> scopes, String refreshToken) {
        Duration lifetime = accessTokenLifetime;
        Instant now = clock.now();
        Instant expiresAt = now.plus(lifetime);
        String accessToken = jwt(clientId, scopes, now, expiresAt);
        accessTokens.put(accessToken, new AccessGrant(clientId, scopes, expiresAt));
        long expiresIn = Math.max(1, (lifetime.toMillis() + 999) / 1000);
        return new TokenSet(accessToken, refreshToken, expiresIn, String.join(" ", scopes));
    }

    /** A signed JWT like the real one, so a client that reads {@code exp} from it is served one. */
    private String jwt(String clientId, Set<String> scopes, Instant issuedAt, Instant expiresAt) {
        var payload = SimulatorJson.object();
        payload.put("iss", issuer);
        payload.put("sub", "simulated-user");
        payload.put("aud", clientId);
        payload.put("iat", issuedAt.getEpochSecond());
        payload.put("exp", expiresAt.getEpochSecond());
        payload.put("scope", String.join(" ", scopes));
        payload.put("jti", randomToken());
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(SimulatorJson.write(payload));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
