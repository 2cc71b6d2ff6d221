package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a registered gateway that sends from a new address (a new DHCP lease): its scenes
 * still point to the push server, so its events arrive from an address no gateway is registered
 * for. Only the gateway's token makes a checksum that verifies, so an encrypted datagram from an
 * unregistered address is tried against the registered tokens.
 *
 * <p>The cost is bounded because the sender chooses the volume: at most {@code maxTokens} MD5
 * checksums per datagram, and at most one check per sender address per {@code interval}; the
 * addresses remembered for that are bounded too, the oldest forgotten first.
 *
 * <p>Not thread-safe: the push server calls it on its I/O thread only.
 */
final class GatewayMoveCheck {

    /** What a check found: the datagram was sealed with the token of the gateway registered at {@code from}. */
    record Match(InetAddress from, GatewayRegistration registration, Long messageId, String method) {
    }

    /** Why a datagram from an unregistered address was not recognised as a moved gateway. */
    enum Outcome {
        /** Not an encrypted request: a hello, a truncated or malformed packet; the classifier judges it. */
        NOT_APPLICABLE,
        /** The sender was checked less than the interval ago. */
        SKIPPED,
        /** Tried, and no registered token verifies it. */
        NO_MATCH
    }

    private static final int REMEMBERED_SENDERS = 1024;

    private final int maxTokens;
    private final Duration interval;
    private final LinkedHashMap<InetAddress, Instant> lastChecked = new LinkedHashMap<>();
    private Outcome lastOutcome = Outcome.NOT_APPLICABLE;

    GatewayMoveCheck(int maxTokens, Duration interval) {
        this.maxTokens = maxTokens;
        this.interval = interval;
    }

    /**
     * Checks a datagram from {@code source}, an address no gateway is registered at.
     *
     * @return the gateway whose token sealed it, or empty ({@link #lastOutcome()} says why)
     */
    Optional<Match> find(InetAddress source, byte[] datagram, Map<InetAddress, GatewayRegistration> registrations,
            Instant now) {
        lastOutcome = Outcome.NOT_APPLICABLE;
        if (maxTokens == 0 || registrations.isEmpty() || MiioPacketCodec.isHelloRequest(datagram)) {
            return Optional.empty();
        }
        MiioPacket packet;
        try {
            packet = MiioPacketCodec.parse(datagram);
        } catch (MiioPacketException e) {
            return Optional.empty();
        }
        if (packet.isHelloFamily()) {
            return Optional.empty();
        }
        if (!mayCheck(source, now)) {
            lastOutcome = Outcome.SKIPPED;
            return Optional.empty();
        }
        lastOutcome = Outcome.NO_MATCH;
        int tried = 0;
        for (Map.Entry<InetAddress, GatewayRegistration> entry : registrations.entrySet()) {
            if (tried++ == maxTokens) {
                break;
            }
            MiioToken token = entry.getValue().token();
            if (MiioPacketCodec.isSealedWith(packet, token)) {
                return Optional.of(match(entry.getKey(), entry.getValue(), packet, token));
            }
        }
        return Optional.empty();
    }

    /** Why the last {@link #find} found nothing. */
    Outcome lastOutcome() {
        return lastOutcome;
    }

    private boolean mayCheck(InetAddress source, Instant now) {
        Instant last = lastChecked.get(source);
        if (last != null && now.isBefore(last.plus(interval))) {
            return false;
        }
        lastChecked.remove(source);
        lastChecked.put(source, now);
        Iterator<InetAddress> oldest = lastChecked.keySet().iterator();
        while (lastChecked.size() > REMEMBERED_SENDERS) {
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private static Match match(InetAddress from, GatewayRegistration registration, MiioPacket packet,
            MiioToken token) {
        // The id and method let the server tell a replayed old event from the gateway's new one.
        try {
            ObjectNode message = MiioMessages.read(MiioPacketCodec.decrypt(packet, token));
            JsonNode id = message.get("id");
            JsonNode method = message.get("method");
            return new Match(from, registration,
                    id != null && id.isIntegralNumber() && id.canConvertToLong() ? id.longValue() : null,
                    method != null && method.isTextual() ? method.textValue() : null);
        } catch (MiioPacketException e) {
            return new Match(from, registration, null, null);
        }
    }
}
