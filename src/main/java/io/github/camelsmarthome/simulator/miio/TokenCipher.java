package io.github.camelsmarthome.simulator.miio;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fake gateway's own miIO crypto for one 16-byte token (brief section 4): key = MD5(token),
 * IV = MD5(key || token), AES-128-CBC with PKCS#7 padding, and the single-block "token_enc" of
 * section 4.1. Written from the brief alone, independently of {@code miio/protocol}.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class TokenCipher {

    private static final int TOKEN_LENGTH = 16;

    private final byte[] token;
    private final byte[] key;
    private final byte[] iv;

    private TokenCipher(byte[] token) {
        this.token = token.clone();
        this.key = md5(this.token);
        this.iv = md5(concat(key, this.token));
    }

    /** A cipher for a 16-byte token. */
    public static TokenCipher of(byte[] token) {
        if (token == null || token.length != TOKEN_LENGTH) {
            throw new IllegalArgumentException("A miIO token has 16 bytes (32 hex characters)");
        }
        return new TokenCipher(token);
    }

    /** A cipher for a token written as 32 hex characters; the message never repeats the value. */
    public static TokenCipher ofHex(String hex) {
        if (hex == null || hex.length() != 2 * TOKEN_LENGTH) {
            throw new IllegalArgumentException("A miIO token has 32 hex characters");
        }
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A miIO token has 32 hex characters (0-9, a-f)");
        }
    }

    /** A copy of the token bytes. */
    public byte[] token() {
        return token.clone();
    }

    /** MD5 of the token: the AES key. */
    public byte[] key() {
        return key.clone();
    }

    /** MD5 of key and token: the constant CBC initialisation vector. */
    public byte[] iv() {
        return iv.clone();
    }

    /** AES-CBC with PKCS#7 padding: a multiple of 16 bytes, a full extra block when already aligned. */
    public byte[] encrypt(byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, "AES/CBC/PKCS5Padding").doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC is not available in this JVM", e);
        }
    }

    /** The plaintext, or empty when the length or the padding is wrong (wrong token or corruption). */
    public Optional<byte[]> decrypt(byte[] ciphertext) {
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, "AES/CBC/PKCS5Padding").doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Section 4.1: this token encrypted under itself, one CBC block without padding, as 32 hex characters. */
    public String encryptedTokenHex() {
        return HexFormat.of().formatHex(encryptBlock(token));
    }

    /**
     * Section 4.1 backwards: the scene's ACTION.token decrypted with this token (one block, no
     * padding); empty when it is not 32 hex characters.
     */
    public Optional<byte[]> decryptTargetToken(String encryptedHex) {
        if (encryptedHex == null || encryptedHex.length() != 2 * TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] block = HexFormat.of().parseHex(encryptedHex);
            return Optional.of(cipher(Cipher.DECRYPT_MODE, "AES/CBC/NoPadding").doFinal(block));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** MD5 over the concatenation of the parts. */
    public static byte[] md5(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    private byte[] encryptBlock(byte[] block) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, "AES/CBC/NoPadding").doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC is not available in this JVM", e);
        }
    }

    private Cipher cipher(int mode, String transformation) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    @Override
    public String toString() {
        return "TokenCipher[token hidden]";
    }
}
