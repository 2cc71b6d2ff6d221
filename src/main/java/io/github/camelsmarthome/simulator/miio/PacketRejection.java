package io.github.camelsmarthome.simulator.miio;

/** Why the fake gateway dropped a datagram (brief section 4, receive procedure). */
public enum PacketRejection {
    /** Fewer than 32 bytes. */
    TOO_SHORT,
    /** Magic is not {@code 0x2131}. */
    BAD_MAGIC,
    /** The length field differs from the datagram length. */
    LENGTH_MISMATCH,
    /** A 32-byte packet where a message was expected, or a payload not a multiple of 16 bytes. */
    NOT_A_MESSAGE,
    /** The MD5 checksum does not match: wrong token or corruption. */
    BAD_CHECKSUM,
    /** Decryption failed (bad PKCS#7 padding). */
    BAD_PADDING
}
