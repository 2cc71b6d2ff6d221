package io.github.camelsmarthome.miio.protocol;

import static io.github.camelsmarthome.miio.protocol.MiioVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.CapturedLogs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** No token and no decrypted payload in any log line, at any level (design section 8). */
class PushServerSecrecyTest extends PushServerTestSupport {

    @Test
    void neitherTheTokenNorThePayloadIsLoggedAtAnyLevel() {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome.miio")) {
            startServer();
            GatewaySocket gateway = unregisteredSender(GATEWAY_IP);
            server.register(gateway.address(), GatewaySocket.TOKEN, event -> {
                throw new IllegalStateException("listener failure");
            });
            GatewaySocket stranger = unregisteredSender("127.0.0.2");

            gateway.send(MiioPacketCodec.helloRequest());
            gateway.receive();
            gateway.send(hex(MiioVectors.V11));
            gateway.receive();
            gateway.send(hex(MiioVectors.V11));
            gateway.receive();
            gateway.sendRequest("{\"id\":77,\"method\":\"click_ch0\",\"params\":{\"secret\":\"payload-value\"}}");
            gateway.receive();
            gateway.send(Arrays.copyOf(hex(MiioVectors.V11), 100));
            stranger.sendEventSealedWith(MiioVectors.COUNTING_TOKEN, 8, "click_ch0:lumi_158d0001a2b3c4");
            gateway.sendEvent(5, "click_ch0:lumi_158d0001a2b3c4");
            gateway.receive();
            server.close();

            String text = logs.allText();
            assertThat(logs.lines()).isNotEmpty();
            assertThat(text).contains("event id 619969154 method 'click_ch0:lumi_158d0001a2b3c4'");
            assertThat(text).doesNotContainIgnoringCase(GatewaySocket.TOKEN.hex())
                    .doesNotContain("nbl.123456789")
                    .doesNotContain("payload-value")
                    .doesNotContain("\"params\"");
        }
    }
}
