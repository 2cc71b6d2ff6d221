package io.github.camelsmarthome.simplisafe.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.ArmResponse;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.LockState;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedLocks;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Arming and lock commands change the simulated system; refusals map to their exceptions; serials cannot change the path. */
class SimpliSafeClientCommandTest extends SimpliSafeClientTestSupport {

    @Test
    void armingAwayCountsDownThenIsAway() {
        ArmResponse response = resultOf(client.setState(SID, TargetState.AWAY));

        assertThat(response.success()).isTrue();
        assertThat(response.state()).isEqualTo(AlarmState.AWAY);
        assertThat(response.exitDelaySeconds()).isEqualTo(60);
        assertThat(resultOf(client.getState(SID)).alarmState()).isIn(AlarmState.AWAY_COUNT, AlarmState.AWAY);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(resultOf(client.getState(SID)).alarmState()).isEqualTo(AlarmState.AWAY));
        assertThat(restLines()).first().isEqualTo("POST /api/v1/ss3/subscriptions/12345/state/away 200");
    }

    @Test
    void armingHomeThenDisarming() {
        assertThat(resultOf(client.setState(SID, TargetState.HOME)).state()).isEqualTo(AlarmState.HOME);
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.system().alarmState()
                == io.github.camelsmarthome.simulator.simplisafe.AlarmState.HOME);

        assertThat(resultOf(client.setState(SID, TargetState.OFF)).state()).isEqualTo(AlarmState.OFF);
        assertThat(cloud.system().alarmState()).isEqualTo(io.github.camelsmarthome.simulator.simplisafe.AlarmState.OFF);
    }

    @Test
    void aBusyBaseStationIsSettingsInProgressAndNotRepeated() {
        cloud.faults().settingsInProgressOnNextArm(1);

        Throwable failure = failureOf(client.setState(SID, TargetState.AWAY));

        assertThat(failure).isInstanceOf(SettingsInProgressException.class).hasMessageContaining("409")
                .hasMessageContaining("SettingsInProgress");
        assertThat(((SimpliSafeException) failure).isRetryable()).isTrue();
        assertThat(restLines()).containsExactly("POST /api/v1/ss3/subscriptions/12345/state/away 409");
        assertThat(cloud.system().alarmState()).isEqualTo(io.github.camelsmarthome.simulator.simplisafe.AlarmState.OFF);
    }

    @Test
    void aPlanWithoutRemoteControlCannotArm() {
        cloud.system().setRemoteControlAllowed(false);

        assertThat(failureOf(client.setState(SID, TargetState.AWAY))).isInstanceOf(NoRemoteManagementException.class);
    }

    @Test
    void unlockingThenLockingMovesTheBolt() {
        resultOf(client.unlock(SID, "987"));
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.system().locks().lockState("987") == SimulatedLocks.UNLOCKED);
        assertThat(lockOf("987").state()).isEqualTo(LockState.UNLOCKED);

        resultOf(client.lock(SID, "987"));
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.system().locks().lockState("987") == SimulatedLocks.LOCKED);
        assertThat(lockOf("987").state()).isEqualTo(LockState.LOCKED);
        assertThat(restLines()).contains("POST /api/v1/doorlock/12345/987/state 200");
    }

    @Test
    void aJammedLockReadsAsJammed() {
        cloud.system().locks().jamNextCommand("987");

        resultOf(client.unlock(SID, "987"));

        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.system().locks().isJammed("987"));
        assertThat(lockOf("987").state()).isEqualTo(LockState.JAMMED);
    }

    @Test
    void anUnknownLockIsNotFound() {
        assertThat(failureOf(client.lock(SID, "nope"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSerialStaysOneEncodedSegment() {
        Throwable failure = failureOf(client.unlock(SID, "../../../users/12345/subscriptions?x=1#y"));

        assertThat(failure).isInstanceOf(SimpliSafeException.class);
        assertThat(cloud.requests().restRequests()).singleElement().satisfies(request -> assertThat(request.path())
                .startsWith("/api/v1/doorlock/12345/").endsWith("/state").doesNotContain("/users/"));
        assertThat(cloud.system().locks().lockState("987")).isEqualTo(SimulatedLocks.LOCKED);
    }

    @Test
    void aSerialWithASlashCannotAddressAnotherLock() {
        assertThat(failureOf(client.unlock(SID, "987/state"))).isInstanceOf(NotFoundException.class);
        assertThat(cloud.system().locks().lockState("987")).isEqualTo(SimulatedLocks.LOCKED);
    }

    @Test
    void dotSegmentsAndBlankSerialsAreRefusedBeforeSending() {
        assertThat(failureOf(client.lock(SID, ".."))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failureOf(client.lock(SID, "."))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failureOf(client.lock(SID, " "))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failureOf(client.getSensors(-1, false))).isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.requests().restRequests()).isEmpty();
    }

    private Lock lockOf(String serial) {
        return resultOf(client.getSensors(SID, false)).locks().stream().filter(lock -> lock.serial().equals(serial))
                .findFirst().orElseThrow();
    }
}
