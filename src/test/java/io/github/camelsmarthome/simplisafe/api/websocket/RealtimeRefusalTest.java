package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Brief 9 rule 5 and 11 P1: a few HTTP 403 upgrades, then realtime is off for hours; no hammering. */
class RealtimeRefusalTest extends RealtimeClientTestSupport {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void afterThreeRefusedUpgradesRealtimeIsOffForTheRefusedBackoffAndNoFurtherAttemptIsMade() {
        cloud.faults().rejectSocketUpgrades(true);
        startClient(fastOptions());

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.REFUSED);

        RealtimeStatus status = client.status();
        assertThat(status.consecutiveRefusals()).isEqualTo(3);
        assertThat(status.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(status.lastProblem()).contains("403");
        // Five times the longest normal back-off: a client still trying would have tried again.
        await().during(NORMAL_MAX_BACKOFF.multipliedBy(5)).atMost(SOON).until(() -> upgradeRequests() == 3);
        assertThat(listener.refusals).containsExactly("3 until " + clock.instant().plus(Duration.ofHours(2)));
        assertThat(listener.lives).isEmpty();
        assertThat(client.stats().refusals()).isEqualTo(3);
    }

    @Test
    void afterTheRefusedPauseOneMoreAttemptIsMadeAndAnotherRefusalDoublesThePause() {
        cloud.faults().rejectSocketUpgrades(true);
        startClient(fastOptions().withRefusals(3, Duration.ofMillis(300)));

        await().atMost(SOON).until(() -> listener.refusals.size() == 2);

        assertThat(upgradeRequests()).isEqualTo(4);
        assertThat(listener.refusals).containsExactly("3 until " + clock.instant().plusMillis(300),
                "4 until " + clock.instant().plusMillis(600));
    }

    @Test
    void anAcceptedUpgradeAfterTheRefusedPauseGoesLiveAndForgetsTheRefusals() {
        cloud.faults().rejectSocketUpgrades(true);
        startClient(fastOptions().withRefusals(2, Duration.ofMillis(300)));
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.REFUSED);

        cloud.faults().rejectSocketUpgrades(false);

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);
        assertThat(client.status().consecutiveRefusals()).isZero();
        assertThat(listener.lives).containsExactly(false);
    }

    @Test
    void aReconnectRequestDoesNotEndARefusedPeriod() {
        cloud.faults().rejectSocketUpgrades(true);
        startClient(fastOptions());
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.REFUSED);

        client.reconnect("token refreshed");

        await().during(NORMAL_MAX_BACKOFF.multipliedBy(3)).atMost(SOON).until(() -> upgradeRequests() == 3);
        assertThat(client.status().state()).isEqualTo(RealtimeState.REFUSED);
    }

    @Test
    void fewerRefusalsThanTheLimitAreOrdinaryFailures() {
        cloud.faults().rejectSocketUpgrades(true);
        startClient(fastOptions().withRefusals(100, Duration.ofHours(2)));

        await().atMost(SOON).until(() -> upgradeRequests() >= 4);

        assertThat(client.status().state()).isIn(RealtimeState.BACKING_OFF, RealtimeState.CONNECTING);
        assertThat(listener.refusals).isEmpty();
    }
}
