package io.github.camelsmarthome.simplisafe.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.LockState;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemSettings;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryPage;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every read against the simulator's fixture-backed account (user 12345, system 12345). */
class SimpliSafeClientReadTest extends SimpliSafeClientTestSupport {

    @Test
    void userIdComesFromAuthCheck() {
        assertThat(resultOf(client.getUserId())).isEqualTo(12345L);
        assertThat(restLines()).containsExactly("GET /api/v1/api/authCheck 200");
    }

    @Test
    void systemsAreTheAccountsSubscriptions() {
        List<SimplisafeSystem> systems = resultOf(client.getSystems());

        assertThat(systems).singleElement().satisfies(system -> {
            assertThat(system.sid()).isEqualTo(SID);
            assertThat(system.isUsable()).isTrue();
            assertThat(system.status().alarmState()).isEqualTo(AlarmState.OFF);
        });
        assertThat(restLines()).containsExactly("GET /api/v1/api/authCheck 200",
                "GET /api/v1/users/12345/subscriptions 200");
    }

    @Test
    void stateIsTheSubscriptionsLiveSystem() {
        SystemStatus status = resultOf(client.getState(SID));

        assertThat(status.alarmState()).isEqualTo(AlarmState.OFF);
        assertThat(status.alarming()).isFalse();
    }

    @Test
    void sensorsIncludeTheLocks() {
        SensorReadout readout = resultOf(client.getSensors(SID, false));

        assertThat(readout.sensors()).isNotEmpty();
        assertThat(readout.locks()).extracting(Lock::serial).containsExactlyInAnyOrder("987", "654", "321");
        assertThat(readout.locks()).filteredOn(lock -> lock.serial().equals("987")).singleElement()
                .extracting(Lock::state).isEqualTo(LockState.LOCKED);
    }

    @Test
    void settingsAreTheNormalSettingsWithoutPins() {
        Optional<SystemSettings> settings = resultOf(client.getSettings(SID, true));

        assertThat(settings).hasValueSatisfying(read -> {
            assertThat(read.alarmDurationSeconds()).isEqualTo(240);
            assertThat(read.exitDelayAwaySeconds()).isEqualTo(60);
        });
        assertThat(restLines()).containsExactly("GET /api/v1/ss3/subscriptions/12345/settings/normal 200");
    }

    @Test
    void historyStartsWithTheFixturesEventsNewestFirst() {
        EventHistoryPage page = resultOf(client.getEvents(SID, null, null));

        assertThat(page.events()).extracting(SimplisafeEvent::eventId).containsExactly(2921814837L, 2920433155L);
        assertThat(page.events()).allSatisfy(event -> assertThat(event.systemId()).isEqualTo(SID));
    }

    @Test
    void historyPagesByCountAndByTimestamp() {
        SimulatedEvent first = cloud.emitEvent(1381);
        SimulatedEvent second = cloud.emitEvent(3381);
        SimulatedEvent third = cloud.emitEvent(1301);

        EventHistoryPage latest = resultOf(client.getEvents(SID, 1, null));
        assertThat(latest.events()).extracting(SimplisafeEvent::eventId).containsExactly(third.eventId());

        EventHistoryPage newest = resultOf(client.getEvents(SID, 50, Instant.ofEpochSecond(first.eventTimestamp())));
        assertThat(newest.events()).extracting(SimplisafeEvent::eventId)
                .containsExactly(third.eventId(), second.eventId(), first.eventId());
        assertThat(newest.lastEventTimestamp()).isEqualTo(Instant.ofEpochSecond(third.eventTimestamp()));
    }

    @Test
    void anUnknownSystemIsNotFound() {
        assertThat(failureOf(client.getSensors(999, false))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("getSensors GET /ss3/subscriptions/999/sensors").hasMessageContaining("404");
    }

    @Test
    void anotherUsersSubscriptionsAreForbidden() {
        Throwable failure = failureOf(client.getSystems(99999));
        assertThat(failure).isInstanceOf(ForbiddenException.class);
        assertThat(((SimpliSafeException) failure).isRetryable()).isTrue();
    }

    @Test
    void aPlanWithoutRemoteControlCannotReadSensors() {
        cloud.faults().noRemoteManagementNext(1);

        Throwable failure = failureOf(client.getSensors(SID, false));

        assertThat(failure).isInstanceOf(NoRemoteManagementException.class);
        assertThat(((SimpliSafeException) failure).errorType()).isEqualTo("NoRemoteManagement");
        assertThat(restLines()).hasSize(1);
    }
}
