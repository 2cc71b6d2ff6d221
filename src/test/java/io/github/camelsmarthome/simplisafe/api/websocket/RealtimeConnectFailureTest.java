package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.auth.TokenStore;
import io.github.camelsmarthome.testing.FreePorts;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Attempts that never get a socket: nothing listening, a server that never answers the upgrade, no token. */
class RealtimeConnectFailureTest extends RealtimeClientTestSupport {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void nothingListeningIsRetriedWithBackoffWithoutOnLost() {
        int closedPort = FreePorts.find();
        startClient(fastOptions().withUrl("ws://127.0.0.1:" + closedPort + "/socketlink"));

        await().atMost(SOON).until(() -> client.stats().connects() >= 3);

        assertThat(client.status().state()).isIn(RealtimeState.BACKING_OFF, RealtimeState.CONNECTING);
        assertThat(listener.losses).isEmpty();
        assertThat(listener.lives).isEmpty();
    }

    @Test
    void anUpgradeThatIsNeverAnsweredTimesOutAndIsRetried() throws Exception {
        NetServer silent = vertx.createNetServer().connectHandler(connection -> { }).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        startClient(fastOptions().withUrl("ws://127.0.0.1:" + silent.actualPort()).withConnectTimeout(Duration.ofMillis(300)));

        await().atMost(SOON).until(() -> client.stats().connects() >= 2);

        assertThat(client.status().lastProblem()).isNotNull();
        assertThat(listener.lives).isEmpty();
    }

    @Test
    void theHandshakeTimeoutDoesNotEndAQuietLiveConnection() {
        startClient(fastOptions().withConnectTimeout(Duration.ofMillis(300)).withPing(Duration.ofSeconds(30), Duration.ofSeconds(10)));
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        await().during(Duration.ofMillis(1200)).atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        assertThat(listener.losses).isEmpty();
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(1);
    }

    @Test
    void anIdentifyRefusedFor1008IsRetriedWithARenewedToken() {
        // The refresher still believes the token valid; only the server knows it died early (P4).
        cloud.auth().expireAccessTokens();
        startClient(fastOptions());

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        assertThat(listener.losses).singleElement().asString().contains("1008");
        assertThat(accessTokens).as("one refresh, then its token was used").hasSize(2);
        assertThat(listener.lives).containsExactly(false);
    }

    @Test
    void anAccountThatMustBeAuthorisedAgainWaitsTheLongestBackoffWithoutHammering() {
        tokens = TokenRefresher.builder(ACCOUNT, new TokenStore() {
            @Override
            public Optional<OAuthTokens> load(String account) {
                return Optional.empty();
            }

            @Override
            public void save(String account, OAuthTokens saved) {
            }

            @Override
            public boolean delete(String account) {
                return false;
            }
        }, current -> CompletableFuture.failedFuture(new IllegalStateException("not called"))).build();
        startClient(fastOptions().withBackoff(Duration.ofMillis(50), Duration.ofMinutes(5)));

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.BACKING_OFF);

        assertThat(client.status().lastProblem()).isEqualTo("authorization required");
        assertThat(client.status().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        await().during(Duration.ofMillis(500)).atMost(SOON).until(() -> client.status().state() == RealtimeState.BACKING_OFF);
        assertThat(upgradeRequests()).isZero();
    }
}
