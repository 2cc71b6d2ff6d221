package io.github.camelsmarthome.hostile;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.github.camelsmarthome.miio.protocol.MiioEventMethod;
import io.github.camelsmarthome.miio.protocol.MiioMessages;
import io.github.camelsmarthome.miio.protocol.MiioPacketCodec;
import io.github.camelsmarthome.miio.protocol.MiioPacketException;
import io.github.camelsmarthome.miio.protocol.MiioToken;
import io.github.camelsmarthome.miio.protocol.PushDatagram;
import io.github.camelsmarthome.miio.protocol.PushDatagramClassifier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The miIO push server's datagram handling against generated hostile datagrams (design 8, issue 7):
 * random bytes, real packets with damaged headers, and correctly sealed packets whose JSON is
 * damaged. Every datagram gets an outcome (reply, event, drop with a reason); no exception escapes.
 */
class MiioHostileInputTest {

    private static final MiioToken TOKEN = MiioToken.fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final InetAddress GATEWAY = InetAddress.getLoopbackAddress();

    private final PushDatagramClassifier classifier = new PushDatagramClassifier(PushDatagramClassifier.DEFAULT_DEVICE_ID,
            Clock.systemUTC(), Duration.ZERO);

    private PushDatagram classify(byte[] datagram) {
        return classifier.classify(GATEWAY, datagram, address -> Optional.of(TOKEN));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return HostileInputs.bytes(2048);
    }

    @Provide
    Arbitrary<String> damaged() {
        return HostileInputs.damagedJson();
    }

    @Property
    void randomBytesGetAnOutcome(@ForAll("bytes") byte[] datagram) {
        assertThat(classify(datagram)).isNotNull();
    }

    @Property
    void aRealPacketWithADamagedHeaderGetsAnOutcome(@ForAll("damaged") String json, @ForAll @IntRange(min = 0, max = 31) int at,
            @ForAll byte value) {
        byte[] packet = MiioPacketCodec.encode(123456789L, 1700000001L, TOKEN, HostileInputs.utf8(json));
        packet[at] = value;
        assertThat(classify(packet)).isNotNull();
    }

    @Property
    void aSealedPacketWithAnyPayloadGetsAnOutcome(@ForAll("damaged") String json) {
        byte[] packet = MiioPacketCodec.encode(123456789L, 1700000001L, TOKEN, HostileInputs.utf8(json));
        PushDatagram outcome = classify(packet);
        assertThat(outcome).isNotNull();
    }

    @Property
    void decodingEitherSucceedsOrFailsWithAReason(@ForAll("bytes") byte[] datagram) {
        try {
            MiioPacketCodec.decode(datagram, TOKEN);
        } catch (MiioPacketException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).doesNotContain(TOKEN.hex());
        }
    }

    @Property
    void payloadsOfAnyShapeAreReadOrRefusedWithAReason(@ForAll("damaged") String json) {
        try {
            MiioMessages.readLenient(HostileInputs.utf8(json));
        } catch (MiioPacketException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Property
    void eventMethodsOfAnyShapeParseToAResult(@ForAll("text") String method) {
        assertThat(MiioEventMethod.parse(method)).isNotNull();
    }

    @Provide
    Arbitrary<String> text() {
        return HostileInputs.text();
    }

    @Property(tries = 50)
    void aLengthFieldThatLiesGetsAnOutcome(@ForAll @IntRange(min = 0, max = 0xFFFF) int length) {
        byte[] packet = MiioPacketCodec.encode(123456789L, 1700000001L, TOKEN, HostileInputs.utf8("{\"id\":1,\"method\":\"x\"}"));
        ByteBuffer.wrap(packet).putShort(2, (short) length);
        assertThat(classify(packet)).isNotNull();
    }
}
