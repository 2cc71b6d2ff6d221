package io.github.camelsmarthome.miio.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed miIO packet: the header fields (unsigned values widened so they never turn negative)
 * and the still encrypted payload.
 *
 * @param length the header's length field, 32 + ciphertext length (0..65535)
 * @param unknown the "unknown" field: 0, or {@code 0xFFFFFFFF} in a hello request
 * @param deviceId the device id (did), unsigned 32-bit
 * @param stamp the stamp, unsigned 32-bit
 * @param checksum the 16 bytes at offset 16: an MD5 checksum, or in a hello reply possibly the
 *     device token (never printed by {@link #toString()})
 * @param ciphertext the AES-CBC ciphertext after the header, empty for hello packets
 */
public record MiioPacket(int length, long unknown, long deviceId, long stamp, byte[] checksum, byte[] ciphertext) {

    /** Size of the header and of every hello-family packet. */
    public static final int HEADER_LENGTH = 32;

    /** Validates ranges and copies the arrays so the record stays immutable. */
    public MiioPacket {
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("length out of range: " + length);
        }
        requireUnsigned32("unknown", unknown);
        requireUnsigned32("deviceId", deviceId);
        requireUnsigned32("stamp", stamp);
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (checksum.length != 16) {
            throw new IllegalArgumentException("checksum must be 16 bytes, got " + checksum.length);
        }
        checksum = checksum.clone();
        ciphertext = ciphertext.clone();
    }

    /** A copy of the 16 bytes at offset 16. */
    @Override
    public byte[] checksum() {
        return checksum.clone();
    }

    /** A copy of the ciphertext. */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Whether this packet has no payload (hello request or hello reply). */
    public boolean isHelloFamily() {
        return length == HEADER_LENGTH;
    }

    /** The device id as the brief prints it: unsigned decimal. */
    public String deviceIdText() {
        return Long.toString(deviceId);
    }

    /**
     * The token an unprovisioned device reveals in its hello reply: the 16 bytes at offset 16 when
     * this is a hello-family packet and they are not all {@code 0xFF} or all {@code 0x00}.
     */
    public Optional<MiioToken> revealedToken() {
        if (!isHelloFamily() || allBytesAre(checksum, (byte) 0xFF) || allBytesAre(checksum, (byte) 0)) {
            return Optional.empty();
        }
        return Optional.of(MiioToken.fromBytes(checksum));
    }

    byte[] rawChecksum() {
        return checksum;
    }

    byte[] rawCiphertext() {
        return ciphertext;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MiioPacket that
                && length == that.length
                && unknown == that.unknown
                && deviceId == that.deviceId
                && stamp == that.stamp
                && Arrays.equals(checksum, that.checksum)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, unknown, deviceId, stamp, Arrays.hashCode(checksum), Arrays.hashCode(ciphertext));
    }

    /** Header values only; the checksum field may hold a token and is never printed. */
    @Override
    public String toString() {
        return "MiioPacket[length=" + length + ", unknown=" + unknown + ", did=" + deviceId + ", stamp=" + stamp
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }

    private static boolean allBytesAre(byte[] bytes, byte value) {
        for (byte b : bytes) {
            if (b != value) {
                return false;
            }
        }
        return true;
    }

    private static void requireUnsigned32(String name, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(name + " must be an unsigned 32-bit value, got " + value);
        }
    }
}
