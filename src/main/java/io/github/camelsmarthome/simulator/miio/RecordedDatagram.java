package io.github.camelsmarthome.simulator.miio;

import java.net.InetSocketAddress;
import java.util.HexFormat;

/**
 * One datagram the fake gateway sent or received (brief section 8.6), for assertions.
 * {@link #toString()} shows neither bytes nor payload: a scene may carry a token.
 *
 * @param outgoing  true when the gateway sent it
 * @param peer      the other side
 * @param bytes     the datagram as on the wire
 * @param plaintext the decrypted JSON, or null for hellos and packets it could not open
 */
public record RecordedDatagram(boolean outgoing, InetSocketAddress peer, byte[] bytes, String plaintext) {

    /** The datagram in lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "RecordedDatagram[" + (outgoing ? "to " : "from ") + peer + ", " + bytes.length + " bytes]";
    }
}
