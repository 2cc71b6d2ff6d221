package io.github.camelsmarthome.simplisafe.api.feed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClientOptions;
import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One system's polls against the fake cloud: adaptive intervals and the cooldown after arming. */
class SystemWatchTest {

    private static final long SID = 12345;
    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration SLOW = Duration.ofSeconds(9);

    @TempDir
    Path stateDir;

    private Vertx vertx;
    private SimpliSafeSimulator cloud;
    private SimpliSafeClient client;

    @BeforeEach
    void startCloudAndClient() throws Exception {
        vertx = Vertx.vertx();
        cloud = new SimpliSafeSimulator(vertx, SimpliSafeSimulatorOptions.forTests().build()).start();
        IssuedTokens issued = cloud.auth().issueTokens();
        FileTokenStore store = new FileTokenStore(stateDir);
        store.save("test", new OAuthTokens(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(issued.expiresIn()),
                issued.scope(), "Bearer", Map.of()));
        TokenRefresher tokens = TokenRefresher.builder("test", store, current -> {
            throw new AssertionError("no refresh expected");
        }).build();
        client = new SimpliSafeClient(vertx, SimpliSafeClientOptions.defaults().withApiUrl(cloud.apiUrl()), tokens);
    }

    @AfterEach
    void stop() {
        client.close();
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private SystemWatch watchWith(Duration cooldown) {
        SimplisafeFeedOptions options = SimplisafeFeedOptions.defaults().withPollIntervals(FAST, SLOW).withArmCooldown(cooldown);
        SystemWatch watch = new SystemWatch(SID, client, options, new SeenEventIds(), Clock.systemUTC());
        SimplisafeSystem system = client.getSystems().join().get(0);
        watch.baseline(system).join();
        return watch;
    }

    private long sensorReads() {
        return cloud.requests().restRequests().stream().filter(request -> request.path().contains("/sensors")).count();
    }

    @Test
    void theDeviceListNamesTheSystemItsSensorsAndLocksOnceAPollReadThem() {
        SystemWatch watch = watchWith(Duration.ZERO);
        var readout = client.getSensors(SID, false).join();

        assertThat(readout.sensors()).isNotEmpty();
        assertThat(watch.deviceIds()).hasValueSatisfying(ids -> {
            assertThat(ids).contains(Long.toString(SID));
            readout.sensors().forEach(sensor -> assertThat(ids).contains(sensor.serial()));
            readout.locks().forEach(lock -> assertThat(ids).contains(lock.serial()));
        });
    }

    @Test
    void withoutReadingSensorsTheDeviceListIsNeverComplete() {
        SimplisafeFeedOptions options = SimplisafeFeedOptions.defaults().withPollIntervals(FAST, SLOW).withHistory(20, false);
        SystemWatch watch = new SystemWatch(SID, client, options, new SeenEventIds(), Clock.systemUTC());
        watch.baseline(client.getSystems().join().get(0)).join();

        assertThat(watch.deviceIds()).isEmpty();
    }

    @Test
    void pollsSlowlyWhileDisarmedAndFastOnceArmingStarts() {
        SystemWatch watch = watchWith(Duration.ZERO);
        assertThat(watch.nextInterval()).isEqualTo(SLOW);

        cloud.system().setExitDelay(AlarmMode.AWAY, 600);
        cloud.system().armByKeypad(AlarmMode.AWAY);
        watch.poll(false).join();
        assertThat(watch.nextInterval()).isEqualTo(FAST);

        cloud.system().disarmByKeypad("Master PIN");
        watch.poll(false).join();
        assertThat(watch.nextInterval()).isEqualTo(SLOW);
    }

    @Test
    void sensorsRestDuringTheCooldownAfterArmingOnASystemWithLocks() {
        SystemWatch watch = watchWith(Duration.ofHours(1));
        watch.poll(false).join();
        long before = sensorReads();
        watch.poll(false).join();
        assertThat(sensorReads()).as("disarmed and unchanged: sensors are read at every poll").isEqualTo(before + 1);

        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        cloud.system().armByKeypad(AlarmMode.HOME);
        List<SimplisafeEvent> armed = watch.poll(false).join();
        assertThat(armed).extracting(SimplisafeEvent::type).contains("armed_home");
        long afterArming = sensorReads();
        watch.poll(false).join();
        watch.poll(false).join();
        assertThat(sensorReads()).as("no sensor read during the cooldown").isEqualTo(afterArming);
    }

    @Test
    void withoutACooldownSensorsAreReadRightAfterArming() {
        SystemWatch watch = watchWith(Duration.ZERO);
        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        cloud.system().armByKeypad(AlarmMode.HOME);
        watch.poll(false).join();
        long afterArming = sensorReads();
        watch.poll(false).join();
        assertThat(sensorReads()).isEqualTo(afterArming + 1);
    }

    private SystemWatch resumedFrom(FeedCheckpointFile.SystemCheckpoint checkpoint) {
        SeenEventIds seen = new SeenEventIds();
        if (checkpoint != null) {
            seen.restore(SID, checkpoint.emittedIds());
        }
        SimplisafeFeedOptions options = SimplisafeFeedOptions.defaults().withPollIntervals(FAST, SLOW);
        SystemWatch watch = new SystemWatch(SID, client, options, seen, Clock.systemUTC(), checkpoint);
        watch.baseline(client.getSystems().join().get(0)).join();
        return watch;
    }

    @Test
    void resumedFromACheckpointTheFirstHistoryReadBringsTheDowntimeEventsAndNoneEmittedBefore() {
        SystemWatch beforeCrash = watchWith(Duration.ZERO);
        SimulatedEvent delivered = cloud.system().emitEvent(1602);
        assertThat(beforeCrash.poll(true).join()).extracting(SimplisafeEvent::id).containsExactly("id:" + delivered.eventId());
        FeedCheckpointFile.SystemCheckpoint saved = beforeCrash.checkpoint();

        SimulatedEvent whileDown = cloud.system().emitEvent(1602);
        SystemWatch afterRestart = resumedFrom(saved);

        assertThat(afterRestart.poll(true).join()).extracting(SimplisafeEvent::id).containsExactly("id:" + whileDown.eventId());
    }

    @Test
    void resumedFromACheckpointAnEventEmittedBeyondTheSavedPositionIsNotEmittedAgain() {
        cloud.system().emitEvent(1602);
        SystemWatch beforeCrash = watchWith(Duration.ZERO);
        FeedCheckpointFile.SystemCheckpoint position = beforeCrash.checkpoint();
        assertThat(position.hasPosition()).isTrue();
        SimulatedEvent delivered = cloud.system().emitEvent(1602);
        beforeCrash.poll(true).join();
        // As when the websocket delivered it: the id is saved, the history position is older.
        FeedCheckpointFile.SystemCheckpoint saved = new FeedCheckpointFile.SystemCheckpoint(position.lastEventIdOrNull(),
                position.lastEventTimeOrNull(), beforeCrash.checkpoint().emittedIds());

        SystemWatch afterRestart = resumedFrom(saved);

        assertThat(afterRestart.poll(true).join()).extracting(SimplisafeEvent::id).doesNotContain("id:" + delivered.eventId());
    }

    @Test
    void withoutACheckpointTheFirstHistoryPageIsABaselineAsBefore() {
        watchWith(Duration.ZERO);
        cloud.system().emitEvent(1602);

        SystemWatch fresh = resumedFrom(null);

        assertThat(fresh.poll(true).join()).noneMatch(event -> event.eventId() != null);
    }
}
