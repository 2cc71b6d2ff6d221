package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.COUNTING_TOKEN;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.GATEWAY_TOKEN;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8WithNul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelsmarthome.miio.protocol.MiioPacketException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MiioPacketCodecTest {

    /** name, packet, token, did, stamp, exact plaintext. */
    static Stream<Arguments> encryptedVectors() {
        return Stream.of(
                Arguments.of("V06 python-miio request", MiioVectors.V06, GATEWAY_TOKEN, 123456789L, 1002L,
                        utf8WithNul(MiioVectors.V06_JSON)),
                Arguments.of("V07 compact request", MiioVectors.V07, GATEWAY_TOKEN, 123456789L, 1002L,
                        utf8(MiioVectors.V07_JSON)),
                Arguments.of("V11 gateway event", MiioVectors.V11, GATEWAY_TOKEN, 120009025L, 1002L,
                        utf8(MiioVectors.V11_JSON)),
                Arguments.of("V12 push server ack", MiioVectors.V12, GATEWAY_TOKEN, 120009025L, 1700000001L,
                        utf8WithNul(MiioVectors.V12_JSON)),
                Arguments.of("V13 gateway alarm event", MiioVectors.V13, GATEWAY_TOKEN, 120009025L, 1003L,
                        utf8(MiioVectors.V13_JSON)),
                Arguments.of("V09 send_data_frame reply", MiioVectors.V09, GATEWAY_TOKEN, 123456789L, 1001L,
                        utf8WithNul(MiioVectors.V09_JSON)),
                Arguments.of("V17 full padding block", MiioVectors.V17, COUNTING_TOKEN, 123456789L, 5L,
                        utf8(MiioVectors.V17_JSON)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedVectors")
    void encodingThePlaintextGivesTheVectorByteForByte(String name, String packet, MiioToken token, long did,
            long stamp, byte[] plaintext) {
        assertThat(MiioPacketCodec.encode(did, stamp, token, plaintext)).isEqualTo(hex(packet));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedVectors")
    void decodingTheVectorGivesTheHeaderAndTheExactPlaintext(String name, String packet, MiioToken token, long did,
            long stamp, byte[] plaintext) throws Exception {
        MiioPacket parsed = MiioPacketCodec.parse(hex(packet));

        assertThat(parsed.length()).isEqualTo(hex(packet).length);
        assertThat(parsed.unknown()).isZero();
        assertThat(parsed.deviceId()).isEqualTo(did);
        assertThat(parsed.stamp()).isEqualTo(stamp);
        assertThat(MiioPacketCodec.decrypt(parsed, token)).isEqualTo(plaintext);
    }

    @Test
    void oneThreadAlternatingTokensOpensEachPacketWithItsOwnToken() throws Exception {
        MiioToken first = MiioToken.fromHex("00112233445566778899aabbccddeeff");
        MiioToken second = MiioToken.fromHex("ffeeddccbbaa99887766554433221100");
        byte[] one = MiioPacketCodec.encode(1, 1, first, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] two = MiioPacketCodec.encode(2, 2, second, "{\"id\":2}".getBytes(StandardCharsets.UTF_8));

        for (int round = 0; round < 3; round++) {
            assertThat(new String(MiioPacketCodec.decode(one, first), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
            assertThat(new String(MiioPacketCodec.decode(two, second), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2}");
        }
    }

    @Test
    void aPacketThatFailsToDecryptDoesNotSpoilTheNextOneOnTheSameThread() throws Exception {
        MiioToken token = MiioToken.fromHex("00112233445566778899aabbccddeeff");
        byte[] badPadding = MiioPacketCodec.assemble(0, 7, 7, token, new byte[16]);
        byte[] good = MiioPacketCodec.encode(7, 7, token, "{\"id\":3}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> MiioPacketCodec.decode(badPadding, token)).isInstanceOf(MiioPacketException.class);

        assertThat(new String(MiioPacketCodec.decode(good, token), StandardCharsets.UTF_8)).isEqualTo("{\"id\":3}");
    }

    @Test
    void aSixteenBytePlaintextGetsAFullBlockOfPadding() throws Exception {
        byte[] packet = hex(MiioVectors.V17);
        byte[] paddedPlaintext = MiioPacketCodec.crypt(Cipher.DECRYPT_MODE, "AES/CBC/NoPadding", COUNTING_TOKEN,
                Arrays.copyOfRange(packet, 32, packet.length));

        assertThat(Arrays.copyOfRange(paddedPlaintext, 16, 32)).containsOnly((byte) 0x10);
    }

    @Test
    void helloRequestIsTheBriefsThirtyTwoBytes() {
        assertThat(MiioPacketCodec.helloRequest()).isEqualTo(hex(MiioVectors.HELLO_REQUEST));
        assertThat(MiioPacketCodec.isHelloRequest(hex(MiioVectors.HELLO_REQUEST))).isTrue();
    }

    @Test
    void onlyTheExactHelloBytesCountAsAHello() {
        assertThat(MiioPacketCodec.isHelloRequest(hex(MiioVectors.HELLO_REQUEST + "00"))).isFalse();
        assertThat(MiioPacketCodec.isHelloRequest(hex(MiioVectors.PROVISIONED_HELLO_REPLY))).isFalse();
    }

    @Test
    void pushServerHelloReplyCarriesItsDidStampAndSixteenZeros() {
        assertThat(MiioPacketCodec.helloReply(120009025L, 1700000000L)).isEqualTo(hex(MiioVectors.PUSH_SERVER_HELLO_REPLY));
    }

    @Test
    void deviceHelloRepliesCarryFfOrTheToken() {
        byte[] ff = new byte[16];
        Arrays.fill(ff, (byte) 0xFF);

        assertThat(MiioPacketCodec.helloReply(123456789L, 1001L, ff)).isEqualTo(hex(MiioVectors.PROVISIONED_HELLO_REPLY));
        assertThat(MiioPacketCodec.helloReply(123456789L, 1001L, COUNTING_TOKEN.bytes()))
                .isEqualTo(hex(MiioVectors.UNPROVISIONED_HELLO_REPLY));
    }

    @Test
    void parsedHelloRequestHasAllOnesFieldsThatStayPositive() throws Exception {
        MiioPacket hello = MiioPacketCodec.parse(hex(MiioVectors.HELLO_REQUEST));

        assertThat(hello.isHelloFamily()).isTrue();
        assertThat(hello.unknown()).isEqualTo(0xFFFFFFFFL);
        assertThat(hello.deviceId()).isEqualTo(4294967295L);
        assertThat(hello.deviceIdText()).isEqualTo("4294967295");
        assertThat(hello.stamp()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void onlyAnUnprovisionedHelloReplyRevealsAToken() throws Exception {
        assertThat(MiioPacketCodec.parse(hex(MiioVectors.UNPROVISIONED_HELLO_REPLY)).revealedToken())
                .contains(COUNTING_TOKEN);
        assertThat(MiioPacketCodec.parse(hex(MiioVectors.PROVISIONED_HELLO_REPLY)).revealedToken()).isEmpty();
        assertThat(MiioPacketCodec.parse(hex(MiioVectors.PUSH_SERVER_HELLO_REPLY)).revealedToken()).isEmpty();
    }

    @Test
    void packetToStringNeverShowsTheChecksumFieldThatMayHoldAToken() throws Exception {
        MiioPacket reply = MiioPacketCodec.parse(hex(MiioVectors.UNPROVISIONED_HELLO_REPLY));

        assertThat(reply.toString()).contains("did=123456789").doesNotContain("000102030405060708090a0b0c0d0e0f");
    }

    static Stream<Arguments> malformedDatagrams() {
        byte[] v11 = hex(MiioVectors.V11);
        byte[] badMagic = v11.clone();
        badMagic[1] = 0x32;
        byte[] flippedChecksum = v11.clone();
        flippedChecksum[20] ^= 0x01;
        byte[] notBlockAligned = MiioPacketCodec.assemble(0, 120009025L, 1002L, GATEWAY_TOKEN, new byte[20]);
        byte[] badPadding = MiioPacketCodec.assemble(0, 120009025L, 1002L, GATEWAY_TOKEN,
                MiioPacketCodec.crypt(Cipher.ENCRYPT_MODE, "AES/CBC/NoPadding", GATEWAY_TOKEN, new byte[16]));
        return Stream.of(
                Arguments.of("empty datagram", new byte[0], Reason.TOO_SHORT),
                Arguments.of("first 20 bytes", Arrays.copyOf(v11, 20), Reason.TOO_SHORT),
                Arguments.of("wrong magic", badMagic, Reason.BAD_MAGIC),
                Arguments.of("truncated by 16 bytes", Arrays.copyOf(v11, v11.length - 16), Reason.LENGTH_MISMATCH),
                Arguments.of("16 trailing junk bytes", Arrays.copyOf(v11, v11.length + 16), Reason.LENGTH_MISMATCH),
                Arguments.of("hello plus one byte", hex(MiioVectors.HELLO_REQUEST + "00"), Reason.LENGTH_MISMATCH),
                Arguments.of("one checksum bit flipped", flippedChecksum, Reason.BAD_CHECKSUM),
                Arguments.of("sealed with another token",
                        MiioPacketCodec.encode(120009025L, 1002L, COUNTING_TOKEN, utf8(MiioVectors.V11_JSON)),
                        Reason.BAD_CHECKSUM),
                Arguments.of("ciphertext not block aligned", notBlockAligned, Reason.BAD_CIPHERTEXT_LENGTH),
                Arguments.of("invalid PKCS#7 padding", badPadding, Reason.BAD_PADDING),
                Arguments.of("hello reply has no message", hex(MiioVectors.PROVISIONED_HELLO_REPLY), Reason.NO_PAYLOAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDatagrams")
    void malformedDatagramsAreRejectedWithTheirReasonAndNoSecret(String name, byte[] datagram, Reason reason) {
        assertThatThrownBy(() -> MiioPacketCodec.decode(datagram, GATEWAY_TOKEN))
                .isInstanceOfSatisfying(MiioPacketException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageNotContaining(GATEWAY_TOKEN.hex())
                .hasMessageNotContaining("click_ch0");
    }

    @Test
    void aPayloadTooLargeForOnePacketIsRefused() {
        assertThatThrownBy(() -> MiioPacketCodec.encode(1, 1, GATEWAY_TOKEN, new byte[MiioMessages.MAX_PLAINTEXT_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void theLargestPayloadThatFitsInSixteenBitLengthRoundTrips() throws Exception {
        byte[] plaintext = new byte[MiioMessages.MAX_PLAINTEXT_BYTES];

        byte[] packet = MiioPacketCodec.encode(0xFFFFFFFFL, 0x80000000L, GATEWAY_TOKEN, plaintext);

        assertThat(packet.length).isEqualTo(65520);
        MiioPacket parsed = MiioPacketCodec.parse(packet);
        assertThat(parsed.deviceId()).isEqualTo(0xFFFFFFFFL);
        assertThat(parsed.stamp()).isEqualTo(0x80000000L);
        assertThat(MiioPacketCodec.decrypt(parsed, GATEWAY_TOKEN)).isEqualTo(plaintext);
    }
}
