package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8;
import static io.github.camelsmarthome.miio.protocol.MiioVectors.utf8WithNul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.miio.protocol.MiioPacketException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiioMessagesTest {

    @Test
    void requestIsWrittenExactlyAsPythonMiioDoesInV06() {
        byte[] written = MiioMessages.write(MiioMessages.request(1, "miIO.info", null));

        assertThat(written).isEqualTo(utf8WithNul(MiioVectors.V06_JSON));
    }

    @Test
    void ackIsWrittenExactlyAsInV12() {
        assertThat(MiioMessages.write(MiioMessages.ack(619969154L))).isEqualTo(utf8WithNul(MiioVectors.V12_JSON));
    }

    @Test
    void handWrittenAckIsWrittenExactlyAsInV12() {
        assertThat(MiioMessages.writeAck(619969154L)).isEqualTo(utf8WithNul(MiioVectors.V12_JSON));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 4_294_967_295L, Long.MAX_VALUE, Long.MIN_VALUE})
    void handWrittenAckMatchesTheTreeWriterForEveryId(long id) {
        assertThat(MiioMessages.writeAck(id)).isEqualTo(MiioMessages.write(MiioMessages.ack(id)));
    }

    @Test
    void compactWritingMatchesV07WithoutNul() {
        byte[] written = MiioMessages.writeCompact(MiioMessages.request(1, "miIO.info", null));

        assertThat(written).isEqualTo(utf8(MiioVectors.V07_JSON));
    }

    @Test
    void pythonStyleEscapesNonAsciiAsPythonsJsonDumpsDoes() {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("name", "café");

        String written = new String(MiioMessages.write(message), StandardCharsets.US_ASCII);

        assertThat(written).isEqualToIgnoringCase("{\"name\": \"caf\\u00e9\"}\0");
    }

    @ParameterizedTest(name = "{0} trailing NUL bytes")
    @ValueSource(ints = {0, 1, 3})
    void readingAcceptsAnyNumberOfTrailingNuls(int nuls) throws Exception {
        byte[] json = utf8(MiioVectors.V11_JSON);
        byte[] plaintext = Arrays.copyOf(json, json.length + nuls);

        ObjectNode message = MiioMessages.read(plaintext);

        assertThat(message.get("id").longValue()).isEqualTo(619969154L);
        assertThat(message.get("from").textValue()).isEqualTo("nbl.123456789");
    }

    @Test
    void readingRejectsTextThatIsNotJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> MiioMessages.read(utf8("this is not json")))
                .isInstanceOfSatisfying(MiioPacketException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JSON))
                .hasMessageNotContaining("this is not json");
    }

    @Test
    void readingRejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> MiioMessages.read(utf8("[1,2]")))
                .isInstanceOfSatisfying(MiioPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OBJECT));
    }

    @Test
    void readingRejectsAnEmptyPayload() {
        assertThatThrownBy(() -> MiioMessages.read(new byte[] {0}))
                .isInstanceOfSatisfying(MiioPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OBJECT));
    }

    @Test
    void readingRejectsMoreThanOnePacketCanCarry() {
        assertThatThrownBy(() -> MiioMessages.read(new byte[MiioMessages.MAX_PLAINTEXT_BYTES + 1]))
                .isInstanceOfSatisfying(MiioPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void strictReadingRefusesBrokenDeviceJson() {
        assertThatThrownBy(() -> MiioMessages.read(utf8("{\"result\":[1,,2],\"id\":3}")))
                .isInstanceOf(MiioPacketException.class);
    }

    @Test
    void lenientReadingRepairsKnownDeviceQuirks() throws Exception {
        ObjectNode doubleComma = MiioMessages.readLenient(utf8("{\"result\":[1,,2],\"id\":3}"));
        ObjectNode zeroZero = MiioMessages.readLenient(utf8("{\"result\":{\"value\":00},\"id\":4}"));
        ObjectNode emptyResult = MiioMessages.readLenient(utf8("{\"result\":,\"id\":5}"));

        assertThat(doubleComma.get("result").toString()).isEqualTo("[1,2]");
        assertThat(zeroZero.get("result").get("value").intValue()).isZero();
        assertThat(emptyResult.get("id").intValue()).isEqualTo(5);
    }

    @Test
    void lenientReadingCutsAtANulLeftInsideTheText() throws Exception {
        byte[] plaintext = utf8("{\"result\":[\"ok\"],\"id\":2}\0garbage");

        assertThat(MiioMessages.readLenient(plaintext).get("id").intValue()).isEqualTo(2);
    }

    @Test
    void errorReplyUsesTheDeviceShape() {
        assertThat(MiioMessages.error(9, -5001, "invalid arg").toString())
                .isEqualTo("{\"error\":{\"code\":-5001,\"message\":\"invalid arg\"},\"id\":9}");
    }
}
