package io.github.camelsmarthome.simulator.simplisafe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636 with the S256 method, the only one the tenant accepts (brief section 3.2). */
final class Pkce {

    /** Verifiers and challenges: 43 to 128 unreserved characters. */
    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    static boolean isWellFormed(String value) {
        return value != null && UNRESERVED.matcher(value).matches();
    }

    /** base64url(SHA-256(ASCII(verifier))) without padding. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the verifier belongs to the challenge; compared in constant time. */
    static boolean verifies(String verifier, String challenge) {
        if (!isWellFormed(verifier) || challenge == null) {
            return false;
        }
        return MessageDigest.isEqual(challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
