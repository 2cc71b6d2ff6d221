package io.github.camelsmarthome.miio.protocol;

import java.util.Random;

import io.github.camelsmarthome.testing.CapturedLogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood from a host that is not a registered gateway (a scanner, a misbehaving device, an attacker
 * on the LAN) costs little and does not get in the way of the gateway's events: they are acked and
 * delivered while the flood goes on, the flood is counted, and it is logged a bounded number of times.
 */
class PushServerFloodTest extends PushServerTestSupport {

    private static final String CLICK = "click_ch0:lumi_158d0001a2b3c4";
    private static final int FLOOD = 2_000;

    @Test
    void theGatewaysEventsFlowThroughAFloodFromAStranger() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome.miio")) {
            startServer();
            GatewaySocket gateway = registeredGateway(GATEWAY_IP);
            GatewaySocket stranger = unregisteredSender("127.0.0.3");
            MiioToken strangersToken = MiioToken.fromHex("00112233445566778899aabbccddeeff");
            Random random = new Random(42);

            for (int i = 0; i < FLOOD; i++) {
                switch (i % 3) {
                    case 0 -> stranger.sendEventSealedWith(strangersToken, i, CLICK);
                    case 1 -> {
                        byte[] junk = new byte[32 + random.nextInt(200)];
                        random.nextBytes(junk);
                        stranger.send(junk);
                    }
                    default -> stranger.send(MiioPacketCodec.encode(1L, i, strangersToken, "{}".getBytes()));
                }
                if (i % 200 == 0) {
                    gateway.sendEvent(1_000 + i, CLICK);
                    assertThat(gateway.receiveMessage()).isEqualTo("{\"result\":0,\"id\":" + (1_000 + i) + "}");
                }
            }

            awaitEvents(FLOOD / 200);
            assertThat(listener.events).extracting(PushedMessage::messageId).hasSize(FLOOD / 200);
            assertThat(server.stats().droppedUnregistered() + server.stats().malformed()).isGreaterThan(FLOOD / 2);
            assertThat(logs.lines()).as("log lines during a flood of %d datagrams", FLOOD).hasSizeLessThan(20);
        }
    }
}
