package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.miio.protocol.PushDatagram.DropReason;
import java.util.Arrays;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed packets of brief section 10.4, sent by the registered gateway 127.0.0.1: each is
 * handled as the datagram table (6.10) says, and the server still acks and delivers the next valid
 * event. "No reply" is proven without waiting: the first answer the gateway gets is the valid event's ack.
 */
class MalformedDatagramTest extends PushServerTestSupport {

    private static final long DID = MiioPushServerOptions.DEFAULT_DEVICE_ID;

    static Stream<Arguments> droppedPackets() {
        byte[] v11 = hex(MiioVectors.V11);
        return Stream.of(
                Arguments.of("M01 checksum bit flipped", flip(v11, 16), malformed(DropReason.BAD_CHECKSUM)),
                Arguments.of("M02 sealed with another token", MiioPacketCodec.encode(DID, 1002,
                        MiioVectors.COUNTING_TOKEN, utf8(MiioVectors.V11_JSON)), malformed(DropReason.BAD_CHECKSUM)),
                Arguments.of("M03 first 20 bytes", Arrays.copyOf(v11, 20), malformed(DropReason.TOO_SHORT)),
                Arguments.of("M04 last block cut off", Arrays.copyOf(v11, v11.length - 16),
                        malformed(DropReason.LENGTH_MISMATCH)),
                Arguments.of("M05 magic 0x2132", withByte(v11, 1, 0x32), malformed(DropReason.BAD_MAGIC)),
                Arguments.of("M06 16 junk bytes appended", Arrays.copyOf(v11, v11.length + 16),
                        malformed(DropReason.LENGTH_MISMATCH)),
                Arguments.of("M07 ciphertext not whole blocks", MiioPacketCodec.assemble(0, DID, 1002,
                        GatewaySocket.TOKEN, new byte[20]), malformed(DropReason.BAD_CIPHERTEXT_LENGTH)),
                Arguments.of("M08 invalid padding", MiioPacketCodec.assemble(0, DID, 1002, GatewaySocket.TOKEN,
                        blockWithoutPadding()), malformed(DropReason.BAD_PADDING)),
                Arguments.of("M09 not JSON", MiioPacketCodec.encode(DID, 1002, GatewaySocket.TOKEN,
                        utf8("this is not json")), malformed(DropReason.NOT_JSON)),
                Arguments.of("M10 JSON without id", MiioPacketCodec.encode(DID, 1002, GatewaySocket.TOKEN,
                        utf8("{\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[]}")), malformed(DropReason.MISSING_ID)),
                Arguments.of("M12 hello reply sent to the server", hex(MiioVectors.PROVISIONED_HELLO_REPLY),
                        (ToLongFunction<MiioPushServerStats>) MiioPushServerStats::ignored),
                Arguments.of("M13 hello plus one byte", Arrays.copyOf(MiioPacketCodec.helloRequest(), 33),
                        malformed(DropReason.LENGTH_MISMATCH)),
                Arguments.of("M16 empty datagram", new byte[0], malformed(DropReason.TOO_SHORT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedPackets")
    void isDroppedWithoutReplyCountedAndTheNextEventStillArrives(String name, byte[] packet,
            ToLongFunction<MiioPushServerStats> counter) {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.send(packet);
        gateway.sendEvent(1000, "click_ch0:lumi_158d0001a2b3c4");

        assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":1000}");
        awaitEvents(1);
        assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(1000L);
        assertThat(counter.applyAsLong(server.stats())).isEqualTo(1);
        assertThat(server.stats().received()).isEqualTo(2);
    }

    @Test
    void m11AMethodWithoutSourceIsAckedButEmitsNoEvent() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.sendRequest("{\"id\":77,\"method\":\"click_ch0\",\"params\":[]}");
        assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":77}");
        gateway.sendEvent(1000, "click_ch0:lumi_158d0001a2b3c4");
        gateway.receiveMessage();

        awaitEvents(1);
        assertThat(listener.events).extracting(PushedMessage::messageId).containsExactly(1000L);
        assertThat(server.stats().acknowledgedWithoutEvent()).isEqualTo(1);
    }

    @Test
    void aFloodOfMalformedDatagramsIsLoggedOncePerInterval() {
        startServer();
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);
        try (var logs = io.github.camelsmarthome.testing.CapturedLogs.capture(MiioPushServer.class.getName())) {
            for (int i = 0; i < 50; i++) {
                gateway.send(flip(hex(MiioVectors.V11), 16));
            }
            gateway.sendEvent(1000, "click_ch0:lumi_158d0001a2b3c4");
            gateway.receiveMessage();

            assertThat(server.stats().malformed(DropReason.BAD_CHECKSUM)).isEqualTo(50);
            assertThat(logs.allText()).containsOnlyOnce("dropped a malformed 128-byte datagram from 127.0.0.1:"
                    + gateway.port() + ": BAD_CHECKSUM");
        }
    }

    private static ToLongFunction<MiioPushServerStats> malformed(DropReason reason) {
        return stats -> stats.malformed(reason);
    }

    private static byte[] flip(byte[] packet, int index) {
        return withByte(packet, index, packet[index] ^ 0x01);
    }

    private static byte[] withByte(byte[] packet, int index, int value) {
        byte[] copy = packet.clone();
        copy[index] = (byte) value;
        return copy;
    }

    /** One AES block whose plaintext ends in 0x00, which is no valid PKCS#7 padding. */
    private static byte[] blockWithoutPadding() {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(GatewaySocket.TOKEN.key(), "AES"),
                    new IvParameterSpec(GatewaySocket.TOKEN.iv()));
            return cipher.doFinal(utf8("{\"id\":1}\0\0\0\0\0\0\0\0"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
