package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Brief 9 rule 4: every way a connection dies is noticed and followed by a reconnect with
 * back-off; the next subscribed reports the gap so the caller back-fills from REST.
 */
class RealtimeDeadConnectionTest extends RealtimeClientTestSupport {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void aTcpCutWithoutCloseFrameIsNoticedAndTheClientComesBackLiveAfterAGap() {
        startClient(fastOptions());
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        cloud.faults().dropSockets();

        await().atMost(SOON).until(() -> listener.lives.size() == 2);
        assertThat(listener.losses).singleElement().asString().contains("cut without a close frame");
        assertThat(listener.calls).containsExactly("live", "lost", "live");
        assertThat(listener.lives).containsExactly(false, true);
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(2);
        assertThat(client.stats().lost()).isEqualTo(1);
        assertEventsFlowAgain();
    }

    @Test
    void aFrozenPeerThatAnswersNoPingIsDeclaredDeadAndReplaced() {
        startClient(fastOptions());
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);
        // A healthy peer answers pings: some ping intervals pass without a loss.
        await().during(Duration.ofMillis(700)).atMost(SOON).until(() -> listener.losses.isEmpty());

        cloud.faults().freezeSockets();

        await().atMost(SOON).until(() -> listener.lives.size() == 2);
        assertThat(listener.losses).singleElement().asString().contains("no pong");
        assertThat(listener.lives).containsExactly(false, true);
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(2);
        assertEventsFlowAgain();
    }

    @Test
    void aCloseFrameFromTheServerLeadsToAReconnect() {
        startClient(fastOptions());
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        cloud.faults().closeSockets(4000, "going away");

        await().atMost(SOON).until(() -> listener.lives.size() == 2);
        assertThat(listener.losses).singleElement().asString().contains("code 4000");
        assertThat(listener.lives).containsExactly(false, true);
        assertEventsFlowAgain();
    }

    @Test
    void aWithheldSubscribedMessageEndsTheAttemptAfterTheSubscribedTimeoutAndTheClientRetries() {
        cloud.faults().withholdSubscribed(true);
        startClient(fastOptions());

        await().atMost(SOON).until(() -> listener.losses.size() >= 2);
        assertThat(listener.losses).allSatisfy(reason -> assertThat(reason).contains("no subscribed message"));
        assertThat(listener.lives).isEmpty();
        assertThat(cloud.sockets().acceptedUpgrades()).isGreaterThanOrEqualTo(2);

        cloud.faults().withholdSubscribed(false);

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);
        assertThat(listener.lives).as("never live before: no gap to fill").containsExactly(false);
    }

    @Test
    void theSilenceWatchdogWhenEnabledReconnectsAQuietConnection() {
        startClient(fastOptions().withSilenceWatchdog(Duration.ofMillis(400)));
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        await().atMost(SOON).until(() -> !listener.losses.isEmpty());

        assertThat(listener.losses.get(0)).contains("no message for");
        await().atMost(SOON).until(() -> listener.lives.size() >= 2);
    }

    @Test
    void whileBackingOffTheStatusSaysWhenAndWhy() {
        startClient(fastOptions().withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(1)));
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);

        cloud.faults().dropSockets();

        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.BACKING_OFF);
        RealtimeStatus status = client.status();
        assertThat(status.lastProblem()).contains("cut");
        assertThat(status.nextAttemptAt()).isBetween(clock.instant().plusSeconds(23), clock.instant().plusSeconds(30));
    }

    private void assertEventsFlowAgain() {
        await().atMost(SOON).until(() -> client.status().state() == RealtimeState.LIVE);
        SimulatedEvent after = cloud.emitEvent(1407);
        await().atMost(SOON).until(() -> listener.events.size() == 1);
        assertThat(listener.events.get(0).eventId()).isEqualTo(after.eventId());
    }
}
