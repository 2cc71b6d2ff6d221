package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MiioTokenTest {

    private static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @ParameterizedTest(name = "token {0}")
    @CsvSource({
        "00000000000000000000000000000000, 4ae71336e44bf9bf79d2752e234818a5, 1e38275872be38346a6f072771a7f58b",
        "000102030405060708090a0b0c0d0e0f, 1ac1ef01e96caf1be0d329331a4fc2a8, 9ae5383e3c6e0606c15da7847fcd1d42",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0, d79d4b62797c660ee53b91001ab31adc, 84d271fe2e09b214d9f91197928a83dc",
    })
    void keyIsMd5OfTokenAndIvIsMd5OfKeyAndToken(String token, String key, String iv) {
        MiioToken parsed = MiioToken.fromHex(token);

        assertThat(parsed.key()).isEqualTo(hex(key));
        assertThat(parsed.iv()).isEqualTo(hex(iv));
    }

    @Test
    void upperCaseHexParsesToTheSameTokenAndPrintsLowerCase() {
        MiioToken upper = MiioToken.fromHex(SECRET.toUpperCase());

        assertThat(upper).isEqualTo(MiioToken.fromHex(SECRET)).hasSameHashCodeAs(MiioToken.fromHex(SECRET));
        assertThat(upper.hex()).isEqualTo(SECRET);
    }

    @Test
    void bytesRoundTripAndAreCopied() {
        MiioToken token = MiioToken.fromBytes(hex(SECRET));
        byte[] bytes = token.bytes();
        bytes[0] = 0x7f;

        assertThat(token.bytes()).isEqualTo(hex(SECRET));
    }

    @Test
    void zeroTokenIsAllZeroAndEqualToItsHexForm() {
        assertThat(MiioToken.zero().isZero()).isTrue();
        assertThat(MiioToken.zero()).isEqualTo(MiioToken.fromHex("00000000000000000000000000000000"));
        assertThat(MiioToken.fromHex(SECRET).isZero()).isFalse();
    }

    @Test
    void toStringIsRedacted() {
        assertThat(MiioToken.fromHex(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0f1e2d3c4b5a69788796a5b4c3d2e1f, 31 characters",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0a, 33 characters",
        "0f1e2d3c4b5a69788796a5b4c3d2e1fz, character 32 is not hexadecimal",
        "0f1e2d3c4b5a6978 796a5b4c3d2e1f0, character 17 is not hexadecimal",
    })
    void malformedHexIsRejectedNamingTheProblemButNotTheValue(String bad, String expectedProblem) {
        assertThatThrownBy(() -> MiioToken.fromHex(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedProblem)
                .hasMessageNotContaining(bad.trim())
                .hasMessageNotContaining(bad.substring(0, 16));
    }

    @Test
    void missingHexIsRejected() {
        assertThatThrownBy(() -> MiioToken.fromHex(null)).hasMessageContaining("missing");
    }

    @Test
    void wrongNumberOfBytesIsRejected() {
        assertThatThrownBy(() -> MiioToken.fromBytes(new byte[15])).hasMessageContaining("15 bytes");
    }
}
