package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs tokens as RS256 JWTs with a {@code kid} header, the format seen in issue logs (brief
 * section 3.3), so a client that peeks at {@code exp} or the uid claim is served a real JWT even
 * though it should treat the token as opaque.
 */
final class JwtSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    /** One key per JVM: generating RSA keys costs tens of milliseconds, and tests start many simulators. */
    private static final class Key {
        static final KeyPair PAIR = generate();
        static final String KID = kidOf(PAIR);

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is part of every Java runtime", e);
            }
        }

        private static String kidOf(KeyPair pair) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
                return HexFormat.of().formatHex(digest, 0, 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    static String sign(ObjectNode claims) {
        ObjectNode header = SimpliSafeJson.object();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", Key.KID);
        String signingInput = encode(SimpliSafeJson.write(header)) + "." + encode(SimpliSafeJson.write(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(Key.PAIR.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every Java runtime", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
