package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.PushDatagram.AckWithoutEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Drop;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DropReason;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DuplicateEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Event;
import io.github.camelsmarthome.miio.protocol.PushDatagram.HelloRequest;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Decides what the push server does with each datagram on its UDP 54321 socket, implementing the
 * brief's datagram handling table (section 6.10) row by row; see {@link PushDatagram} for the
 * outcomes. The caller only switches on the result: send the reply if there is one, emit the event
 * if there is one, log and count a drop.
 *
 * <p>Stateful only for de-duplication: an event (gateway IP, id) seen within the window is
 * answered as {@link DuplicateEvent}. Counts every outcome. Thread-safe; cheap enough to run on the
 * receive loop (one MD5 and one AES decryption per event).
 */
public final class PushDatagramClassifier {

    /** python-miio's fake device id, {@code 120009025} ({@code 0x07273141}). */
    public static final long DEFAULT_DEVICE_ID = 120009025L;

    /** How long an event id is remembered for de-duplication by default. */
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(5);

    private static final int MAX_REMEMBERED_EVENTS = 10_000;

    private final long deviceId;
    private final Clock clock;
    private final Duration dedupWindow;
    private final LinkedHashMap<EventKey, Instant> recentEvents = new LinkedHashMap<>();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final LongAdder hellos = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder acksWithoutEvent = new LongAdder();

    /**
     * @param deviceId the fake device id put into hello replies and acks (unsigned 32-bit)
     * @param clock source of the stamps (Unix seconds) and of the de-duplication window
     * @param dedupWindow how long an acknowledged (gateway IP, id) is not delivered again; zero
     *     disables de-duplication
     */
    public PushDatagramClassifier(long deviceId, Clock clock, Duration dedupWindow) {
        if (deviceId < 0 || deviceId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("fake device id must be an unsigned 32-bit value, got " + deviceId);
        }
        this.deviceId = deviceId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
    }

    /**
     * Classifies one datagram.
     *
     * @param source the datagram's source IP (gateways are identified by IP only)
     * @param datagram the datagram's bytes
     * @param tokenLookup the token of the gateway registered at an IP, empty when none is
     */
    public PushDatagram classify(InetAddress source, byte[] datagram,
            Function<InetAddress, Optional<MiioToken>> tokenLookup) {
        PushDatagram outcome = decide(source, datagram, tokenLookup);
        count(outcome);
        return outcome;
    }

    private PushDatagram decide(InetAddress source, byte[] datagram,
            Function<InetAddress, Optional<MiioToken>> tokenLookup) {
        if (MiioPacketCodec.isHelloRequest(datagram)) {
            return new HelloRequest(MiioPacketCodec.helloReply(deviceId, stamp()));
        }
        MiioPacket packet;
        try {
            packet = MiioPacketCodec.parse(datagram);
        } catch (MiioPacketException e) {
            return drop(e);
        }
        if (packet.isHelloFamily()) {
            return new Drop(DropReason.NOT_A_HELLO_REQUEST,
                    "ignored a 32-byte miIO packet that is not the hello request (did " + packet.deviceId() + ")");
        }
        Optional<MiioToken> token = tokenLookup.apply(source);
        if (token.isEmpty()) {
            return new Drop(DropReason.UNKNOWN_SENDER, "dropped a " + datagram.length
                    + "-byte miIO message: no gateway is registered for this address");
        }
        ObjectNode message;
        try {
            message = MiioMessages.read(MiioPacketCodec.decrypt(packet, token.get()));
        } catch (MiioPacketException e) {
            return drop(e);
        }
        JsonNode idNode = message.get("id");
        if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong()) {
            return new Drop(DropReason.MISSING_ID, "dropped a miIO message without an integer id (method "
                    + methodForLog(message) + "): nothing to acknowledge");
        }
        long id = idNode.longValue();
        byte[] ack = MiioPacketCodec.encode(deviceId, stamp(), token.get(), MiioMessages.writeAck(id));
        JsonNode methodNode = message.get("method");
        String method = methodNode != null && methodNode.isTextual() ? methodNode.textValue() : null;
        int colon = method == null ? -1 : method.lastIndexOf(':');
        if (colon <= 0 || colon == method.length() - 1) {
            return new AckWithoutEvent(id, method, ack);
        }
        if (seenBefore(new EventKey(source, id))) {
            return new DuplicateEvent(id, method, ack);
        }
        JsonNode params = message.has("params") ? message.get("params") : NullNode.getInstance();
        return new Event(id, method, method.substring(0, colon), method.substring(colon + 1).replace('_', '.'),
                params, message, ack);
    }

    /** How many datagrams were dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return drops.get(reason).sum();
    }

    /** How many datagrams were dropped for any reason. */
    public long droppedTotal() {
        return drops.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** How many hello requests were answered. */
    public long hellos() {
        return hellos.sum();
    }

    /** How many events were classified for delivery (duplicates excluded). */
    public long events() {
        return events.sum();
    }

    /** How many duplicates of acknowledged events were acknowledged again and not delivered. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** How many messages were acknowledged without an event (method without {@code ':'}). */
    public long acksWithoutEvent() {
        return acksWithoutEvent.sum();
    }

    private void count(PushDatagram outcome) {
        // Java 17: no pattern switch yet
        if (outcome instanceof HelloRequest) {
            hellos.increment();
        } else if (outcome instanceof Event) {
            events.increment();
        } else if (outcome instanceof DuplicateEvent) {
            duplicates.increment();
        } else if (outcome instanceof AckWithoutEvent) {
            acksWithoutEvent.increment();
        } else if (outcome instanceof Drop drop) {
            drops.get(drop.reason()).increment();
        }
    }

    private synchronized boolean seenBefore(EventKey key) {
        if (dedupWindow.isZero()) {
            return false;
        }
        Instant now = clock.instant();
        Instant oldestKept = now.minus(dedupWindow);
        for (Iterator<Instant> it = recentEvents.values().iterator(); it.hasNext(); ) {
            Instant seen = it.next();
            if (!seen.isBefore(oldestKept) && recentEvents.size() < MAX_REMEMBERED_EVENTS) {
                break;
            }
            it.remove();
        }
        return recentEvents.putIfAbsent(key, now) != null;
    }

    private long stamp() {
        return clock.instant().getEpochSecond() & 0xFFFFFFFFL;
    }

    private static Drop drop(MiioPacketException e) {
        DropReason reason = switch (e.reason()) {
            case TOO_SHORT -> DropReason.TOO_SHORT;
            case BAD_MAGIC -> DropReason.BAD_MAGIC;
            case LENGTH_MISMATCH -> DropReason.LENGTH_MISMATCH;
            case NO_PAYLOAD -> DropReason.NOT_A_HELLO_REQUEST;
            case BAD_CIPHERTEXT_LENGTH -> DropReason.BAD_CIPHERTEXT_LENGTH;
            case BAD_CHECKSUM -> DropReason.BAD_CHECKSUM;
            case BAD_PADDING -> DropReason.BAD_PADDING;
            case TOO_LARGE, NOT_JSON, NOT_AN_OBJECT -> DropReason.NOT_JSON;
        };
        return new Drop(reason, "dropped a miIO datagram: " + e.getMessage());
    }

    private static String methodForLog(ObjectNode message) {
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual()) {
            return "absent";
        }
        String text = method.textValue();
        return text.length() <= 64 ? "'" + text + "'" : "'" + text.substring(0, 64) + "…'";
    }

    private record EventKey(InetAddress gateway, long id) {
    }
}
