package io.github.camelsmarthome.miio.protocol;

import java.util.HexFormat;
import javax.crypto.Cipher;

/**
 * The encrypted target token of a scene action ("token_enc"): the target device's token encrypted
 * under the gateway's token as one AES-CBC block without padding (identical to the first block of
 * a padded encryption, since CBC's first block depends only on the first plaintext block).
 *
 * <p>The push server's fake device uses the gateway token as its own, so the usual value is
 * {@link #forGateway(MiioToken)}: the gateway token encrypted with itself. The result is a secret
 * in all but name (the gateway token can be recovered from it with the gateway token only, but it
 * still identifies it); do not log it.
 */
public final class SceneTargetToken {

    private SceneTargetToken() {
    }

    /** token_enc of the gateway token under itself, 32 lower-case hex characters. */
    public static String forGateway(MiioToken gatewayToken) {
        return encrypt(gatewayToken, gatewayToken);
    }

    /** token_enc of {@code targetToken} as {@code gatewayToken}'s gateway will decrypt it. */
    public static String encrypt(MiioToken gatewayToken, MiioToken targetToken) {
        byte[] block = MiioPacketCodec.crypt(Cipher.ENCRYPT_MODE, "AES/CBC/NoPadding", gatewayToken,
                targetToken.rawBytes());
        return HexFormat.of().formatHex(block);
    }

    /**
     * Recovers the target token from a token_enc value, as a gateway does (used by the fake gateway).
     *
     * @throws IllegalArgumentException when {@code tokenEnc} is not 32 hex characters
     */
    public static MiioToken decrypt(MiioToken gatewayToken, String tokenEnc) {
        byte[] block = MiioToken.fromHex(tokenEnc).rawBytes();
        return MiioToken.fromBytes(
                MiioPacketCodec.crypt(Cipher.DECRYPT_MODE, "AES/CBC/NoPadding", gatewayToken, block));
    }
}
