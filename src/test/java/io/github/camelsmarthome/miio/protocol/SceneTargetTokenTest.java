package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SceneTargetTokenTest {

    @ParameterizedTest(name = "token {0}")
    @CsvSource({
        "00000000000000000000000000000000, 490c5f36e960034c7e4afeef36b79826",
        "000102030405060708090a0b0c0d0e0f, 9d6fce8a9da128826f6473940d0bd6ec",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0, 937ff2747147a227f331220010f6d9ff",
    })
    void gatewayTokenEncryptedWithItselfMatchesTheBriefsVectors(String token, String tokenEnc) {
        assertThat(SceneTargetToken.forGateway(MiioToken.fromHex(token))).isEqualTo(tokenEnc);
    }

    @ParameterizedTest(name = "token {0}")
    @CsvSource({
        "00000000000000000000000000000000, 490c5f36e960034c7e4afeef36b79826",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0, 937ff2747147a227f331220010f6d9ff",
    })
    void gatewayRecoversTheTargetTokenFromTokenEnc(String token, String tokenEnc) {
        MiioToken gateway = MiioToken.fromHex(token);

        assertThat(SceneTargetToken.decrypt(gateway, tokenEnc)).isEqualTo(gateway);
    }

    @Test
    void aDifferentTargetTokenRoundTripsUnderTheGatewayToken() {
        String enc = SceneTargetToken.encrypt(MiioVectors.GATEWAY_TOKEN, MiioVectors.COUNTING_TOKEN);

        assertThat(enc).hasSize(32).isNotEqualTo(SceneTargetToken.forGateway(MiioVectors.COUNTING_TOKEN));
        assertThat(SceneTargetToken.decrypt(MiioVectors.GATEWAY_TOKEN, enc)).isEqualTo(MiioVectors.COUNTING_TOKEN);
    }
}
