package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brief 2.4 and 8.7 rules 2 and 3: tokens, 401s, 429s and re-authorisation, seen from the cloud's request log. */
class EventStreamAuthorizationTest extends EventStreamTestSupport {

    private static final String TOKEN_PATH = "/security/oauth/token";

    @Test
    void aStreamClosedForItsTokenRenewsTheTokenBeforeItReconnects() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);
        Instant closedAt = Instant.now();

        cloud.faults().closeStreamsUnauthorized(1);

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        List<String> sequence = cloud.requests().since(closedAt).stream()
                .filter(request -> request.path().equals(StreamConnection.PATH) || request.path().equals(TOKEN_PATH))
                .map(request -> request.path() + " " + request.status()).toList();
        assertThat(sequence).containsExactly(StreamConnection.PATH + " 401", TOKEN_PATH + " 200", StreamConnection.PATH + " 200");
        assertThat(tokenStore.load(ACCOUNT)).hasValueSatisfying(
                renewed -> assertThat(renewed.accessToken()).isNotEqualTo(issued.accessToken()));
    }

    @Test
    void repeated401sWaitAlongTheLadderNotTheBackoff() throws Exception {
        cloud.faults().failNext(FaultTarget.EVENT_STREAM, 401, 3);

        HomeConnectEventStream stream = startStream();

        awaitConnected(stream);
        List<RecordedRequest> opens = streamOpens();
        assertThat(opens).extracting(RecordedRequest::status).containsExactly(401, 401, 401, 200);
        assertThat(gap(opens, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(gap(opens, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(gap(opens, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
        assertThat(listener.calls("reconnecting")).extracting(RecordingListener.Call::delay)
                .containsExactly(Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofMillis(1200));
    }

    @Test
    void aRateLimitedOpenSendsNoRequestBeforeRetryAfter() throws Exception {
        cloud.faults().rateLimitNext(FaultTarget.EVENT_STREAM, Duration.ofSeconds(2), 1);

        HomeConnectEventStream stream = startStream();

        awaitConnected(stream);
        List<RecordedRequest> api = cloud.requests().matching(request -> request.path().startsWith("/api/"));
        assertThat(api.get(0).status()).isEqualTo(429);
        Instant limitedAt = api.get(0).time();
        assertThat(cloud.requests().since(limitedAt)).filteredOn(request -> request != api.get(0))
                .allSatisfy(request -> assertThat(request.time()).isAfterOrEqualTo(limitedAt.plusSeconds(2)));
        assertThat(stream.metrics().disconnects(DisconnectReason.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshStopsReconnectingUntilTheAccountIsAuthorisedAgain() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);
        cloud.authorization().revokeRefreshTokens();

        cloud.faults().closeStreamsUnauthorized(5);

        await().atMost(AT_MOST).until(() -> stream.state() == StreamState.AUTH_REQUIRED);
        assertThat(tokens.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);
        assertThat(listener.calls("authRequired")).hasSize(1);
        int opensWhileWaiting = streamOpens().size();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> streamOpens().size() == opensWhileWaiting && stream.state() == StreamState.AUTH_REQUIRED);

        cloud.faults().clear();
        TokenSet fresh = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        tokens.authorize(new OAuthTokens(fresh.accessToken(), fresh.refreshToken(), Instant.now().plusSeconds(fresh.expiresIn()),
                fresh.scope(), "Bearer", Map.of()));

        await().atMost(AT_MOST).until(() -> stream.state() == StreamState.CONNECTED);
        assertThat(streamOpens().get(streamOpens().size() - 1).status()).isEqualTo(200);
    }

    @Test
    void everyOpenIsCountedAgainstTheBudgetAndItsChannelReleased() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);
        assertThat(budget.remaining().openEventStreams()).isEqualTo(1);

        cloud.faults().failNext(FaultTarget.EVENT_STREAM, 503, 2);
        cloud.faults().closeStreams();
        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        assertThat(budget.remaining().openEventStreams()).isEqualTo(1);

        stream.stop().toCompletableFuture().get();
        assertThat(budget.remaining().openEventStreams()).isZero();
    }

    private static Duration gap(List<RecordedRequest> requests, int index) {
        return Duration.between(requests.get(index).time(), requests.get(index + 1).time());
    }
}
