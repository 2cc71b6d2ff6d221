package io.github.camelsmarthome.simulator.miio;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fake gateway's own miIO packet format (brief section 3): the hello request and reply, and
 * sealing/opening of encrypted packets. Independent of the client's codec on purpose, so both
 * are checked against the brief's vectors and not against each other.
 */
public final class PacketCodec {

    /** Header length; also the whole length of hello packets. */
    public static final int HEADER_LENGTH = 32;
    /** Largest packet the 16-bit length field allows. */
    public static final int MAX_LENGTH = 0xFFFF;

    private static final int MAGIC = 0x2131;
    private static final byte[] HELLO = helloRequestBytes();

    private PacketCodec() {
    }

    /** The 32-byte hello request (section 3.1). */
    public static byte[] helloRequest() {
        return HELLO.clone();
    }

    /** Whether a datagram is exactly the hello request, byte for byte (pitfall 12). */
    public static boolean isHelloRequest(byte[] datagram) {
        return Arrays.equals(HELLO, datagram);
    }

    /** A hello reply (section 3.2): unknown 0, did, stamp and 16 trailing bytes (token, or 0xFF/0x00 filler). */
    public static byte[] helloReply(long did, long stamp, byte[] trailer) {
        if (trailer.length != 16) {
            throw new IllegalArgumentException("the hello reply ends with 16 bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH);
        writeHeader(buffer, HEADER_LENGTH, 0, did, stamp);
        buffer.put(trailer);
        return buffer.array();
    }

    /** The header of any miIO datagram, or empty when it is too short, has the wrong magic or a wrong length field. */
    public static Optional<PacketHeader> header(byte[] datagram) {
        return check(datagram) == null ? Optional.of(readHeader(datagram)) : Optional.empty();
    }

    /** Seals a payload: encrypt, header with length, then the checksum over header, token and ciphertext. */
    public static byte[] seal(TokenCipher cipher, long did, long stamp, byte[] plaintext) {
        byte[] ciphertext = cipher.encrypt(plaintext);
        int length = HEADER_LENGTH + ciphertext.length;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a miIO packet holds at most " + MAX_LENGTH + " bytes, this one needs " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        writeHeader(buffer, length, 0, did, stamp);
        buffer.put(checksum(Arrays.copyOf(buffer.array(), 16), cipher.token(), ciphertext));
        buffer.put(ciphertext);
        return buffer.array();
    }

    /** Checks and decrypts an encrypted packet in the order of brief section 4; trailing 0x00 bytes are stripped. */
    public static OpenedPacket open(TokenCipher cipher, byte[] datagram) {
        PacketRejection malformed = check(datagram);
        if (malformed != null) {
            return new OpenedPacket(null, null, malformed);
        }
        PacketHeader header = readHeader(datagram);
        int payloadLength = datagram.length - HEADER_LENGTH;
        if (payloadLength == 0 || payloadLength % 16 != 0) {
            return new OpenedPacket(header, null, PacketRejection.NOT_A_MESSAGE);
        }
        byte[] ciphertext = Arrays.copyOfRange(datagram, HEADER_LENGTH, datagram.length);
        byte[] expected = checksum(Arrays.copyOf(datagram, 16), cipher.token(), ciphertext);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(datagram, 16, HEADER_LENGTH))) {
            return new OpenedPacket(header, null, PacketRejection.BAD_CHECKSUM);
        }
        Optional<byte[]> plaintext = cipher.decrypt(ciphertext);
        return plaintext.map(bytes -> new OpenedPacket(header, stripTrailingZeros(bytes), null))
                .orElseGet(() -> new OpenedPacket(header, null, PacketRejection.BAD_PADDING));
    }

    private static PacketRejection check(byte[] datagram) {
        if (datagram.length < HEADER_LENGTH) {
            return PacketRejection.TOO_SHORT;
        }
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        if ((buffer.getShort(0) & 0xFFFF) != MAGIC) {
            return PacketRejection.BAD_MAGIC;
        }
        if ((buffer.getShort(2) & 0xFFFF) != datagram.length) {
            return PacketRejection.LENGTH_MISMATCH;
        }
        return null;
    }

    private static PacketHeader readHeader(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        return new PacketHeader(buffer.getShort(2) & 0xFFFF, buffer.getInt(4) & 0xFFFFFFFFL, buffer.getInt(8) & 0xFFFFFFFFL,
                buffer.getInt(12) & 0xFFFFFFFFL);
    }

    private static void writeHeader(ByteBuffer buffer, int length, long unknown, long did, long stamp) {
        buffer.putShort((short) MAGIC).putShort((short) length).putInt((int) unknown).putInt((int) did).putInt((int) stamp);
    }

    private static byte[] checksum(byte[] headerStart, byte[] token, byte[] ciphertext) {
        return TokenCipher.md5(headerStart, token, ciphertext);
    }

    private static byte[] stripTrailingZeros(byte[] plaintext) {
        int end = plaintext.length;
        while (end > 0 && plaintext[end - 1] == 0) {
            end--;
        }
        return end == plaintext.length ? plaintext : Arrays.copyOf(plaintext, end);
    }

    private static byte[] helloRequestBytes() {
        byte[] hello = new byte[HEADER_LENGTH];
        Arrays.fill(hello, (byte) 0xFF);
        ByteBuffer.wrap(hello).putShort((short) MAGIC).putShort((short) HEADER_LENGTH);
        return hello;
    }
}
