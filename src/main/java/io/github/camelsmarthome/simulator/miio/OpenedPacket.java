package io.github.camelsmarthome.simulator.miio;

import java.util.Arrays;

/**
 * The outcome of opening an encrypted miIO packet: its header and plaintext (trailing
 * {@code 0x00} bytes stripped), or why it was rejected.
 *
 * @param header    the header; null when the datagram was too short or not a miIO packet
 * @param plaintext the decrypted payload; null when rejected
 * @param rejection why it was rejected; null when opened
 */
public record OpenedPacket(PacketHeader header, byte[] plaintext, PacketRejection rejection) {

    /** Whether the packet was authenticated and decrypted. */
    public boolean isOpened() {
        return rejection == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenedPacket that && java.util.Objects.equals(header, that.header)
                && Arrays.equals(plaintext, that.plaintext) && rejection == that.rejection;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(header, rejection) + Arrays.hashCode(plaintext);
    }

    @Override
    public String toString() {
        // The plaintext may carry a scene with a trigger token: never print it.
        return "OpenedPacket[" + header + ", " + (isOpened() ? plaintext.length + " bytes" : rejection) + "]";
    }
}
