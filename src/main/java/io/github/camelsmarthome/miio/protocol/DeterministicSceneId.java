package io.github.camelsmarthome.miio.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Scene ids that depend only on (gateway, device, action), so a restart re-sends the same ids and
 * the gateway replaces its scenes instead of collecting duplicates (brief 11.5).
 *
 * <p>Recipe: SHA-256 over the UTF-8 parts {@code x.scene}, gateway key, sid and action, each
 * preceded by its byte length as a 4-byte big-endian integer; the first 8 bytes as an unsigned
 * number, modulo 9,000,000,000, plus 1,000,000,000; written as {@code x.scene.<10 digits>} like
 * the app's ids (brief 6.4). The range never meets python-miio's ids ({@code x.scene.1000001}
 * upwards, 7 digits), so scenes left by it are not overwritten by accident.
 *
 * <p>Collisions: two different subscriptions get the same id with a chance of about
 * n²/18,000,000,000 for n subscriptions on one gateway (under 10⁻⁵ for 400). Within one
 * configuration {@link SubscriptionPlan} detects it and refuses to start; a collision with a scene
 * made by the app cannot be detected (the gateway cannot list scenes), and would overwrite it.
 *
 * <p>The gateway key should be what stays the same across restarts: the gateway's did when known,
 * else its host. Changing it (a new IP with the host as key) orphans the old scenes on the gateway.
 */
public final class DeterministicSceneId {

    /** The prefix of every scene id. */
    public static final String PREFIX = "x.scene.";

    private static final long RANGE = 9_000_000_000L;
    private static final long LOWEST = 1_000_000_000L;
    private static final Pattern SCENE_ID = Pattern.compile("x\\.scene\\.[0-9]{1,19}");

    private DeterministicSceneId() {
    }

    /**
     * The id of the scene for this gateway, device and action.
     *
     * @param gatewayKey the gateway's did or host
     * @param sid the source device
     * @param action the action label
     */
    public static String of(String gatewayKey, String sid, String action) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : new String[] {"x.scene", Objects.requireNonNull(gatewayKey, "gatewayKey"),
            Objects.requireNonNull(sid, "sid"), Objects.requireNonNull(action, "action")}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        long number = ByteBuffer.wrap(sha256.digest()).getLong() & Long.MAX_VALUE;
        return PREFIX + (LOWEST + Long.remainderUnsigned(number, RANGE));
    }

    /** Whether a text has the shape {@code x.scene.<digits>} of a scene id. */
    public static boolean isSceneId(String text) {
        return text != null && SCENE_ID.matcher(text).matches();
    }
}
