package io.github.camelsmarthome.homeconnect.api.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes the de-duplication id of a {@link HomeConnectEvent} from what upstream sent; the
 * recipe is documented on {@link HomeConnectEvent#id()}.
 */
final class EventFingerprint {

    /** 128 bits: collisions are negligible for any realistic number of events. */
    private static final int ID_BYTES = 16;

    private EventFingerprint() {
    }

    static String of(String haId, String type, List<HomeConnectEventItem> items, Instant receivedAt) {
        MessageDigest digest = sha256();
        update(digest, HomeConnectEvent.SYSTEM);
        update(digest, haId);
        update(digest, type);
        if (items.isEmpty()) {
            update(digest, receiptToken(receivedAt));
        }
        for (HomeConnectEventItem item : items) {
            update(digest, item.key());
            update(digest, item.value().toString());
            update(digest, item.timestamp() != null
                    ? "t" + item.timestamp().getEpochSecond() + "." + item.timestamp().getNano()
                    : receiptToken(receivedAt));
        }
        byte[] hash = digest.digest();
        return HexFormat.of().formatHex(hash, 0, ID_BYTES);
    }

    private static String receiptToken(Instant receivedAt) {
        return "r" + receivedAt.toEpochMilli();
    }

    /** Length-prefixed, so that no two different field sequences hash the same bytes. */
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
