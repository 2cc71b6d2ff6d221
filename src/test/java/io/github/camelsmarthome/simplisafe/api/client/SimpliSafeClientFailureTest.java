package io.github.camelsmarthome.simplisafe.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simulator.simplisafe.FaultTarget;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Token renewal, retries of reads only, bounded answers and secret-free logs. */
class SimpliSafeClientFailureTest extends SimpliSafeClientTestSupport {

    @Test
    void a401RenewsTheTokenOnceAndRepeats() {
        cloud.faults().unauthorizedNext(1);

        assertThat(resultOf(client.getSensors(SID, false)).locks()).hasSize(3);

        assertThat(refreshedTokens).hasSize(1);
        assertThat(restLines()).containsExactly("GET /api/v1/ss3/subscriptions/12345/sensors 401",
                "GET /api/v1/ss3/subscriptions/12345/sensors 200");
    }

    @Test
    void a401OnAWriteIsRepeatedWithTheNewToken() {
        cloud.faults().unauthorizedNext(1);

        resultOf(client.lock(SID, "987"));

        assertThat(refreshedTokens).hasSize(1);
        assertThat(restLines()).containsExactly("POST /api/v1/doorlock/12345/987/state 401",
                "POST /api/v1/doorlock/12345/987/state 200");
    }

    @Test
    void a401AfterRenewalIsUnauthorizedWithoutASecondRenewal() {
        cloud.faults().unauthorizedNext(2);

        assertThat(failureOf(client.getState(SID))).isInstanceOf(UnauthorizedException.class).hasMessageContaining("401");

        assertThat(refreshedTokens).hasSize(1);
        assertThat(restLines()).hasSize(2);
    }

    @Test
    void aGatewayTimeoutOnAReadIsRepeated() {
        cloud.faults().gatewayTimeoutNext(2);

        assertThat(resultOf(client.getSettings(SID, true))).isPresent();

        assertThat(restLines()).containsExactly("GET /api/v1/ss3/subscriptions/12345/settings/normal 504",
                "GET /api/v1/ss3/subscriptions/12345/settings/normal 504",
                "GET /api/v1/ss3/subscriptions/12345/settings/normal 200");
    }

    @Test
    void readsGiveUpAfterTheBoundedRepeats() {
        cloud.faults().gatewayTimeoutNext(5);

        Throwable failure = failureOf(client.getSensors(SID, true));

        assertThat(failure).isInstanceOf(ServerErrorException.class).hasMessageContaining("504")
                .hasMessageNotContaining("<");
        assertThat(((SimpliSafeException) failure).status()).isEqualTo(504);
        assertThat(restLines()).hasSize(3);
    }

    @Test
    void aGatewayTimeoutOnArmingIsNotRepeated() {
        cloud.faults().gatewayTimeoutNext(1);

        assertThat(failureOf(client.setState(SID, TargetState.AWAY))).isInstanceOf(ServerErrorException.class);

        assertThat(restLines()).containsExactly("POST /api/v1/ss3/subscriptions/12345/state/away 504");
    }

    @Test
    void aGatewayTimeoutOnALockCommandIsNotRepeated() {
        cloud.faults().gatewayTimeoutNext(1);

        assertThat(failureOf(client.unlock(SID, "987"))).isInstanceOf(ServerErrorException.class);

        assertThat(restLines()).hasSize(1);
    }

    @Test
    void aLostConnectionOnAReadIsRepeated() {
        cloud.faults().closeConnectionNext(FaultTarget.REST, 1);

        assertThat(resultOf(client.getUserId())).isEqualTo(12345L);
        assertThat(cloud.requests().restRequests()).hasSize(2);
    }

    @Test
    void aLostConnectionOnArmingIsConnectionFailed() {
        cloud.faults().closeConnectionNext(FaultTarget.ARMING, 1);

        assertThat(failureOf(client.setState(SID, TargetState.HOME))).isInstanceOf(ConnectionFailedException.class);
        assertThat(cloud.requests().restRequests()).hasSize(1);
    }

    @Test
    void aSlowAnswerToAWriteTimesOutOnce() {
        client.close();
        client = new SimpliSafeClient(vertx, clientOptions().withRequestTimeout(Duration.ofMillis(200)), tokens);
        cloud.faults().delayNext(FaultTarget.ARMING, Duration.ofSeconds(2), 1);

        assertThat(failureOf(client.setState(SID, TargetState.HOME))).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("200 ms");
    }

    @Test
    void anOversizedAnswerIsDropped() {
        client.close();
        client = new SimpliSafeClient(vertx, clientOptions().withMaxBodyBytes(1024), tokens);

        Throwable failure = failureOf(client.getSensors(SID, false));

        assertThat(failure).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("1024");
        assertThat(cloud.requests().restRequests()).hasSize(1);
    }

    @Test
    void debugLogsNameCallsButNeverTokens() {
        cloud.faults().unauthorizedNext(1);
        cloud.faults().gatewayTimeoutNext(1);
        try (CapturedLogs logs = CapturedLogs.capture(SimpliSafeClient.class.getName())) {
            resultOf(client.getSensors(SID, false));
            failureOf(client.setState(SID, TargetState.AWAY).thenCompose(ignored -> client.lock(SID, "missing")));

            assertThat(logs.atLevel(Level.DEBUG)).isNotEmpty();
            assertThat(logs.allText()).contains("getSensors GET /ss3/subscriptions/12345/sensors -> HTTP 401")
                    .contains("HTTP 504").contains("repeat 1 of 2")
                    .doesNotContain(issued.accessToken()).doesNotContain(issued.refreshToken())
                    .doesNotContain("Bearer");
            refreshedTokens.forEach(token -> assertThat(logs.allText()).doesNotContain(token));
        }
    }
}
