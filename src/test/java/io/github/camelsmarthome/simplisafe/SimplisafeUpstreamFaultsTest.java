package io.github.camelsmarthome.simplisafe;

import java.util.Optional;

import io.github.camelsmarthome.simplisafe.api.client.SettingsInProgressException;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import io.github.camelsmarthome.simulator.simplisafe.FaultTarget;
import io.github.camelsmarthome.testing.RecoveryTimer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each fault of the SimpliSafe cloud (issue #7) against {@code from("simplisafe:events")}: polls
 * answered 504 or 409 turn the consumer's health DOWN with the reason and UP again, and a change
 * made meanwhile reaches the route once the cloud answers; a busy base station refuses one arming
 * and the next goes through; a refused websocket leaves the feed REST_ONLY, healthy, with the
 * refusal in the health details, and events keep flowing by polling. The time from detection to
 * the first event after it is logged by {@link RecoveryTimer}.
 */
class SimplisafeUpstreamFaultsTest extends SimplisafeComponentTestSupport {

    /** Enough failed answers for several polls to fail, whatever the client repeats within one. */
    private static final int FAILED_ANSWERS = 15;

    @Test
    void pollsAnswered504AreReportedDownAndTheDoorOpenedMeanwhileArrivesWhenTheCloudAnswersAgain() throws Exception {
        recoverFromFailingPolls("SimpliSafe 504 on polls", () -> cloud.faults().gatewayTimeoutNext(FAILED_ANSWERS), "504");
    }

    @Test
    void pollsAnswered409AreReportedDownAndTheDoorOpenedMeanwhileArrivesWhenTheCloudAnswersAgain() throws Exception {
        recoverFromFailingPolls("SimpliSafe 409 on polls", () -> cloud.faults().failNext(FaultTarget.REST, 409, FAILED_ANSWERS),
                "409");
    }

    @Test
    void anArmingRefusedWith409FailsThatExchangeAndTheNextArmingIsDeliveredAsAnEvent() throws Exception {
        startConsumer(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:setState").to("simplisafe:setState");
            }
        });
        awaitWatching();
        ProducerTemplate template = context.createProducerTemplate();
        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        RecoveryTimer timer = RecoveryTimer.start("SimpliSafe 409 on arming");
        cloud.faults().settingsInProgressOnNextArm(1);

        Exchange busy = template.request("direct:setState", exchange -> exchange.getMessage().setBody("home"));
        assertThat(busy.getException()).isInstanceOf(SettingsInProgressException.class);
        timer.detected();
        Exchange armed = template.request("direct:setState", exchange -> exchange.getMessage().setBody("home"));

        assertThat(armed.getException()).isNull();
        awaitEvent(event -> event.type().startsWith("armed_home"));
        timer.recovered(System.nanoTime());
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
        timer.log();
    }

    @Test
    void aWebsocketRefusedWith403LeavesTheFeedRestOnlyAndHealthyWithTheRefusalInTheDetailsAndEventsFlowByPolling()
            throws Exception {
        startConsumer(configuration -> { }, null);
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
        RecoveryTimer timer = RecoveryTimer.start("SimpliSafe websocket 403");

        cloud.faults().rejectSocketUpgrades(true);
        cloud.faults().dropSockets();

        // Three refused upgrades in a row and the client stops trying for the refused pause.
        await().atMost(TIMEOUT).until(() -> String.valueOf(health().getDetails().get("realtime")).contains("REFUSED"));
        timer.detected();
        cloud.system().openSensor(FRONT_DOOR);
        SimplisafeEvent door = awaitEvent(event -> "sensor_triggered".equals(event.type()) && FRONT_DOOR.equals(event.deviceId()));
        timer.recovered(System.nanoTime());
        assertThat(door.origin().name()).isEqualTo("poll");
        HealthCheck.Result health = health();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("connection_mode", "REST_ONLY");
        assertThat(String.valueOf(health.getDetails().get("realtime"))).contains("websocket REFUSED").contains("403");
        timer.log();
    }

    /**
     * Injects failing poll answers, opens the door while they last, waits for the health to go DOWN
     * with {@code reason}, then for the door event and the health UP.
     */
    private void recoverFromFailingPolls(String fault, Runnable inject, String reason) throws Exception {
        startConsumer(configuration -> configuration.setRealtime(false), null);
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> health().getState() == HealthCheck.State.UP);
        RecoveryTimer timer = RecoveryTimer.start(fault);

        inject.run();
        cloud.system().openSensor(FRONT_DOOR);

        HealthCheck.Result down = await().atMost(TIMEOUT).until(this::health, result -> result.getState() == HealthCheck.State.DOWN);
        timer.detected();
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("poll of system").contains(reason));
        awaitEvent(event -> "sensor_triggered".equals(event.type()) && FRONT_DOOR.equals(event.deviceId()));
        timer.recovered(System.nanoTime());
        await().atMost(TIMEOUT).until(() -> health().getState() == HealthCheck.State.UP);
        timer.log();
    }

    private HealthCheck.Result health() {
        Optional<HealthCheck.Result> result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(candidate -> candidate.getCheck().getId().equals("consumer:simplisafe-events")).findFirst();
        return result.orElseThrow();
    }
}
