package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.COUNTING_TOKEN;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.GATEWAY_TOKEN;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.PushDatagram.AckWithoutEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Drop;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DropReason;
import io.github.camelsmarthome.miio.protocol.PushDatagram.DuplicateEvent;
import io.github.camelsmarthome.miio.protocol.PushDatagram.Event;
import io.github.camelsmarthome.miio.protocol.PushDatagram.HelloRequest;
import io.github.camelsmarthome.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The brief's datagram handling table (6.10) and malformed packets M01–M16 (10.4). */
class PushDatagramClassifierTest {

    private static final InetAddress GATEWAY = address("192.168.1.20");
    private static final InetAddress STRANGER = address("192.168.1.99");
    private static final long FAKE_DID = 120009025L;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1700000001L));
    private final PushDatagramClassifier classifier =
            new PushDatagramClassifier(FAKE_DID, clock, PushDatagramClassifier.DEFAULT_DEDUP_WINDOW);
    private final Function<InetAddress, Optional<MiioToken>> registry =
            ip -> Optional.ofNullable(Map.of(GATEWAY, GATEWAY_TOKEN).get(ip));

    @Test
    void helloFromAnyHostIsAnsweredWithTheFakeDevicesHelloReply() {
        clock.set(Instant.ofEpochSecond(1700000000L));

        PushDatagram outcome = classifier.classify(STRANGER, hex(MiioVectors.HELLO_REQUEST), registry);

        assertThat(outcome).isInstanceOfSatisfying(HelloRequest.class,
                hello -> assertThat(hello.reply()).isEqualTo(hex(MiioVectors.PUSH_SERVER_HELLO_REPLY)));
        assertThat(classifier.hellos()).isEqualTo(1);
    }

    @Test
    void gatewayEventV11IsAcknowledgedWithV12AndBecomesAnEvent() {
        PushDatagram outcome = classifier.classify(GATEWAY, hex(MiioVectors.V11), registry);

        assertThat(outcome).isInstanceOfSatisfying(Event.class, event -> {
            assertThat(event.reply()).isEqualTo(hex(MiioVectors.V12));
            assertThat(event.id()).isEqualTo(619969154L);
            assertThat(event.method()).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
            assertThat(event.action()).isEqualTo("click_ch0");
            assertThat(event.sourceDevice()).isEqualTo("lumi.158d0001a2b3c4");
            assertThat(event.params().isArray()).isTrue();
            assertThat(event.params()).isEmpty();
            assertThat(event.message().get("from").textValue()).isEqualTo("nbl.123456789");
        });
        assertThat(classifier.events()).isEqualTo(1);
    }

    @Test
    void gatewayAlarmV13IsAnEventOfTheGatewayItself() {
        PushDatagram outcome = classifier.classify(GATEWAY, hex(MiioVectors.V13), registry);

        assertThat(outcome).isInstanceOfSatisfying(Event.class, event -> {
            assertThat(event.action()).isEqualTo("alarm_triggering");
            assertThat(event.sourceDevice()).isEqualTo("123456789");
        });
    }

    @Test
    void eventWithoutParamsCarriesAJsonNull() {
        byte[] datagram = sealed("{\"id\":5,\"method\":\"open:lumi_158d000aaaaaaa\"}");

        PushDatagram outcome = classifier.classify(GATEWAY, datagram, registry);

        assertThat(outcome).isInstanceOfSatisfying(Event.class, event -> {
            assertThat(event.params().isNull()).isTrue();
            assertThat(event.sourceDevice()).isEqualTo("lumi.158d000aaaaaaa");
        });
    }

    @Test
    void methodIsSplitAtTheLastColon() {
        byte[] datagram = sealed("{\"id\":6,\"method\":\"a:b:lumi_1\",\"params\":{\"angle\":90}}");

        PushDatagram outcome = classifier.classify(GATEWAY, datagram, registry);

        assertThat(outcome).isInstanceOfSatisfying(Event.class, event -> {
            assertThat(event.action()).isEqualTo("a:b");
            assertThat(event.sourceDevice()).isEqualTo("lumi.1");
            assertThat(event.params().get("angle").intValue()).isEqualTo(90);
        });
    }

    @Test
    void m11MethodWithoutColonIsAcknowledgedButNoEvent() {
        PushDatagram outcome = classifier.classify(GATEWAY,
                sealed("{\"id\":77,\"method\":\"click_ch0\",\"params\":[]}"), registry);

        assertThat(outcome).isInstanceOfSatisfying(AckWithoutEvent.class, ack -> {
            assertThat(ack.id()).isEqualTo(77);
            assertThat(ack.method()).isEqualTo("click_ch0");
            assertThat(ackPayload(ack.reply())).isEqualTo("{\"result\":0,\"id\":77}");
        });
        assertThat(classifier.events()).isZero();
        assertThat(classifier.acksWithoutEvent()).isEqualTo(1);
    }

    @Test
    void m15DuplicateIsAcknowledgedAgainButDeliveredOnce() {
        PushDatagram first = classifier.classify(GATEWAY, hex(MiioVectors.V11), registry);
        PushDatagram second = classifier.classify(GATEWAY, hex(MiioVectors.V11), registry);

        assertThat(first).isInstanceOf(Event.class);
        assertThat(second).isInstanceOfSatisfying(DuplicateEvent.class, duplicate -> {
            assertThat(duplicate.id()).isEqualTo(619969154L);
            assertThat(duplicate.reply()).isEqualTo(hex(MiioVectors.V12));
        });
        assertThat(classifier.events()).isEqualTo(1);
        assertThat(classifier.duplicates()).isEqualTo(1);
    }

    @Test
    void theSameIdIsDeliveredAgainAfterTheDedupWindow() {
        classifier.classify(GATEWAY, hex(MiioVectors.V11), registry);
        clock.advance(PushDatagramClassifier.DEFAULT_DEDUP_WINDOW.plusSeconds(1));

        assertThat(classifier.classify(GATEWAY, hex(MiioVectors.V11), registry)).isInstanceOf(Event.class);
    }

    @Test
    void theSameIdFromAnotherGatewayIsAnotherEvent() {
        InetAddress second = address("192.168.1.21");
        Function<InetAddress, Optional<MiioToken>> both = ip -> Optional.of(GATEWAY_TOKEN);

        classifier.classify(GATEWAY, hex(MiioVectors.V11), both);

        assertThat(classifier.classify(second, hex(MiioVectors.V11), both)).isInstanceOf(Event.class);
    }

    @Test
    void zeroWindowDisablesDeduplication() {
        PushDatagramClassifier noDedup = new PushDatagramClassifier(FAKE_DID, clock, Duration.ZERO);

        noDedup.classify(GATEWAY, hex(MiioVectors.V11), registry);

        assertThat(noDedup.classify(GATEWAY, hex(MiioVectors.V11), registry)).isInstanceOf(Event.class);
    }

    static Stream<Arguments> droppedDatagrams() {
        byte[] v11 = hex(MiioVectors.V11);
        byte[] flippedChecksum = v11.clone();
        flippedChecksum[16] ^= 0x01;
        byte[] badMagic = v11.clone();
        badMagic[1] = 0x32;
        byte[] badPadding = MiioPacketCodec.assemble(0, FAKE_DID, 1002L, GATEWAY_TOKEN,
                MiioPacketCodec.crypt(Cipher.ENCRYPT_MODE, "AES/CBC/NoPadding", GATEWAY_TOKEN, new byte[16]));
        return Stream.of(
                Arguments.of("M01 one checksum bit flipped", GATEWAY, flippedChecksum, DropReason.BAD_CHECKSUM),
                Arguments.of("M02 sealed with another token", GATEWAY,
                        MiioPacketCodec.encode(FAKE_DID, 1002L, COUNTING_TOKEN, utf8(MiioVectors.V11_JSON)),
                        DropReason.BAD_CHECKSUM),
                Arguments.of("M03 first 20 bytes", GATEWAY, Arrays.copyOf(v11, 20), DropReason.TOO_SHORT),
                Arguments.of("M04 last 16 bytes missing", GATEWAY, Arrays.copyOf(v11, v11.length - 16),
                        DropReason.LENGTH_MISMATCH),
                Arguments.of("M05 magic 0x2132", GATEWAY, badMagic, DropReason.BAD_MAGIC),
                Arguments.of("M06 16 trailing junk bytes", GATEWAY, Arrays.copyOf(v11, v11.length + 16),
                        DropReason.LENGTH_MISMATCH),
                Arguments.of("M07 ciphertext not block aligned", GATEWAY,
                        MiioPacketCodec.assemble(0, FAKE_DID, 1002L, GATEWAY_TOKEN, new byte[20]),
                        DropReason.BAD_CIPHERTEXT_LENGTH),
                Arguments.of("M08 invalid padding", GATEWAY, badPadding, DropReason.BAD_PADDING),
                Arguments.of("M09 not JSON", GATEWAY, sealed("this is not json"), DropReason.NOT_JSON),
                Arguments.of("M09b JSON array", GATEWAY, sealed("[1,2,3]"), DropReason.NOT_JSON),
                Arguments.of("M10 no id", GATEWAY, sealed("{\"method\":\"click_ch0:lumi_1\",\"params\":[]}"),
                        DropReason.MISSING_ID),
                Arguments.of("M10b text id", GATEWAY, sealed("{\"id\":\"7\",\"method\":\"click_ch0:lumi_1\"}"),
                        DropReason.MISSING_ID),
                Arguments.of("M12 hello reply sent to the server", GATEWAY, hex(MiioVectors.PROVISIONED_HELLO_REPLY),
                        DropReason.NOT_A_HELLO_REQUEST),
                Arguments.of("M13 hello plus one byte", GATEWAY, hex(MiioVectors.HELLO_REQUEST + "00"),
                        DropReason.LENGTH_MISMATCH),
                Arguments.of("M14 valid event from an unregistered IP", STRANGER, v11, DropReason.UNKNOWN_SENDER),
                Arguments.of("M16 empty datagram", GATEWAY, new byte[0], DropReason.TOO_SHORT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedDatagrams")
    void malformedOrForeignDatagramsAreDroppedWithoutReplyOrEvent(String name, InetAddress source, byte[] datagram,
            DropReason reason) {
        PushDatagram outcome = classifier.classify(source, datagram, registry);

        assertThat(outcome).isInstanceOfSatisfying(Drop.class, drop -> {
            assertThat(drop.reason()).isEqualTo(reason);
            assertThat(drop.detail()).doesNotContain(GATEWAY_TOKEN.hex()).doesNotContain("this is not json");
        });
        assertThat(classifier.dropped(reason)).isEqualTo(1);
        assertThat(classifier.droppedTotal()).isEqualTo(1);
        assertThat(classifier.events()).isZero();
    }

    private static byte[] sealed(String plaintext) {
        return MiioPacketCodec.encode(FAKE_DID, 1002L, GATEWAY_TOKEN, utf8(plaintext));
    }

    private static String ackPayload(byte[] reply) {
        try {
            ObjectNode ack = MiioMessages.read(MiioPacketCodec.decode(reply, GATEWAY_TOKEN));
            return ack.toString();
        } catch (MiioPacketException e) {
            throw new AssertionError("the ack does not decode", e);
        }
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
