package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.junit.jupiter.api.Test;

/** A 401 renews the token once and repeats the call once (brief sections 2.4 and 6.2). */
class TokenRejectionTest extends HomeConnectClientTestSupport {

    private static final HomeConnectRequest STATUS = HomeConnectRequest.of(HomeConnectOperation.getStatus, SimulatedHousehold.WASHER);
    private static final String STATUS_LINE = "GET /api/homeappliances/" + SimulatedHousehold.WASHER + "/status";

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() throws Exception {
        cloud.authorization().expireAccessTokens();

        HomeConnectResponse response = call(STATUS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(requestLines()).containsExactly(STATUS_LINE, "POST /security/oauth/token", STATUS_LINE);
        assertThat(cloud.requests().all()).extracting(r -> r.status()).containsExactly(401, 200, 200);
        OAuthTokens saved = store.load(ACCOUNT).orElseThrow();
        assertThat(saved.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(saved.refreshToken()).as("rotated refresh token saved").isNotEqualTo(issued.refreshToken());
        assertThat(tokens.status().state()).isEqualTo(AuthState.AUTHORIZED);
    }

    @Test
    void aSecond401IsNotRepeatedAgain() {
        cloud.faults().failNext(FaultTarget.REST, 401, 2);

        Throwable failure = failureOf(STATUS);

        assertThat(failure).isInstanceOf(InvalidTokenException.class);
        assertThat(requestLines()).containsExactly(STATUS_LINE, "POST /security/oauth/token", STATUS_LINE);
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(limits().requestsPerDay() - 2);
    }

    @Test
    void aRefusedRefreshEndsInAuthorisationRequiredWithoutRepeatingTheCall() {
        cloud.authorization().expireAccessTokens();
        cloud.authorization().revokeRefreshTokens();

        Throwable failure = failureOf(STATUS);

        assertThat(failure).isInstanceOf(AuthorizationRequiredException.class);
        assertThat(requestLines()).containsExactly(STATUS_LINE, "POST /security/oauth/token");
        assertThat(tokens.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);

        // While a person must act, calls fail at once: no request, no budget spent.
        cloud.requests().clear();
        int before = budget.remaining().dailyRemaining();
        assertThat(failureOf(STATUS)).isInstanceOf(AuthorizationRequiredException.class);
        assertThat(cloud.requests().all()).isEmpty();
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(before);
    }

    @Test
    void concurrentRejectionsShareOneRefresh() {
        cloud.authorization().expireAccessTokens();
        var first = client.execute(STATUS);
        var second = client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, SimulatedHousehold.WASHER));

        assertThat(resultOf(first).status()).isEqualTo(200);
        assertThat(resultOf(second).status()).isEqualTo(200);
        assertThat(requestLines()).filteredOn(line -> line.startsWith("POST")).hasSize(1);
    }
}
