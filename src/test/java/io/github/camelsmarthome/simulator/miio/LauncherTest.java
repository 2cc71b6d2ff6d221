package io.github.camelsmarthome.simulator.miio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code simulate miio} prints and accepts. */
class LauncherTest {

    private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Test
    void theBannerTellsAddressTokenAndTheSubDevicesToSubscribeTo() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (MiioSimulatorSession session = MiioSimulatorLauncher.launch(
                MiioSimulatorLauncher.parse(new String[] {"--host", "127.0.0.2", "--port", "0", "--token", TOKEN, "--no-stdin"}),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String banner = printed.toString(StandardCharsets.UTF_8);

            assertThat(banner).contains("udp 127.0.0.2:" + session.gateway().localAddress().getPort(), TOKEN, "123456789",
                    "lumi.gateway.v3", MiioSimulatorLauncher.DEFAULT_BUTTON.sid(), MiioSimulatorLauncher.DEFAULT_BUTTON.model(),
                    MiioSimulatorLauncher.DEFAULT_DOOR.sid(), MiioSimulatorLauncher.DEFAULT_MOTION.sid());
        }
    }

    @Test
    void commandsFireListAndSilenceTheGateway() {
        try (MiioSimulatorSession session = MiioSimulatorLauncher.launch(
                MiioSimulatorLauncher.parse(new String[] {"--host", "127.0.0.2", "--port", "0", "--no-stdin"}),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {

            assertThat(session.execute("scenes")).isEqualTo("no scenes");
            assertThat(session.execute("fire lumi.158d0001a2b3c4 click_ch0")).contains("no scene", "subscribe first");
            assertThat(session.execute("fire lumi.nothere click_ch0")).contains("No sub-device lumi.nothere");
            assertThat(session.execute("fire lumi.158d0001a2b3c4 click_ch0 {bad")).contains("not JSON");
            assertThat(session.execute("silent")).contains("silent");
            assertThat(session.gateway().isSilent()).isTrue();
            assertThat(session.execute("back")).isEqualTo("back");
            assertThat(session.gateway().isSilent()).isFalse();
            assertThat(session.execute("stats")).contains("events sent 0");
            assertThat(session.execute("jump")).contains("unknown command 'jump'", "fire <sid>");
        }
    }

    @Test
    void optionsAreParsedAndUnknownOnesRefused() {
        MiioSimulatorOptions options = MiioSimulatorLauncher.parse(new String[] {"--port", "5000", "--did", "4294967295", "--model",
                "lumi.gateway.mgl03", "--token", TOKEN.toUpperCase(), "--unprovisioned", "--target-port", "6000", "--keepalive-seconds", "5",
                "--ack-timeout-ms", "250", "--retries", "1", "--send-twice", "--sub-device", "lumi.1=lumi.sensor_cube.v1", "--fire-every", "3",
                "--fire-event", "lumi.1:move", "--no-stdin"});
        FakeGatewayOptions gateway = options.gateway();

        assertThat(gateway.bindAddress()).as("the push server can keep 127.0.0.1:54321").isEqualTo("127.0.0.2");
        assertThat(gateway.port()).isEqualTo(5000);
        assertThat(gateway.did()).isEqualTo(4294967295L);
        assertThat(gateway.model()).isEqualTo("lumi.gateway.mgl03");
        assertThat(gateway.tokenHex()).isEqualTo(TOKEN);
        assertThat(gateway.provisioned()).isFalse();
        assertThat(gateway.targetPort()).isEqualTo(6000);
        assertThat(gateway.keepaliveInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gateway.ackTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(gateway.retryCount()).isEqualTo(1);
        assertThat(gateway.sendEventsTwice()).isTrue();
        assertThat(gateway.subDevices()).containsExactly(new SubDevice("lumi.1", "lumi.sensor_cube.v1"));
        assertThat(options.fireEvery()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.fireSid()).isEqualTo("lumi.1");
        assertThat(options.fireEvent()).isEqualTo("move");
        assertThat(options.readStdin()).isFalse();

        MiioSimulatorOptions defaults = MiioSimulatorLauncher.parse(new String[0]);
        assertThat(defaults.gateway().port()).isEqualTo(54321);
        assertThat(defaults.gateway().tokenHex()).hasSize(32);
        assertThat(defaults.gateway().subDevices()).hasSize(3);
        assertThat(defaults.readStdin()).isTrue();

        assertThatThrownBy(() -> MiioSimulatorLauncher.parse(new String[] {"--nope"})).hasMessageContaining("Unknown option --nope");
        assertThatThrownBy(() -> MiioSimulatorLauncher.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> MiioSimulatorLauncher.parse(new String[] {"--token", "abc"})).hasMessageContaining("32 hex")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> MiioSimulatorLauncher.parse(new String[] {"--sub-device", "lumi.1"})).hasMessageContaining("SID=MODEL");
        assertThatThrownBy(() -> MiioSimulatorLauncher.parse(new String[] {"--fire-event", "move"})).hasMessageContaining("SID:EVENT");
        assertThat(MiioSimulatorLauncher.usage()).contains("--token", "--send-twice", "fire <sid>");
    }

    @Test
    void aTakenPortFailsWithAClearMessage() {
        try (FakeGateway first = FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(0).build())) {
            int taken = first.localAddress().getPort();
            assertThatThrownBy(() -> FakeGateway.start(FakeGatewayOptions.builder().bindAddress("127.0.0.2").port(taken).build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not bind udp 127.0.0.2:" + taken);
        }
    }
}
