package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recently acknowledged events by (gateway, message id, method) so that a gateway's
 * retransmission is recognised (brief section 6.7 step 5). Memory is bounded twice: entries older
 * than the window are forgotten, and beyond {@code capacity} the oldest entry goes first.
 *
 * <p>Not thread-safe: the server touches it on its I/O thread only.
 */
final class RetransmissionWindow {

    private record Key(InetAddress gateway, long messageId, String method) {
    }

    private final Duration window;
    private final int capacity;
    // Insertion order is age order because every sighting is re-inserted at the tail.
    private final LinkedHashMap<Key, Instant> seen = new LinkedHashMap<>();

    RetransmissionWindow(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /**
     * Whether this event was remembered within the window. A retransmission refreshes the entry, so a
     * gateway that keeps re-sending one event is never delivered it twice while it keeps trying.
     */
    boolean isRetransmission(InetAddress gateway, long messageId, String method, Instant now) {
        forgetExpired(now);
        Key key = new Key(gateway, messageId, method);
        if (seen.remove(key) == null) {
            return false;
        }
        seen.put(key, now);
        return true;
    }

    /** Remembers an event that was acknowledged and accepted for delivery. */
    void remember(InetAddress gateway, long messageId, String method, Instant now) {
        forgetExpired(now);
        Key key = new Key(gateway, messageId, method);
        seen.remove(key);
        seen.put(key, now);
        while (seen.size() > capacity) {
            Iterator<Key> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether this event was remembered within the window; unlike {@link #isRetransmission}, changes nothing. */
    boolean contains(InetAddress gateway, long messageId, String method, Instant now) {
        Instant seenAt = seen.get(new Key(gateway, messageId, method));
        return seenAt != null && seenAt.isAfter(now.minus(window));
    }

    /** Files what was remembered about a gateway under its new address, keeping the age order. */
    void move(InetAddress from, InetAddress to) {
        LinkedHashMap<Key, Instant> renamed = new LinkedHashMap<>();
        seen.forEach((key, at) -> renamed.put(key.gateway().equals(from)
                ? new Key(to, key.messageId(), key.method()) : key, at));
        seen.clear();
        seen.putAll(renamed);
    }

    /** Forgets everything about one gateway (it was unregistered). */
    void forget(InetAddress gateway) {
        seen.keySet().removeIf(key -> key.gateway().equals(gateway));
    }

    int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        Instant horizon = now.minus(window);
        Iterator<Map.Entry<Key, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().isAfter(horizon)) {
                return;
            }
            entries.remove();
        }
    }
}
