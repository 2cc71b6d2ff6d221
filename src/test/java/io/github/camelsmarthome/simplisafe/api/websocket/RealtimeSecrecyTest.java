package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Design 8: the identify message carries the bearer token; no log line, status or counter may show it. */
class RealtimeSecrecyTest extends RealtimeClientTestSupport {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void connectingReconnectingAndRefreshingLogNoAccessTokenAtAnyLevel() throws Exception {
        String log;
        try (CapturedLogs ours = CapturedLogs.capture("io.github.camelsmarthome");
                CapturedLogs vertxLogs = CapturedLogs.capture("io.vertx");
                CapturedLogs nettyLogs = CapturedLogs.capture("io.netty")) {
            startClient(fastOptions());
            await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);
            cloud.sockets().sendRaw("{\"type\":\"com.simplisafe.connection.identify\",\"data\":{\"auth\":{\"token\":\""
                    + issued.accessToken() + "\"}}}");
            cloud.sockets().sendRaw("{\"not json\": \"" + issued.accessToken());
            cloud.emitEvent(1407);
            await().atMost(SOON).until(() -> listener.events.size() == 1 && client.stats().invalidMessages() == 1);

            cloud.faults().dropSockets();
            await().atMost(SOON).until(() -> listener.lives.size() == 2);
            cloud.faults().freezeSockets();
            await().atMost(SOON).until(() -> listener.lives.size() == 3);

            cloud.auth().expireAccessTokens();
            tokens.refreshAfterRejection(issued.accessToken()).get();
            client.reconnect("token refreshed");
            await().atMost(SOON).until(() -> listener.lives.size() == 4);
            cloud.faults().rejectSocketUpgrades(true);
            cloud.faults().closeSockets(1011, "server error");
            await().atMost(SOON).until(() -> client.status().state() == RealtimeState.REFUSED);
            client.close();
            log = String.join("\n", ours.allText(), vertxLogs.allText(), nettyLogs.allText());
        }

        assertThat(accessTokens).hasSize(2);
        assertThat(log).as("the flows were logged at DEBUG").contains("identify sent", "connection lost", "reconnecting",
                "Refreshing the tokens", "refused with HTTP 403");
        List<String> shown = List.of(log, client.status().toString(), client.stats().toString(), fastOptions().toString());
        for (String token : accessTokens) {
            assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(token));
        }
    }
}
