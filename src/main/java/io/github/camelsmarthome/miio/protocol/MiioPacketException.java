package io.github.camelsmarthome.miio.protocol;

/**
 * A miIO datagram or payload that cannot be accepted. The message describes the defect (sizes,
 * field values of the header) and never contains a token or decrypted payload.
 */
public final class MiioPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the datagram, in the order the receive procedure checks it. */
    public enum Reason {
        /** Shorter than the 32-byte header (includes the empty datagram). */
        TOO_SHORT,
        /** The first two bytes are not {@code 0x2131}. */
        BAD_MAGIC,
        /** The header's length field differs from the datagram's size (truncated or padded). */
        LENGTH_MISMATCH,
        /** A 32-byte hello-family packet where an encrypted message was expected. */
        NO_PAYLOAD,
        /** The ciphertext is not a whole number of 16-byte AES blocks. */
        BAD_CIPHERTEXT_LENGTH,
        /** The MD5 checksum does not match: wrong token or corrupted datagram. */
        BAD_CHECKSUM,
        /** Decryption failed, typically invalid PKCS#7 padding. */
        BAD_PADDING,
        /** The payload or packet exceeds what a 16-bit length field can carry. */
        TOO_LARGE,
        /** The decrypted payload is not valid JSON. */
        NOT_JSON,
        /** The decrypted payload is JSON but not an object. */
        NOT_AN_OBJECT
    }

    private final Reason reason;

    /** Creates an exception; {@code message} must not contain secrets. */
    public MiioPacketException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the datagram was rejected. */
    public Reason reason() {
        return reason;
    }
}
