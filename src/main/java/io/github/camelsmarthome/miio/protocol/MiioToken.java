package io.github.camelsmarthome.miio.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 16-byte miIO device token with its precomputed AES key ({@code MD5(token)}) and IV
 * ({@code MD5(key || token)}).
 *
 * <p>The token is a secret: {@link #toString()} is redacted and parse errors never echo the input.
 * Only {@link #hex()} reveals it, for the few places that must send it (a scene's trigger token).
 */
public final class MiioToken {

    /** Number of bytes of a token. */
    public static final int LENGTH = 16;

    // One digest per thread, declared before ZERO, whose construction uses it. Looking one up per
    // checksum walks the security providers (issue #8, docs/benchmarks.md).
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(MiioToken::newMd5);
    private static final MiioToken ZERO = new MiioToken(new byte[LENGTH]);

    private final byte[] token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    private MiioToken(byte[] token) {
        this.token = token;
        byte[] keyBytes = md5(token);
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(md5(keyBytes, token));
    }

    /**
     * Parses a token from its 32 hexadecimal characters (either case).
     *
     * @throws IllegalArgumentException naming what is wrong (length, position of a bad character),
     *     never the value itself
     */
    public static MiioToken fromHex(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("miIO token is missing: expected 32 hexadecimal characters");
        }
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("miIO token must be 32 hexadecimal characters, got "
                    + hex.length() + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(
                        "miIO token must be 32 hexadecimal characters; character " + (i + 1) + " is not hexadecimal");
            }
        }
        return new MiioToken(HexFormat.of().parseHex(hex));
    }

    /**
     * Wraps 16 raw token bytes (copied).
     *
     * @throws IllegalArgumentException when the array is not 16 bytes long
     */
    public static MiioToken fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("miIO token must be 16 bytes, got "
                    + (bytes == null ? "none" : bytes.length + " bytes"));
        }
        return new MiioToken(bytes.clone());
    }

    /** The all-zero token, used by the push server for senders it does not know. */
    public static MiioToken zero() {
        return ZERO;
    }

    /** Whether this is the all-zero token. */
    public boolean isZero() {
        return MessageDigest.isEqual(token, ZERO.token);
    }

    /** A copy of the 16 token bytes. */
    public byte[] bytes() {
        return token.clone();
    }

    /** The token as 32 lower-case hex characters. A secret: only for values that must be sent. */
    public String hex() {
        return HexFormat.of().formatHex(token);
    }

    /** A copy of the AES key, {@code MD5(token)}. */
    public byte[] key() {
        return key.getEncoded();
    }

    /** A copy of the AES IV, {@code MD5(key || token)}. */
    public byte[] iv() {
        return iv.getIV();
    }

    SecretKeySpec keySpec() {
        return key;
    }

    IvParameterSpec ivSpec() {
        return iv;
    }

    byte[] rawBytes() {
        return token;
    }

    @Override
    public boolean equals(Object other) {
        // constant time, so equality checks do not leak how many leading bytes matched
        return other instanceof MiioToken that && MessageDigest.isEqual(token, that.token);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(token);
    }

    /** Redacted: a token never appears in logs or messages. */
    @Override
    public String toString() {
        return "MiioToken[redacted]";
    }

    static byte[] md5(byte[]... parts) {
        MessageDigest digest = MD5.get();
        // digest() resets it for the next caller on this thread; so does reset() after a failed update.
        digest.reset();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }
}
