package io.github.camelsmarthome.simplisafe.api.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventCodes;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events derived from successive polls of the fixture system, as the cloud would report each change. */
class SimplisafeChangeDetectorTest {

    private final SimplisafeChangeDetector detector = new SimplisafeChangeDetector();
    private final PollSnapshots cloud = new PollSnapshots();
    private SystemSnapshot previous;

    @Test
    void theFirstPollIsABaseline() {
        assertThat(detector.changes(null, cloud.poll())).isEmpty();
    }

    @Test
    void nothingChangedNothingReported() {
        SystemSnapshot first = cloud.poll();

        assertThat(detector.changes(first, cloud.poll())).isEmpty();
    }

    @Test
    void armingAwayPassesThroughTheExitDelay() {
        poll();
        cloud.system().put("alarmState", "AWAY_COUNT").put("exitDelayRemaining", 60);
        List<SimplisafeEvent> counting = poll();
        cloud.system().put("alarmState", "AWAY").put("exitDelayRemaining", 0);
        List<SimplisafeEvent> armed = poll();

        assertThat(counting).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("away_exit_delay");
            assertThat(event.info()).isEqualTo("alarm state AWAY_COUNT (was OFF)");
            assertThat(event.deviceId()).isEqualTo("12345");
            assertThat(event.systemId()).isEqualTo(12345L);
            assertThat(event.origin()).isEqualTo(SimplisafeEventOrigin.POLL);
            assertThat(event.time()).isEqualTo(PollSnapshots.T0.plusSeconds(60));
            assertThat(event.raw().get("alarmState").asText()).isEqualTo("AWAY_COUNT");
            assertThat(event.raw().has("cameras")).isFalse();
        });
        assertThat(armed).extracting(SimplisafeEvent::type).containsExactly("armed_away");
    }

    @Test
    void armingHomeUsesTheTablesHomeNames() {
        poll();
        cloud.system().put("alarmState", "HOME_COUNT");
        List<SimplisafeEvent> counting = poll();
        cloud.system().put("alarmState", "HOME");
        List<SimplisafeEvent> armed = poll();

        assertThat(counting).extracting(SimplisafeEvent::type).containsExactly("home_exit_delay");
        assertThat(armed).extracting(SimplisafeEvent::type).containsExactly("armed_home");
    }

    @Test
    void anEntryIsPendingThenTriggeredOnceThenDisarmed() {
        cloud.system().put("alarmState", "AWAY");
        poll();
        cloud.system().put("alarmState", "ALARM_COUNT");
        List<SimplisafeEvent> pending = poll();
        cloud.system().put("alarmState", "AWAY").put("isAlarming", true);
        List<SimplisafeEvent> triggered = poll();
        cloud.system().put("alarmState", "ALARM");
        List<SimplisafeEvent> stillSounding = poll();
        cloud.system().put("alarmState", "OFF").put("isAlarming", false);
        List<SimplisafeEvent> disarmed = poll();

        assertThat(pending).extracting(SimplisafeEvent::type).containsExactly("entry_delay");
        assertThat(triggered).extracting(SimplisafeEvent::type).containsExactly("alarm_triggered");
        assertThat(stillSounding).as("isAlarming already counted as ALARM").isEmpty();
        assertThat(disarmed).extracting(SimplisafeEvent::type).containsExactly("disarmed");
    }

    @Test
    void theStatesOwnTimestampIsTheTimeWhenItMovedWithTheState() {
        poll();
        cloud.system().put("alarmState", "HOME").put("alarmStateTimestamp", 1704110410L);
        List<SimplisafeEvent> armed = poll();
        cloud.system().put("alarmState", "OFF");
        List<SimplisafeEvent> disarmed = poll();

        assertThat(armed.get(0).time()).isEqualTo(Instant.ofEpochSecond(1704110410L));
        assertThat(disarmed.get(0).time()).as("stale timestamp: poll time").isEqualTo(PollSnapshots.T0.plusSeconds(120));
    }

    @Test
    void anUnknownStateIsReportedWithItsName() {
        poll();
        cloud.system().put("alarmState", "vacationCount");

        assertThat(poll()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("alarm_state_changed");
            assertThat(event.info()).isEqualTo("alarm state VACATION_COUNT (was OFF)");
        });
    }

    @Test
    void aDoorOpensAndCloses() {
        poll();
        cloud.status("14", 5).put("triggered", true);
        List<SimplisafeEvent> opened = poll();
        cloud.status("14", 5).put("triggered", false);
        List<SimplisafeEvent> closed = poll();

        assertThat(opened).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("sensor_triggered");
            assertThat(event.deviceId()).isEqualTo("14");
            assertThat(event.sensorSerial()).isEqualTo("14");
            assertThat(event.sensorName()).isEqualTo("Front Door");
            assertThat(event.sensorType()).isEqualTo(SensorType.ENTRY);
            assertThat(event.info()).isEqualTo("Front Door: triggered");
            assertThat(event.raw().get("status").get("triggered").asBoolean()).isTrue();
            assertThat(event.systemId()).isEqualTo(12345L);
        });
        assertThat(closed).extracting(SimplisafeEvent::type).containsExactly("sensor_cleared");
    }

    @Test
    void aSmokeAndCoDetectorTriggersOnEitherFlag() {
        poll();
        cloud.status("00000000", 14).put("coTriggered", true);

        assertThat(poll()).extracting(SimplisafeEvent::type, SimplisafeEvent::deviceId)
                .containsExactly(tuple("sensor_triggered", "00000000"));
    }

    @Test
    void aLockJamsThenIsFreedAndLockedAgain() {
        poll();
        cloud.status("987", 16).put("lockJamState", 1);
        List<SimplisafeEvent> jammed = poll();
        cloud.status("987", 16).put("lockJamState", 0).put("lockState", 2);
        List<SimplisafeEvent> unlocked = poll();
        cloud.status("987", 16).put("lockState", 1);
        List<SimplisafeEvent> locked = poll();
        cloud.status("987", 16).put("lockState", 7);
        List<SimplisafeEvent> odd = poll();

        assertThat(jammed).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("lock_error");
            assertThat(event.deviceId()).isEqualTo("987");
            assertThat(event.sensorType()).isEqualTo(SensorType.LOCK);
            assertThat(event.info()).isEqualTo("Front Door: jammed (was locked)");
        });
        assertThat(unlocked).extracting(SimplisafeEvent::type).containsExactly("lock_unlocked");
        assertThat(locked).extracting(SimplisafeEvent::type).containsExactly("lock_locked");
        assertThat(odd).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("lock_state_changed");
            assertThat(event.info()).isEqualTo("Front Door: raw lock state 7 (was locked)");
        });
    }

    @Test
    void anUnknownLockStateThatStaysUnknownIsNotAChange() {
        poll();
        cloud.status("321", 16).put("pinPadState", 1);

        assertThat(poll()).isEmpty();
    }

    @Test
    void aBatteryRunsLowAndIsReplaced() {
        poll();
        cloud.flags("785", 4).put("lowBattery", true);
        cloud.status("987", 16).put("lockLowBattery", true);
        List<SimplisafeEvent> low = poll();
        cloud.flags("785", 4).put("lowBattery", false);
        List<SimplisafeEvent> replaced = poll();

        assertThat(low).extracting(SimplisafeEvent::type, SimplisafeEvent::deviceId).containsExactly(
                tuple("low_battery", "987"),
                tuple("low_battery", "785"));
        assertThat(replaced).extracting(SimplisafeEvent::type, SimplisafeEvent::deviceId)
                .containsExactly(tuple("low_battery_cleared", "785"));
    }

    @Test
    void aSensorGoesOfflineAndComesBack() {
        poll();
        cloud.flags("129", 9).put("offline", true);
        List<SimplisafeEvent> offline = poll();
        cloud.flags("129", 9).put("offline", false);
        List<SimplisafeEvent> online = poll();

        assertThat(offline).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("sensor_not_responding");
            assertThat(event.deviceId()).isEqualTo("129");
            assertThat(event.sensorType()).isEqualTo(SensorType.LEAK);
        });
        assertThat(online).extracting(SimplisafeEvent::type).containsExactly("sensor_restored");
    }

    @Test
    void theBaseStationLosesPowerAndConnection() {
        poll();
        cloud.system().put("powerOutage", true).put("isOffline", true);
        List<SimplisafeEvent> lost = poll();
        cloud.system().put("powerOutage", false).put("isOffline", false);
        List<SimplisafeEvent> back = poll();

        assertThat(lost).extracting(SimplisafeEvent::type).containsExactly("power_outage", "system_offline");
        assertThat(back).extracting(SimplisafeEvent::type).containsExactly("power_restored", "system_online");
        assertThat(lost).extracting(SimplisafeEvent::deviceId).containsOnly("12345");
    }

    @Test
    void eventsComeStateFirstThenLocksThenSensors() {
        poll();
        cloud.status("14", 5).put("triggered", true);
        cloud.status("987", 16).put("lockState", 2);
        cloud.system().put("alarmState", "ALARM_COUNT");

        assertThat(poll()).extracting(SimplisafeEvent::type).containsExactly("entry_delay", "lock_unlocked", "sensor_triggered");
    }

    @Test
    void partsAPollDidNotReadAreNotCompared() {
        SystemSnapshot first = cloud.poll();
        cloud.status("14", 5).put("triggered", true);
        SystemSnapshot withoutSensors = cloud.pollWithoutSensors();
        SystemSnapshot carried = withoutSensors.orElse(first);
        SystemSnapshot third = cloud.poll();

        assertThat(detector.changes(first, withoutSensors)).isEmpty();
        assertThat(carried.sensors()).isEqualTo(first.sensors());
        assertThat(detector.changes(carried, third)).extracting(SimplisafeEvent::type).containsExactly("sensor_triggered");
    }

    @Test
    void devicesThatAppearOrDisappearAreNotEvents() {
        SystemSnapshot first = cloud.poll();
        SystemSnapshot second = cloud.poll();
        SystemSnapshot fewer = new SystemSnapshot(second.systemId(), second.status(), second.sensors().subList(0, 3),
                List.of(), second.observedAt());

        assertThat(detector.changes(first, fewer)).isEmpty();
        assertThat(detector.changes(fewer, second)).isEmpty();
    }

    @Test
    void comparingTheSameSnapshotsAgainGivesTheSameIds() {
        SystemSnapshot first = cloud.poll();
        cloud.system().put("alarmState", "HOME");
        cloud.status("14", 5).put("triggered", true);
        SystemSnapshot second = cloud.poll();

        List<SimplisafeEvent> once = detector.changes(first, second);
        List<SimplisafeEvent> again = detector.changes(first, second);

        assertThat(once).hasSize(2);
        assertThat(again).isEqualTo(once);
        assertThat(once).extracting(SimplisafeEvent::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(32));
    }

    @Test
    void snapshotsOfDifferentSystemsCannotBeCompared() {
        SystemSnapshot mine = cloud.poll();
        SystemSnapshot other = new SystemSnapshot(1, mine.status(), null, null, mine.observedAt());

        assertThatThrownBy(() -> detector.changes(other, mine)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollTypesUseTheTablesNamesWhereTheTableHasOne() {
        assertThat(SimplisafeEventCodes.eventTypes()).contains(PollEventTypes.ARMED_AWAY, PollEventTypes.ARMED_HOME,
                PollEventTypes.HOME_EXIT_DELAY, PollEventTypes.ENTRY_DELAY, PollEventTypes.ALARM_TRIGGERED,
                PollEventTypes.POWER_OUTAGE, PollEventTypes.POWER_RESTORED, PollEventTypes.SENSOR_NOT_RESPONDING,
                PollEventTypes.SENSOR_RESTORED, PollEventTypes.LOCK_LOCKED, PollEventTypes.LOCK_UNLOCKED,
                PollEventTypes.LOCK_ERROR);
        assertThat(PollEventTypes.all()).hasSize(26).doesNotContain(SimplisafeEventCodes.UNKNOWN_TYPE);
    }

    /** Polls the cloud and returns what changed since the previous poll. */
    private List<SimplisafeEvent> poll() {
        SystemSnapshot current = cloud.poll();
        List<SimplisafeEvent> events = new ArrayList<>(detector.changes(previous, current));
        previous = current;
        return events;
    }
}
