package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import io.github.camelsmarthome.simulator.simplisafe.SubscribedMessageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief 6.3 and 9: identify, live, events once, bad frames skipped, reconnect with a new token, close. */
class SimplisafeRealtimeClientTest extends RealtimeClientTestSupport {

    private static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void goesLiveJoiningTheUsersNamespaceAndDeliversAnEmittedEventOnceAsRealtime() {
        startClient(fastOptions());

        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);
        assertThat(listener.lives).containsExactly(false);
        // The simulator subscribes a socket only when identify carried a live token and join ["uid:12345"].
        assertThat(cloud.sockets().subscribedCount()).isEqualTo(1);

        SimulatedEvent disarmed = cloud.emitEvent(1407);

        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.events.isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> listener.events.size() == 1);
        assertThat(listener.events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(disarmed.eventId());
            assertThat(event.origin()).isEqualTo(SimplisafeEventOrigin.REALTIME);
            assertThat(event.systemId()).isEqualTo(SID);
        });
        assertThat(client.stats().eventsReceived()).isEqualTo(1);
        assertThat(client.stats().subscribed()).isEqualTo(1);
    }

    @Test
    void theServiceSubscribedTypeCountsAsLiveToo() {
        cloud.sockets().setSubscribedMessageType(SubscribedMessageType.SERVICE);
        startClient(fastOptions());

        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);
        assertThat(listener.lives).containsExactly(false);
    }

    @Test
    void invalidTextAndBinaryFramesAreCountedAndSkippedWhileTheConnectionStaysLive() {
        startClient(fastOptions());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);

        cloud.sockets().sendRaw("{\"type\": \"com.simplisafe.event.standard\", \"data\": ");
        cloud.sockets().sendRaw("not json at all");
        cloud.sockets().sendBinary("binary".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().invalidMessages() == 3);
        SimulatedEvent after = cloud.emitEvent(3350);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 1);
        assertThat(listener.events.get(0).eventId()).isEqualTo(after.eventId());
        assertThat(client.status().state()).isEqualTo(RealtimeState.LIVE);
        assertThat(client.stats().lost()).isZero();
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(1);
        assertThat(listener.losses).isEmpty();
    }

    @Test
    void aMessageOverTheSizeLimitIsCountedAndDroppedWhileTheConnectionStaysLive() {
        startClient(fastOptions());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);

        cloud.sockets().sendRaw("x".repeat(2 * WebsocketMessageParser.DEFAULT_MAX_MESSAGE_CHARS));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().invalidMessages() >= 1);
        SimulatedEvent after = cloud.emitEvent(3350);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 1);
        assertThat(listener.events.get(0).eventId()).isEqualTo(after.eventId());
        assertThat(client.status().state()).isEqualTo(RealtimeState.LIVE);
        assertThat(listener.losses).isEmpty();
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheNextEventStillArrives() {
        List<Long> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        client = new SimplisafeRealtimeClient(vertx, fastOptions(), tokens, USER_ID, new SimplisafeRealtimeListener() {
            @Override
            public void onEvent(io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent event) {
                delivered.add(event.eventId());
                if (delivered.size() == 1) {
                    throw new IllegalStateException("a route failed");
                }
            }

            @Override
            public void onLive(boolean afterGap) {
                listener.onLive(afterGap);
            }
        }, clock);
        client.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);

        SimulatedEvent first = cloud.emitEvent(1407);
        SimulatedEvent second = cloud.emitEvent(3401);

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 2);
        assertThat(delivered).containsExactly(first.eventId(), second.eventId());
        assertThat(client.stats().listenerFailures()).isEqualTo(1);
        assertThat(client.status().state()).isEqualTo(RealtimeState.LIVE);
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(1);
    }

    @Test
    void reconnectAfterATokenRefreshIdentifiesANewSocketWithTheNewTokenAndClosesTheOldOne() throws Exception {
        startClient(fastOptions());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);

        // The old token is dead from now on: a socket that identified with it would be closed with 1008.
        cloud.auth().expireAccessTokens();
        String fresh = tokens.refreshAfterRejection(issued.accessToken()).get();
        assertThat(fresh).isNotEqualTo(issued.accessToken());
        client.reconnect("token refreshed");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.lives.size() == 2);
        assertThat(listener.lives).containsExactly(false, true);
        assertThat(listener.losses).as("a reconnect the caller asked for is not a loss").isEmpty();
        assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.sockets().openCount() == 1);
        assertThat(cloud.sockets().subscribedCount()).isEqualTo(1);
        SimulatedEvent after = cloud.emitEvent(1407);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events.size() == 1);
        assertThat(listener.events.get(0).eventId()).isEqualTo(after.eventId());
    }

    @Test
    void closeStopsReconnectingAndNoCallbackFollows() {
        startClient(fastOptions());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == RealtimeState.LIVE);
        int callsAtClose = listener.calls.size();

        client.close();
        client.close();
        cloud.emitEvent(1407);
        cloud.faults().dropSockets();

        assertThat(client.status().state()).isEqualTo(RealtimeState.STOPPED);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> upgradeRequests() == 1);
        assertThat(listener.calls).hasSize(callsAtClose);
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.sockets().openCount() == 0);
    }
}
