package io.github.camelsmarthome.simplisafe.api.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash that stands in for {@link SimplisafeEvent#id()} when an event has no upstream
 * {@code eventId}; the recipe is documented there.
 */
final class EventFingerprint {

    /** 128 bits: collisions are negligible for any realistic number of events. */
    private static final int ID_BYTES = 16;

    private EventFingerprint() {
    }

    static String of(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            update(digest, part == null ? "" : part);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, ID_BYTES);
    }

    /** Length-prefixed, so that no two different part sequences hash the same bytes. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
