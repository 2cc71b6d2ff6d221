package io.github.camelsmarthome.miio.protocol;

import io.github.camelsmarthome.miio.protocol.MiioPacketException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * Encodes and decodes miIO datagrams: the hello request and reply, and encrypted messages
 * (AES-128-CBC with PKCS#7 padding, MD5 checksum over header, token and ciphertext).
 *
 * <p>Decoding follows the brief's receive procedure: size, magic and length field first ({@link
 * #parse(byte[])}), then block alignment, checksum and decryption ({@link #decrypt(MiioPacket,
 * MiioToken)}). Stateless and thread-safe.
 */
public final class MiioPacketCodec {

    /** The magic number that starts every packet. */
    public static final int MAGIC = 0x2131;

    /** Largest packet a 16-bit length field allows. */
    public static final int MAX_PACKET_LENGTH = 0xFFFF;

    private static final int BLOCK = 16;
    private static final long ALL_ONES_32 = 0xFFFFFFFFL;
    private static final byte[] HELLO_REQUEST = helloRequestBytes();
    /**
     * One cipher per thread and transformation, re-initialised for each packet: looking one up
     * ({@code Cipher.getInstance}) walks the security providers and cost about a quarter of the
     * push server's CPU per event (docs/benchmarks.md, issue #8). A cipher is not thread-safe,
     * hence per thread; the push server's I/O thread is a single one.
     */
    private static final ThreadLocal<Map<String, Cipher>> CIPHERS = ThreadLocal.withInitial(HashMap::new);

    private MiioPacketCodec() {
    }

    /** The 32-byte hello request ({@code 21310020} followed by 28 bytes {@code 0xFF}). */
    public static byte[] helloRequest() {
        return HELLO_REQUEST.clone();
    }

    /** Whether the datagram is byte for byte the hello request; nothing else counts as a hello. */
    public static boolean isHelloRequest(byte[] datagram) {
        return Arrays.equals(HELLO_REQUEST, datagram);
    }

    /** A hello reply with 16 zero bytes after the header fields, as the push server sends it. */
    public static byte[] helloReply(long deviceId, long stamp) {
        return helloReply(deviceId, stamp, new byte[BLOCK]);
    }

    /**
     * A hello reply: {@code 2131 0020 00000000 <did> <stamp> <tail>}, where {@code tail} is 16×FF
     * (provisioned device), 16×00, or an unprovisioned device's token.
     */
    public static byte[] helloReply(long deviceId, long stamp, byte[] tail) {
        if (tail.length != BLOCK) {
            throw new IllegalArgumentException("hello reply tail must be 16 bytes, got " + tail.length);
        }
        return header(MiioPacket.HEADER_LENGTH, 0, deviceId, stamp).put(tail).array();
    }

    /**
     * Encrypts {@code plaintext} with {@code token} and wraps it in a packet with unknown = 0.
     *
     * @throws IllegalArgumentException when the packet would exceed 65535 bytes
     */
    public static byte[] encode(long deviceId, long stamp, MiioToken token, byte[] plaintext) {
        int ciphertextLength = (plaintext.length / BLOCK + 1) * BLOCK;
        if (MiioPacket.HEADER_LENGTH + ciphertextLength > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("miIO payload of " + plaintext.length
                    + " bytes does not fit in one packet (at most 65535 bytes with header and padding)");
        }
        return assemble(0, deviceId, stamp, token, crypt(Cipher.ENCRYPT_MODE, "AES/CBC/PKCS5Padding", token, plaintext));
    }

