package io.github.camelsmarthome.homeconnect.api.stream;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold.DRYER;
import static io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold.OVEN;
import static io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold.WASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Brief 8.7 rules 5 to 8 and design section 7: what the stream reads over REST to catch up, and when it reads nothing. */
class EventStreamResyncTest extends EventStreamTestSupport {

    private static final String ACTIVE_PROGRAM = "/programs/active";

    @Test
    void aNeverSeenAccountIsReadOnceAtLowPriorityWithTheActiveProgramOnlyWhereOneRuns() throws Exception {
        cloud.clock().setTimeScale(1);
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");

        HomeConnectEventStream stream = startStream();

        awaitSynced(stream, Instant.EPOCH);
        List<String> paths = cloud.requests().restRequests().stream().map(RecordedRequest::path).toList();
        int appliances = cloud.household().appliances().size();
        assertThat(paths).filteredOn("/api/homeappliances"::equals).hasSize(1);
        assertThat(paths).filteredOn(path -> path.endsWith("/status")).hasSize(appliances);
        assertThat(paths).filteredOn(path -> path.endsWith("/settings")).hasSize(appliances);
        assertThat(paths).filteredOn(path -> path.endsWith(ACTIVE_PROGRAM))
                .containsExactly("/api/homeappliances/" + WASHER + ACTIVE_PROGRAM);
        assertThat(stateSource.priorities()).isNotEmpty().containsOnly(RequestPriority.NORMAL);
        assertThat(stream.stateStore().value(WASHER, SyntheticEvents.ACTIVE_PROGRAM))
                .hasValueSatisfying(program -> assertThat(program.asText()).isEqualTo("LaundryCare.Washer.Program.Cotton"));
    }

    @Test
    void resyncedStateArrivesAsStatusEventsMarkedResyncWithTheUriTheyWereReadFrom() throws Exception {
        HomeConnectEventStream stream = startStream();

        awaitSynced(stream, Instant.EPOCH);
        List<HomeConnectEvent> resynced = listener.events(event -> event.origin().equals(EventOrigin.RESYNC));
        assertThat(resynced).isNotEmpty().allSatisfy(event -> assertThat(event.eventType()).isEqualTo(HomeConnectEventType.STATUS));
        assertThat(resynced).filteredOn(event -> event.deviceId().equals(OVEN)).flatExtracting(HomeConnectEvent::items)
                .extracting(HomeConnectEventItem::uri)
                .contains("/api/homeappliances/" + OVEN + "/status/BSH.Common.Status.OperationState",
                        "/api/homeappliances/" + OVEN + "/settings/BSH.Common.Setting.PowerState");
    }

    @Test
    void aRestartWithSavedStateMakesNoRestRequestBeforeItsFirstEventNorAfter() throws Exception {
        HomeConnectEventStream first = startStream();
        awaitSynced(first, Instant.EPOCH);
        first.stop().toCompletableFuture().get();
        cloud.requests().clear();
        RecordingListener second = new RecordingListener();
        AtomicInteger restRequestsAtFirstEvent = new AtomicInteger(-1);
        second.answerWith(event -> {
            restRequestsAtFirstEvent.compareAndSet(-1, cloud.requests().restRequests().size());
            return null;
        });

        HomeConnectEventStream restarted = start(newStream(streamOptions().build(), second));

        await().atMost(AT_MOST).until(() -> restRequestsAtFirstEvent.get() >= 0);
        assertThat(restRequestsAtFirstEvent.get()).isZero();
        assertThat(second.events().get(0).origin()).isEqualTo(EventOrigin.RESTORED);
        awaitConnected(restarted);
        cloud.household().oven().setLocalControlActive(true);
        await().atMost(AT_MOST).until(() -> !second.received().isEmpty());
        assertThat(cloud.requests().restRequests()).isEmpty();
        assertThat(second.events(event -> event.origin().equals(EventOrigin.RESTORED)).stream().map(HomeConnectEvent::deviceId))
                .containsExactlyInAnyOrderElementsOf(first.stateStore().applianceIds());
    }

    @Test
    void aReconnectRereadsConnectedAppliancesButNeverOneThatDisconnected() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        cloud.household().dryer().disconnect();
        await().atMost(AT_MOST).until(() -> !stream.stateStore().isConnected(DRYER));
        Instant disconnected = Instant.now();

        cloud.faults().dropStreams();

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1);
        awaitSynced(stream, listener.gapMarkers().get(0).receivedAt());
        List<String> paths = cloud.requests().since(disconnected).stream().map(RecordedRequest::path).toList();
        assertThat(paths).contains("/api/homeappliances", "/api/homeappliances/" + WASHER + "/status")
                .noneMatch(path -> path.contains(DRYER));
    }

    @Test
    void anApplianceThatDisconnectedDuringTheGapIsMarkedUnavailableAndNotQueried() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        cloud.faults().stallStreams();
        cloud.household().dryer().disconnect();
        Instant disconnected = Instant.now();

        cloud.faults().dropStreams();

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1);
        awaitSynced(stream, listener.gapMarkers().get(0).receivedAt());
        assertThat(stream.stateStore().isConnected(DRYER)).isFalse();
        assertThat(listener.events(event -> event.deviceId().equals(DRYER) && event.eventType().isConnectionEvent()))
                .extracting(HomeConnectEvent::eventType, HomeConnectEvent::origin)
                .containsExactly(tuple(HomeConnectEventType.DISCONNECTED, EventOrigin.RESYNC));
        assertThat(cloud.requests().since(disconnected)).noneMatch(request -> request.path().contains(DRYER));
    }

    @Test
    void aConnectedStormRereadsTheApplianceOnlyUpToTheLimit() throws Exception {
        HomeConnectEventStream stream = start(newStream(streamOptions().applianceRefreshLimit(3, Duration.ofMinutes(1)).build(),
                listener));
        awaitSynced(stream, Instant.EPOCH);
        Instant stormStart = Instant.now();

        for (int i = 0; i < 6; i++) {
            cloud.household().oven().disconnect();
            cloud.household().oven().connect();
        }

        await().atMost(AT_MOST).until(() -> listener.received().stream()
                .filter(event -> event.deviceId().equals(OVEN) && event.eventType().isConnectionEvent()).count() == 12);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> ovenStatusReadsSince(stormStart) <= 2);
        // The seed was the first of three re-reads allowed; two more, and the other four CONNECTED are refused.
        assertThat(stream.metrics().refreshesSuppressed()).isEqualTo(4);
    }

    @Test
    void aSlowRestAnswerNeverHoldsUpTheStream() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        cloud.faults().delayNext(FaultTarget.REST, Duration.ofSeconds(3), 1);
        cloud.faults().closeStreams();
        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1);
        int received = listener.received().size();

        cloud.household().oven().setLocalControlActive(true);

        await().atMost(Duration.ofSeconds(2)).until(() -> listener.received().size() > received);
    }

    private long ovenStatusReadsSince(Instant time) {
        return cloud.requests().since(time).stream().filter(request -> request.path().equals("/api/homeappliances/" + OVEN + "/status"))
                .count();
    }
}
