package io.github.camelsmarthome.simulator.homeconnect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes of the authorization-code flow (brief section 2.2): single use, bound to client and
 * redirect URI, optionally to a PKCE challenge, valid for ten minutes by default.
 */
final class AuthorizationCodes {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SimulationClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Duration lifetime;

    private record IssuedCode(String clientId, String redirectUri, Set<String> scopes, String challenge, String method,
            Instant expiresAt) {
    }

    /** A redeemed code: whom to issue tokens to. */
    record Redeemed(String clientId, Set<String> scopes) {
    }

    AuthorizationCodes(SimulationClock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(String clientId, String redirectUri, Set<String> scopes, String challenge, String method) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = BASE64URL.encodeToString(bytes);
        codes.put(code, new IssuedCode(clientId, redirectUri, scopes, challenge, method, clock.now().plus(lifetime)));
        return code;
    }

    Redeemed redeem(String code, String clientId, String redirectUri, String verifier) {
        if (redirectUri == null || redirectUri.isEmpty()) {
            throw OAuthError.invalidRequest("missing or invalid request parameters").exception();
        }
        // Single use: removed before any check, so a failed exchange cannot be retried either.
        IssuedCode issued = code == null ? null : codes.remove(code);
        if (issued == null || !clock.now().isBefore(issued.expiresAt())) {
            throw OAuthError.invalidGrant("invalid authorization code").exception();
        }
        if (!issued.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("authorization code was issued to another client").exception();
        }
        if (!issued.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidRequest("missing or invalid request parameters").exception();
        }
        if (issued.challenge() != null && !pkceMatches(issued.challenge(), issued.method(), verifier)) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge").exception();
        }
        return new Redeemed(issued.clientId(), issued.scopes());
    }

    private static boolean pkceMatches(String challenge, String method, String verifier) {
        if (verifier == null) {
            return false;
        }
        if ("S256".equals(method)) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return MessageDigest.isEqual(BASE64URL.encodeToString(digest).getBytes(StandardCharsets.US_ASCII),
                        challenge.getBytes(StandardCharsets.US_ASCII));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
        return challenge.equals(verifier);
    }
}
