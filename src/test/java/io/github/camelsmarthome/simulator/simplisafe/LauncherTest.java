package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code simulate simplisafe} prints and accepts. */
class LauncherTest {

    @Test
    void theBannerTellsTheThreeUrlsTheAccountAndAWorkingLogin() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SimpliSafeSimulator cloud = SimpliSafeSimulatorLauncher.launch(
                SimpliSafeSimulatorLauncher.parse(new String[] {"--port", "0", "--auto-login", "--time-scale", "30"}),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String banner = printed.toString(StandardCharsets.UTF_8);

            assertThat(banner).contains(cloud.authUrl(), cloud.apiUrl(), cloud.webSocketUrl(), MobileAppClient.CLIENT_ID,
                    MobileAppClient.REDIRECT_URI, cloud.email(), cloud.password(), "/oauth/token");
            assertThat(cloud.time().timeScale()).isEqualTo(30);
            Matcher example = Pattern.compile("(http://\\S+/authorize\\?\\S+)").matcher(banner);
            assertThat(example.find()).isTrue();
            HttpResponse<String> authorize = SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(example.group(1))).GET().build());
            assertThat(authorize.statusCode()).as("the printed example URL works").isEqualTo(302);
        }
    }

    @Test
    void optionsAreParsedAndUnknownOnesRefused() {
        SimpliSafeSimulatorOptions options = SimpliSafeSimulatorLauncher.parse(new String[] {"--socket-403", "--rotate-refresh-tokens",
                "--token-lifetime-seconds", "60", "--host", "0.0.0.0", "--subscribed-type", "service"});
        assertThat(options.rejectSocketUpgrades()).isTrue();
        assertThat(options.rotateRefreshTokens()).isTrue();
        assertThat(options.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.subscribedMessageType()).isEqualTo(SubscribedMessageType.SERVICE);
        assertThat(options.autoLogin()).as("people get the login page by default").isFalse();
        assertThatThrownBy(() -> SimpliSafeSimulatorLauncher.parse(new String[] {"--nope"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimpliSafeSimulatorLauncher.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimpliSafeSimulatorLauncher.parse(new String[] {"--port", "x"})).hasMessageContaining("whole number");
        assertThat(SimpliSafeSimulatorLauncher.usage()).contains("--socket-403", "--auto-login");
    }
}
