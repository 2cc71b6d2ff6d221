package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code simulate homeconnect} prints and accepts. */
class LauncherTest {

    @Test
    void theBannerTellsWhereAndHowToLogInAndDeviceLoginsPrintTheirUserCode() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (HomeConnectSimulator cloud = HomeConnectSimulatorLauncher.launch(
                HomeConnectSimulatorLauncher.parse(new String[] {"--port", "0", "--time-scale", "120", "--keep-alive-seconds", "2",
                        "--framing", "simulator"}), out)) {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(cloud.baseUrl(), SimulatorOptions.DEFAULT_CLIENT_ID, SimulatorOptions.DEFAULT_CLIENT_SECRET,
                    SimulatorOptions.DEFAULT_REDIRECT_URI, SimulatedHousehold.WASHER, SimulatedHousehold.COFFEE_MAKER);
            assertThat(cloud.clock().timeScale()).isEqualTo(120);

            var started = SimulatorHttp.json(new SimulatorHttp(cloud).postForm("/security/oauth/device_authorization",
                    Map.of("client_id", cloud.clientId())));
            String userCode = started.path("user_code").asText();
            await().atMost(Duration.ofSeconds(2)).until(() -> printed.toString(StandardCharsets.UTF_8).contains(userCode));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(started.path("verification_uri_complete").asText())
                    .doesNotContain(started.path("device_code").asText());
        }
    }

    @Test
    void optionsAreParsedAndUnknownOnesRefused() {
        SimulatorOptions options = HomeConnectSimulatorLauncher.parse(new String[] {"--auto-approve", "--real-rate-limits",
                "--token-lifetime-seconds", "60", "--host", "0.0.0.0"});
        assertThat(options.autoApproveDeviceCodes()).isTrue();
        assertThat(options.rateLimits()).isEqualTo(RateLimits.standard());
        assertThat(options.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> HomeConnectSimulatorLauncher.parse(new String[] {"--nope"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HomeConnectSimulatorLauncher.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
    }
}
