package io.github.camelsmarthome.simulator.simplisafe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE verifier and its S256 challenge made the way the brief describes (section 3.2 steps 1 to
 * 3), here on the client side of the test, independent of the simulator's own check.
 */
record PkcePair(String verifier, String challenge) {

    static PkcePair create() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new PkcePair(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorize URL simplipy builds: form-encoded, so the scope's spaces are {@code +}. */
    String authorizeUrl(String authUrl) {
        return authUrl + "/authorize?audience=" + enc(MobileAppClient.AUDIENCE)
                + "&auth0Client=eyJ2ZXJzaW9uIjoiMi4zLjIiLCJuYW1lIjoiQXV0aDAuc3dpZnQiLCJlbnYiOnsic3dpZnQiOiI1LngiLCJpT1MiOiIxNi4zIn19"
                + "&client_id=" + MobileAppClient.CLIENT_ID + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&device=iPhone&device_id=3B2F5B0A-8C4D-4E6F-9A1B-2C3D4E5F6A7B"
                + "&redirect_uri=" + enc(MobileAppClient.REDIRECT_URI) + "&response_type=code&scope=" + enc(MobileAppClient.SCOPE);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
