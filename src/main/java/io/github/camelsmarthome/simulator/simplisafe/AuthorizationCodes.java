package io.github.camelsmarthome.simulator.simplisafe;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes (brief section 3.2 step 4): 45 characters, single use, short-lived, each
 * bound to the PKCE challenge of the authorize request it answers.
 */
final class AuthorizationCodes {

    /** HA's config flow accepts exactly this length. */
    static final int CODE_LENGTH = 45;

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /** What a code was issued for. */
    record CodeGrant(String codeChallenge, String scope, Instant expiresAt) {
    }

    private final SimulatedTime time;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

    AuthorizationCodes(SimulatedTime time, Duration lifetime) {
        this.time = time;
        this.lifetime = lifetime;
    }

    String issue(String codeChallenge, String scope) {
        dropExpired();
        String code;
        do {
            code = randomCode();
        } while (codes.putIfAbsent(code, new CodeGrant(codeChallenge, scope, time.now().plus(lifetime))) != null);
        return code;
    }

    /**
     * Takes the code out, whatever happens next: a code is spent by its first exchange, even one
     * with the wrong verifier, so a client cannot probe verifiers against one code. {@code null}
     * when unknown, spent or expired.
     */
    CodeGrant redeem(String code) {
        CodeGrant grant = code == null ? null : codes.remove(code);
        if (grant == null || !time.now().isBefore(grant.expiresAt())) {
            return null;
        }
        return grant;
    }

    private void dropExpired() {
        Instant now = time.now();
        codes.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