    /**
     * Parses the header and checks what can be checked without a token: at least 32 bytes, magic,
     * length field equal to the datagram's size.
     */
    public static MiioPacket parse(byte[] datagram) throws MiioPacketException {
        if (datagram.length < MiioPacket.HEADER_LENGTH) {
            throw new MiioPacketException(Reason.TOO_SHORT,
                    "miIO datagram of " + datagram.length + " bytes is shorter than the 32-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        int magic = buffer.getShort() & 0xFFFF;
        if (magic != MAGIC) {
            throw new MiioPacketException(Reason.BAD_MAGIC,
                    "miIO datagram starts with 0x" + Integer.toHexString(magic) + " instead of 0x2131");
        }
        int length = buffer.getShort() & 0xFFFF;
        if (length != datagram.length) {
            throw new MiioPacketException(Reason.LENGTH_MISMATCH, "miIO length field says " + length
                    + " bytes but the datagram has " + datagram.length + " (truncated or padded)");
        }
        long unknown = buffer.getInt() & ALL_ONES_32;
        long deviceId = buffer.getInt() & ALL_ONES_32;
        long stamp = buffer.getInt() & ALL_ONES_32;
        byte[] checksum = new byte[BLOCK];
        buffer.get(checksum);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new MiioPacket(length, unknown, deviceId, stamp, checksum, ciphertext);
    }

    /**
     * Verifies the checksum with {@code token} and decrypts the payload. The result is the raw
     * plaintext, possibly with trailing NUL bytes; {@link MiioMessages} reads it as JSON.
     */
    public static byte[] decrypt(MiioPacket packet, MiioToken token) throws MiioPacketException {
        byte[] ciphertext = packet.rawCiphertext();
        if (ciphertext.length == 0) {
            throw new MiioPacketException(Reason.NO_PAYLOAD,
                    "miIO packet of 32 bytes carries no message (hello request or reply)");
        }
        if (ciphertext.length % BLOCK != 0) {
            throw new MiioPacketException(Reason.BAD_CIPHERTEXT_LENGTH, "miIO ciphertext of " + ciphertext.length
                    + " bytes is not a multiple of the 16-byte AES block");
        }
        byte[] expected = checksum(headerStart(packet.length(), packet.unknown(), packet.deviceId(), packet.stamp()),
                token, ciphertext);
        if (!MessageDigest.isEqual(expected, packet.rawChecksum())) {
            throw new MiioPacketException(Reason.BAD_CHECKSUM, "miIO checksum mismatch from did " + packet.deviceId()
                    + ": the sender uses another token, or the datagram was corrupted");
        }
        try {
            return crypt(Cipher.DECRYPT_MODE, "AES/CBC/PKCS5Padding", token, ciphertext);
        } catch (IllegalStateException e) {
            throw new MiioPacketException(Reason.BAD_PADDING, "miIO payload from did " + packet.deviceId()
                    + " does not decrypt (invalid PKCS#7 padding) although its checksum matches");
        }
    }

    /**
     * Whether {@code packet} carries a payload whose checksum {@code token} makes: the cheap test (one
     * MD5, no decryption) of which token sealed a packet from an unknown sender.
     */
    public static boolean isSealedWith(MiioPacket packet, MiioToken token) {
        byte[] ciphertext = packet.rawCiphertext();
        if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
            return false;
        }
        byte[] expected = checksum(headerStart(packet.length(), packet.unknown(), packet.deviceId(), packet.stamp()),
                token, ciphertext);
        return MessageDigest.isEqual(expected, packet.rawChecksum());
    }

    /** {@link #parse(byte[])} then {@link #decrypt(MiioPacket, MiioToken)}. */
    public static byte[] decode(byte[] datagram, MiioToken token) throws MiioPacketException {
        return decrypt(parse(datagram), token);
    }

    /**
     * Builds a packet around an already encrypted {@code ciphertext} and writes the checksum. Tests
     * use it to seal malformed ciphertexts with a valid checksum.
     */
    static byte[] assemble(long unknown, long deviceId, long stamp, MiioToken token, byte[] ciphertext) {
        int length = MiioPacket.HEADER_LENGTH + ciphertext.length;
        ByteBuffer packet = header(length, unknown, deviceId, stamp);
        byte[] headerStart = Arrays.copyOf(packet.array(), BLOCK);
        packet.put(checksum(headerStart, token, ciphertext));
        packet.put(ciphertext);
        return packet.array();
    }

    /** AES-CBC with the token's key and IV; {@code transformation} selects the padding. */
    static byte[] crypt(int mode, String transformation, MiioToken token, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get().computeIfAbsent(transformation, MiioPacketCodec::newCipher);
            cipher.init(mode, token.keySpec(), token.ivSpec());
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // the message of a padding failure says nothing about the key, but keep it out anyway
            throw new IllegalStateException("AES-CBC " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher newCipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC is required by every Java platform: " + transformation, e);
        }
    }

    private static byte[] checksum(byte[] headerStart, MiioToken token, byte[] ciphertext) {
        return MiioToken.md5(headerStart, token.rawBytes(), ciphertext);
    }

    private static byte[] headerStart(int length, long unknown, long deviceId, long stamp) {
        return header(BLOCK, length, unknown, deviceId, stamp).array();
    }

    private static ByteBuffer header(int length, long unknown, long deviceId, long stamp) {
        return header(length, length, unknown, deviceId, stamp);
    }

    private static ByteBuffer header(int capacity, int length, long unknown, long deviceId, long stamp) {
        ByteBuffer buffer = ByteBuffer.allocate(capacity);
        buffer.putShort((short) MAGIC);
        buffer.putShort((short) length);
        buffer.putInt((int) (unknown & ALL_ONES_32));
        buffer.putInt((int) (deviceId & ALL_ONES_32));
        buffer.putInt((int) (stamp & ALL_ONES_32));
        return buffer;
    }

    private static byte[] helloRequestBytes() {
        byte[] hello = new byte[MiioPacket.HEADER_LENGTH];
        Arrays.fill(hello, (byte) 0xFF);
        hello[0] = 0x21;
        hello[1] = 0x31;
        hello[2] = 0x00;
        hello[3] = 0x20;
        return hello;
    }
}
