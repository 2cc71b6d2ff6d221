package io.github.camelsmarthome.simplisafe;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simulator.simplisafe.RequestKind;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens in the component: a refresh reconnects the websocket with the new token, a refused
 * refresh is AUTH_REQUIRED (health and event), and no token or code reaches a log line at any level.
 */
class SimplisafeAuthTest extends SimplisafeComponentTestSupport {

    private int upgrades() {
        return cloud.requests().ofKind(RequestKind.WEBSOCKET).size();
    }

    @Test
    void aTokenRefreshReconnectsTheWebsocket() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
        int before = upgrades();

        // The cloud rejects the current access token: the client refreshes, and the socket follows.
        cloud.auth().expireAccessTokens();
        await().atMost(TIMEOUT).until(() -> upgrades() > before);
        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
        SimplisafeEventFeedProbe.assertEventsFlow(this);
    }

    @Test
    void aRefusedRefreshIsAuthRequiredInHealthAndAsAnEvent() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitWatching();
        cloud.auth().revokeAllTokens();

        SimplisafeEvent authRequired = awaitEvent(event -> SimplisafeEventFeed.CONNECTION_MODE_CHANGED.equals(event.type())
                                                           && "AUTH_REQUIRED".equals(event.info()));
        assertThat(authRequired.systemId()).isEqualTo(SID);
        assertThat(mode()).isEqualTo(ConnectionMode.AUTH_REQUIRED);
        HealthCheck.Result health = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().contains("simplisafe")).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).get().asString().contains("authorize simplisafe");
        assertThat(health.getDetails()).containsEntry("connection_mode", "AUTH_REQUIRED");
    }

    @Test
    void noTokenOrCodeInAnyLogLineAtAnyLevel() throws Exception {
        List<String> secrets = new ArrayList<>();
        try (CapturedLogs root = CapturedLogs.capture("")) {
            startConsumer(configuration -> configuration.setArmCode("Zq7Lx-arm-code"), new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:arm").to("simplisafe:setState");
                }
            });
            awaitWatching();
            await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
            secrets.addAll(storedTokens());
            cloud.auth().expireAccessTokens();
            await().atMost(TIMEOUT).until(() -> !secrets.containsAll(storedTokens()));
            secrets.addAll(storedTokens());
            context.createProducerTemplate().request("direct:arm", exchange -> {
                exchange.getMessage().setBody("home");
                exchange.getMessage().setHeader(SimplisafeConstants.CODE, "Pw3Kd-wrong-code");
            });
            cloud.emitEvent(1110);
            awaitEvent(type("alarm_triggered"));
            context.stop();

            String logged = root.allText();
            assertThat(logged).contains("SimpliSafe");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
            }
            // Codes that cannot occur by chance (a 4-digit code would match temporary folder names).
            assertThat(logged).doesNotContain("Zq7Lx-arm-code").doesNotContain("Pw3Kd-wrong-code");
        }
    }

    private List<String> storedTokens() throws Exception {
        FileTokenStore store = new FileTokenStore(stateDir);
        OAuthTokens tokens = store.load(accountName()).orElseThrow();
        List<String> found = new ArrayList<>();
        if (tokens.accessToken() != null) {
            found.add(tokens.accessToken());
        }
        found.add(tokens.refreshToken());
        assertThat(Files.exists(store.fileOf(accountName()))).isTrue();
        return found;
    }
}
