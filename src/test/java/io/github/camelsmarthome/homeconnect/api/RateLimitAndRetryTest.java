package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simulator.homeconnect.ApplianceImage;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client stays inside the limits of brief section 7 and retries only what section 6.2 allows:
 * the budget is asked before anything is sent, a 429 blocks it, reads are repeated after a 5xx,
 * nothing else is.
 */
class RateLimitAndRetryTest extends HomeConnectClientTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;
    private static final HomeConnectRequest STATUS = HomeConnectRequest.of(HomeConnectOperation.getStatus, WASHER);

    private final MutableClock clock = new MutableClock(Instant.now());

    @Override
    protected Clock budgetClock() {
        return clock;
    }

    @Override
    protected BudgetLimits limits() {
        return BudgetLimits.HOME_CONNECT;
    }

    @Override
    protected HomeConnectClientOptions clientOptions() {
        return super.clientOptions().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    @Test
    void a429BlocksTheBudgetAndNothingIsSentUntilRetryAfterHasPassed() {
        cloud.faults().rateLimitNext(FaultTarget.REST, Duration.ofSeconds(120), 1);

        Throwable limited = failureOf(STATUS);

        assertThat(limited).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) limited).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(budget.remaining().blockedUntil()).hasValue(clock.instant().plusSeconds(120));
        assertThat(restRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(119));
        Throwable refused = failureOf(HomeConnectRequest.of(HomeConnectOperation.getSettings, WASHER));
        assertThat(refused).isInstanceOf(RequestBudgetRefusedException.class).hasMessageContaining("was not sent");
        assertThat(((RequestBudgetRefusedException) refused).freesAt()).hasValue(clock.instant().plusSeconds(1));
        assertThat(failureOf(HomeConnectRequest.of(HomeConnectOperation.stopProgram, WASHER)))
                .isInstanceOf(RequestBudgetRefusedException.class);
        assertThat(restRequests()).as("nothing sent while blocked").hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(call(STATUS).status()).isEqualTo(200);
        assertThat(restRequests()).hasSize(2);
    }

    @Test
    void aRefusedBudgetSendsNothingNotEvenATokenRefresh() throws Exception {
        // The stored token is due for renewal: a refresh would be a network call too.
        store.save(ACCOUNT, new OAuthTokens(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(5),
                issued.scope(), "Bearer", Map.of()));
        tokens = TokenRefresher.builder(ACCOUNT, store, oauth).build();
        client.close();
        client = new HomeConnectClient(vertx, clientOptions(), tokens, budget);
        budget.onRateLimited(Duration.ofMinutes(5));

        Throwable refused = failureOf(STATUS);

        assertThat(refused).isInstanceOf(RequestBudgetRefusedException.class);
        assertThat(((RequestBudgetRefusedException) refused).kind()).isEqualTo(RequestKind.READ);
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void lowPriorityReadsLeaveTheReserveToCommands() {
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMillis(200));
            assertThat(budget.tryAcquire(RequestKind.READ, RequestPriority.HIGH).isGranted()).isTrue();
        }
        assertThat(failureOf(client.appliances(RequestPriority.LOW))).isInstanceOf(RequestBudgetRefusedException.class)
                .hasMessageContaining("reserved for higher-priority requests");
        assertThat(resultOf(client.appliances(RequestPriority.HIGH)).path("homeappliances").isArray()).isTrue();
        assertThat(restRequests()).hasSize(1);
    }

    @Test
    void aReadIsRepeatedAfterServerErrorsAndSucceeds() {
        cloud.faults().failNext(FaultTarget.REST, 503, 2);

        assertThat(call(STATUS).status()).isEqualTo(200);

        assertThat(restRequests()).extracting(r -> r.status()).containsExactly(503, 503, 200);
    }

    @Test
    void aReadGivesUpAfterTwoRepetitions() {
        cloud.faults().failNext(FaultTarget.REST, 504, 5);

        assertThat(failureOf(STATUS)).isInstanceOf(ServerErrorException.class).hasMessageContaining("HTTP 504");

        assertThat(restRequests()).extracting(r -> r.status()).containsExactly(504, 504, 504);
    }

    @Test
    void a408IsRepeatedForAReadToo() {
        cloud.faults().failNext(FaultTarget.REST, 408, 1);
        assertThat(call(STATUS).status()).isEqualTo(200);
        assertThat(restRequests()).extracting(r -> r.status()).containsExactly(408, 200);
    }

    @Test
    void aWriteIsNeverRepeated() {
        cloud.faults().failNext(FaultTarget.REST, 503, 1);

        Throwable failure = failureOf(HomeConnectRequest.builder(HomeConnectOperation.setSetting)
                .haId(SimulatedHousehold.DISHWASHER).key("BSH.Common.Setting.ChildLock").data(json("{\"value\":true}")).build());

        assertThat(failure).isInstanceOf(ServerErrorException.class);
        assertThat(restRequests()).extracting(r -> r.status()).containsExactly(503);
    }

    @Test
    void clientErrorsAreNotRepeated() {
        for (int status : new int[] {400, 403, 404, 405, 406, 409, 415}) {
            cloud.requests().clear();
            cloud.faults().failNext(FaultTarget.REST, status, 1);
            Throwable failure = failureOf(STATUS);
            assertThat(failure).as("HTTP " + status).isInstanceOf(HomeConnectException.class);
            assertThat(((HomeConnectException) failure).httpStatus()).isEqualTo(status);
            assertThat(restRequests()).as("HTTP " + status).hasSize(1);
        }
        assertThat(budget.remaining().successiveErrors()).isEqualTo(7);
    }

    @Test
    void aBrokenConnectionIsRepeatedForAReadOnly() {
        cloud.faults().closeConnectionNext(FaultTarget.REST, 1);
        assertThat(call(STATUS).status()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(restRequests()).extracting(r -> r.status()).containsExactlyInAnyOrder(0, 200));

        cloud.requests().clear();
        cloud.faults().closeConnectionNext(FaultTarget.REST, 1);
        assertThat(failureOf(HomeConnectRequest.of(HomeConnectOperation.stopProgram, WASHER)))
                .isInstanceOf(ConnectionFailedException.class);
        await().untilAsserted(() -> assertThat(restRequests()).hasSize(1));
    }

    @Test
    void noAnswerWithinTheRequestTimeoutFailsWithoutRepeating() {
        cloud.faults().delayNext(FaultTarget.REST, Duration.ofSeconds(3), 1);

        Throwable failure = failureOf(STATUS);

        assertThat(failure).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("no answer within 500 ms");
        assertThat(((HomeConnectException) failure).httpStatus()).isZero();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(restRequests()).extracting(r -> r.status()).containsExactly(0));
    }

    @Test
    void anAnswerLargerThanTheBoundIsDroppedUnread() {
        client.close();
        client = new HomeConnectClient(vertx, clientOptions().withMaxBytes(2048, 4096), tokens, budget);
        cloud.household().oven().addImage(new ApplianceImage("Cooking.Oven.EnumType.Camera.Cavity", "big", null,
                1785974400000L, "good", new byte[64 * 1024]));

        Throwable failure = failureOf(HomeConnectRequest.of(HomeConnectOperation.getImage, SimulatedHousehold.OVEN, "big"));

        assertThat(failure).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("4096");
        // The connection was dropped, not the client: the next call works.
        assertThat(call(STATUS).status()).isEqualTo(200);
    }

    @Test
    void everyAnswerIsReportedToTheBudget() {
        call(STATUS);
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getActiveProgram, WASHER));
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getSelectedProgram, WASHER));
        assertThat(budget.remaining().successiveErrors()).isEqualTo(2);
        call(STATUS);
        assertThat(budget.remaining().successiveErrors()).isZero();
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(1000 - 4);
    }
}
