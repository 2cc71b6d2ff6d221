package io.github.camelsmarthome.simplisafe;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import io.github.camelsmarthome.simulator.simplisafe.RequestKind;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a cloud that refuses the websocket with HTTP 403 (the common case since 2025), events still
 * flow by REST polling and the connection mode reads REST_ONLY.
 */
class SimplisafeRestOnlyTest extends SimplisafeComponentTestSupport {

    @Override
    protected SimpliSafeSimulatorOptions.Builder simulatorOptions() {
        return super.simulatorOptions().rejectSocketUpgrades(true);
    }

    @Test
    void armingDoorAndAlarmArriveByPollingWhileTheWebsocketIsRefused() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitWatching();
        SimplisafeEvent mode = awaitEvent(type(SimplisafeEventFeed.CONNECTION_MODE_CHANGED));
        assertThat(mode.info()).isEqualTo("REST_ONLY");
        SimplisafeEvent snapshot = awaitEvent(type("state_snapshot"));
        assertThat(snapshot.info()).isEqualTo("OFF");
        assertThat(snapshot.raw().path("alarmState").asText()).isEqualTo("OFF");

        cloud.system().openSensor(FRONT_DOOR);
        SimplisafeEvent door = awaitEvent(event -> "sensor_triggered".equals(event.type()) && FRONT_DOOR.equals(event.deviceId()));
        assertThat(door.origin().name()).isEqualTo("poll");

        cloud.system().closeSensor(FRONT_DOOR);
        awaitEvent(event -> "sensor_cleared".equals(event.type()) && FRONT_DOOR.equals(event.deviceId()));

        cloud.system().setExitDelay(AlarmMode.AWAY, 0);
        cloud.system().armByKeypad(AlarmMode.AWAY);
        awaitEvent(event -> event.type().startsWith("armed_away"));

        cloud.system().setEntryDelay(AlarmMode.AWAY, 0);
        cloud.system().openSensor(FRONT_DOOR);
        awaitEvent(type("alarm_triggered"));

        // The websocket was refused three times and left alone: REST only, and healthy.
        await().atMost(TIMEOUT).until(() -> cloud.faults() != null
                                            && cloud.requests().ofKind(RequestKind.WEBSOCKET).size() >= 3);
        assertThat(mode()).isEqualTo(ConnectionMode.REST_ONLY);
        assertThat(count(type(SimplisafeEventFeed.CONNECTION_MODE_CHANGED))).isEqualTo(1);
        HealthCheck.Result health = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().contains("simplisafe")).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("connection_mode", "REST_ONLY");
    }

    @Test
    void anArmingIsAnnouncedOnceAlthoughHistoryAndPollingBothSeeIt() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitWatching();
        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        cloud.system().armByKeypad(AlarmMode.HOME);
        awaitEvent(type("armed_home"));
        // A marker after the arming: once it is through, every poll that could repeat the arming is too.
        long pollsNow = stats().polls();
        await().atMost(TIMEOUT).until(() -> stats().polls() >= pollsNow + 3);
        assertThat(events.stream().filter(type("armed_home")).map(e -> e.origin() + " " + e.eventCid() + " " + e.time() + " " + e.id()).toList()).hasSize(1);
    }
}
