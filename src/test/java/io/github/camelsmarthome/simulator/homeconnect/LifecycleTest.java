package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, stopping and sharing a Vert.x. */
class LifecycleTest {

    @Test
    void eachSimulatorGetsAFreePortAndCannotStartTwice() {
        try (HomeConnectSimulator one = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
             HomeConnectSimulator two = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
            assertThat(one.port()).isPositive().isNotEqualTo(two.port());
            assertThat(one.baseUrl()).isEqualTo("http://127.0.0.1:" + one.port());
            assertThat(one.apiBaseUrl()).isEqualTo(one.baseUrl() + "/api");
            assertThatThrownBy(one::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBorrowedVertxStaysOpenAfterClose() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HomeConnectSimulator cloud = new HomeConnectSimulator(vertx, SimulatorOptions.forTests().build()).start();
            String token = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).accessToken();
            assertThat(new SimulatorHttp(cloud).get("/api/homeappliances", token).statusCode()).isEqualTo(200);
            cloud.close();
            assertThat(vertx.executeBlocking(() -> "still running").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("still running");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDefaultsAreTheRealCloudsAndAccessorsNeedAStartedServer() {
        SimulatorOptions defaults = SimulatorOptions.defaults();
        assertThat(defaults.keepAliveInterval()).isEqualTo(Duration.ofSeconds(55));
        assertThat(defaults.accessTokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.deviceCodeLifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.authorizationCodeLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.framing()).isEqualTo(SseFraming.PRODUCTION);
        assertThat(defaults.rateLimits()).isEqualTo(RateLimits.standard());
        assertThat(SimulatorOptions.DEFAULT_CLIENT_ID).matches("[0-9A-F]{64}");

        HomeConnectSimulator notStarted = new HomeConnectSimulator(defaults);
        assertThatThrownBy(notStarted::baseUrl).isInstanceOf(IllegalStateException.class);
        notStarted.close();
    }
}
