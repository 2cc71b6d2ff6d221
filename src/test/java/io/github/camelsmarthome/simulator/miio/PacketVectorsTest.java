package io.github.camelsmarthome.simulator.miio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The fake gateway's own codec against the vectors of {@code protocols/miio-push.md} section 10. */
class PacketVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final TokenCipher GATEWAY = TokenCipher.ofHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    static final String V06 = "2131005000000000075bcd15000003ea3cf740f9ae2c5545a35dd19e1a073ba1998856ac518d53ae0b8bf65f9a708cad9eb754a66c"
            + "7c540176f334523026a73f91cc7fd5589eeade0d73f6973f6fb1ec";
    static final String V07 = "2131005000000000075bcd15000003eab3ce36d5b4ef8e3a0025a9da4a7b6f22ba828855df36a66a1bd2a03b910b46fabb0c6ec3"
            + "c4bb510ae7521cc26df7f0cd275253ee0e9c7ebf60bf07de3926a7ad";
    static final String V11 = "213100800000000007273141000003ea216b6d6aa8c2182720777143be2e1442bc8064e8d7b14969c4d0e24b640175c7e0606a70"
            + "8c4f8608c418f0a36e8fe98d593fe01348ba136982426744cf759851b2ddd4ad6af3ac8441184bebfab5111e43f643967742b7122b5d5f2f6893f93e"
            + "e946a937974b30dd2ade971212a447e4";
    static final String V12 = "2131004000000000072731416553f101651e95adda29b9ded72fcb67ec913006a0be96ca73ab54f042ec9a15ed471bbba27beef9"
            + "075cde352d0fc128a3cd1099";
    static final String V13 = "213100800000000007273141000003eb5369c57f409bccb99cfc1661f41e678b0e75bbe8f5f18d1242bf9dc3ab9964c0500bf4b1"
            + "fa3eaf56e900fa64b9ae8e1056e379d4f1fb28d48ce52d3240ae45b5d956fd0598e1ca9b63071d20afef81a8c0ce4bddc7fd08711643e867fb803ae29"
            + "cdac3cfec9a2b30d3e06c84a9c88c43";
    static final String V09 = "2131004000000000075bcd15000003e974f1435f2752d9e2196adcffacf99fb6ed9d897cd825f79f883423fb30b3d6a145f3604d"
            + "5280a11fcd5d51cbb3483dd0";
    static final String V17 = "2131004000000000075bcd1500000005b21072add412948b50fd2dd42126af11c784ba8c3f033a09b5cf36f4a3751df9f08ff3eb"
            + "116b4bd18ac1fa13f2acbd37";

    @ParameterizedTest(name = "token {0}")
    @CsvSource({
        "00000000000000000000000000000000, 4ae71336e44bf9bf79d2752e234818a5, 1e38275872be38346a6f072771a7f58b, 490c5f36e960034c7e4afeef36b79826",
        "000102030405060708090a0b0c0d0e0f, 1ac1ef01e96caf1be0d329331a4fc2a8, 9ae5383e3c6e0606c15da7847fcd1d42, 9d6fce8a9da128826f6473940d0bd6ec",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0, d79d4b62797c660ee53b91001ab31adc, 84d271fe2e09b214d9f91197928a83dc, 937ff2747147a227f331220010f6d9ff"})
    void keyIvAndTargetTokenFollowSection10_1(String token, String key, String iv, String tokenEnc) {
        TokenCipher cipher = TokenCipher.ofHex(token);

        assertThat(HEX.formatHex(cipher.key())).isEqualTo(key);
        assertThat(HEX.formatHex(cipher.iv())).isEqualTo(iv);
        assertThat(cipher.encryptedTokenHex()).isEqualTo(tokenEnc);
        assertThat(cipher.decryptTargetToken(tokenEnc)).get().isEqualTo(HEX.parseHex(token));
    }

    @Test
    void helloFamilyIsByteExact() {
        assertThat(HEX.formatHex(PacketCodec.helloRequest())).isEqualTo("21310020ffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
        assertThat(HEX.formatHex(PacketCodec.helloReply(120009025L, 1700000000L, new byte[16])))
                .isEqualTo("2131002000000000072731416553f10000000000000000000000000000000000");
        byte[] hidden = new byte[16];
        Arrays.fill(hidden, (byte) 0xFF);
        assertThat(HEX.formatHex(PacketCodec.helloReply(123456789L, 1001L, hidden)))
                .isEqualTo("2131002000000000075bcd15000003e9ffffffffffffffffffffffffffffffff");
        assertThat(HEX.formatHex(PacketCodec.helloReply(123456789L, 1001L, HEX.parseHex("000102030405060708090a0b0c0d0e0f"))))
                .isEqualTo("2131002000000000075bcd15000003e9000102030405060708090a0b0c0d0e0f");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "V06 python-miio request with NUL | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 123456789 | 1002 | {\"id\": 1, \"method\": \"miIO.info\", \"params\": []}| true",
        "V07 compact request without NUL | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 123456789 | 1002 | {\"id\":1,\"method\":\"miIO.info\",\"params\":[]} | false",
        "V11 gateway event | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 120009025 | 1002 | {\"id\":619969154,\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[],\"from\":\"nbl.123456789\"} | false",
        "V12 push server ack | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 120009025 | 1700000001 | {\"result\": 0, \"id\": 619969154} | true",
        "V13 alarm event | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 120009025 | 1003 | {\"id\":619969158,\"method\":\"alarm_triggering:123456789\",\"params\":[],\"from\":\"nbl.123456789\"} | false",
        "V09 send_data_frame reply | 0f1e2d3c4b5a69788796a5b4c3d2e1f0 | 123456789 | 1001 | {\"result\":[\"ok\"],\"id\":2} | true",
        "V17 padding edge case | 000102030405060708090a0b0c0d0e0f | 123456789 | 5 | {\"id\":12,\"r\":[]} | false"})
    void sealedPacketsMatchSection10_3AndOpenToTheirPlaintext(String vector, String token, long did, long stamp, String json, boolean nul) {
        TokenCipher cipher = TokenCipher.ofHex(token);
        byte[] plaintext = (nul ? json + '\0' : json).getBytes(StandardCharsets.UTF_8);
        String expected = vectorHex(vector.substring(0, 3));

        assertThat(HEX.formatHex(PacketCodec.seal(cipher, did, stamp, plaintext))).isEqualTo(expected);
        OpenedPacket opened = PacketCodec.open(cipher, HEX.parseHex(expected));
        assertThat(opened.isOpened()).isTrue();
        assertThat(new String(opened.plaintext(), StandardCharsets.UTF_8)).as("trailing NUL stripped").isEqualTo(json);
        assertThat(opened.header()).isEqualTo(new PacketHeader(expected.length() / 2, 0, did, stamp));
    }

    @Test
    void checksumFlipAndWrongTokenAreRejectedAsM01AndM02() {
        byte[] flipped = HEX.parseHex(V11);
        flipped[20] ^= 0x01;
        assertThat(PacketCodec.open(GATEWAY, flipped).rejection()).isEqualTo(PacketRejection.BAD_CHECKSUM);

        byte[] wrongToken = PacketCodec.seal(TokenCipher.ofHex("000102030405060708090a0b0c0d0e0f"), 120009025L, 1002L,
                "{\"id\":1,\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(PacketCodec.open(GATEWAY, wrongToken).rejection()).isEqualTo(PacketRejection.BAD_CHECKSUM);
    }

    @Test
    void truncatedPaddedAndForeignDatagramsAreRejectedAsM03ToM06M13AndM16() {
        byte[] v11 = HEX.parseHex(V11);
        assertThat(PacketCodec.open(GATEWAY, Arrays.copyOf(v11, 20)).rejection()).as("M03").isEqualTo(PacketRejection.TOO_SHORT);
        assertThat(PacketCodec.open(GATEWAY, Arrays.copyOf(v11, v11.length - 16)).rejection()).as("M04")
                .isEqualTo(PacketRejection.LENGTH_MISMATCH);
        byte[] magic = v11.clone();
        magic[1] = 0x32;
        assertThat(PacketCodec.open(GATEWAY, magic).rejection()).as("M05").isEqualTo(PacketRejection.BAD_MAGIC);
        assertThat(PacketCodec.open(GATEWAY, Arrays.copyOf(v11, v11.length + 16)).rejection()).as("M06")
                .isEqualTo(PacketRejection.LENGTH_MISMATCH);
        byte[] longHello = Arrays.copyOf(PacketCodec.helloRequest(), 33);
        assertThat(PacketCodec.isHelloRequest(longHello)).as("M13").isFalse();
        assertThat(PacketCodec.open(GATEWAY, longHello).rejection()).isEqualTo(PacketRejection.LENGTH_MISMATCH);
        assertThat(PacketCodec.open(GATEWAY, new byte[0]).rejection()).as("M16").isEqualTo(PacketRejection.TOO_SHORT);
        assertThat(PacketCodec.header(new byte[0])).isEmpty();
    }

    @Test
    void ciphertextNotInWholeBlocksIsRejectedEvenWithAValidChecksumAsM07() {
        assertThat(PacketCodec.open(GATEWAY, packetWithValidChecksum(new byte[20])).rejection()).isEqualTo(PacketRejection.NOT_A_MESSAGE);
    }

    @Test
    void badPaddingIsRejectedEvenWithAValidChecksumAsM08() throws Exception {
        Cipher raw = Cipher.getInstance("AES/CBC/NoPadding");
        raw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(GATEWAY.key(), "AES"), new IvParameterSpec(GATEWAY.iv()));
        byte[] lastByteZero = raw.doFinal("{\"id\":1}       \0".getBytes(StandardCharsets.US_ASCII));

        assertThat(PacketCodec.open(GATEWAY, packetWithValidChecksum(lastByteZero)).rejection()).isEqualTo(PacketRejection.BAD_PADDING);
    }

    @Test
    void theTokenNeverShowsInToString() {
        assertThat(GATEWAY.toString()).doesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(FakeGatewayOptions.builder().token("0f1e2d3c4b5a69788796a5b4c3d2e1f0").build().toString())
                .doesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    private static byte[] packetWithValidChecksum(byte[] ciphertext) {
        byte[] packet = new byte[32 + ciphertext.length];
        byte[] header = HEX.parseHex("2131" + String.format("%04x", packet.length) + "0000000007273141000003ea");
        System.arraycopy(header, 0, packet, 0, 16);
        System.arraycopy(TokenCipher.md5(header, GATEWAY.token(), ciphertext), 0, packet, 16, 16);
        System.arraycopy(ciphertext, 0, packet, 32, ciphertext.length);
        return packet;
    }

    private static String vectorHex(String id) {
        return switch (id) {
            case "V06" -> V06;
            case "V07" -> V07;
            case "V11" -> V11;
            case "V12" -> V12;
            case "V13" -> V13;
            case "V09" -> V09;
            case "V17" -> V17;
            default -> throw new IllegalArgumentException(id);
        };
    }
}
