package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedAppliance;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.junit.jupiter.api.Test;

/**
 * A program start that the appliance's state says will fail is not sent (brief section 9), so it
 * costs no start of the 5 per minute and no error toward the 10-errors lock.
 */
class ProgramStartSafetyTest extends HomeConnectClientTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;
    private static final String PUT_ACTIVE = "PUT /api/homeappliances/" + WASHER + "/programs/active";
    private static final String GET_STATUS = "GET /api/homeappliances/" + WASHER + "/status";
    private static final HomeConnectRequest START_COTTON = HomeConnectRequest.builder(HomeConnectOperation.startProgram)
            .haId(WASHER).data(json("{\"key\":\"LaundryCare.Washer.Program.Cotton\"}")).build();

    private SimulatedAppliance washer() {
        return cloud.household().washer();
    }

    @Test
    void withNothingKnownTheStatusIsReadOnceAtHighPriorityThenTheProgramStarts() {
        HomeConnectResponse started = call(START_COTTON);

        assertThat(started.status()).isEqualTo(204);
        assertThat(requestLines()).containsExactly(GET_STATUS, PUT_ACTIVE);
        assertThat(washer().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Run");
    }

    @Test
    void remoteStartNotAllowedIsRefusedWithoutAPut() {
        washer().setRemoteControl(true, false);

        Throwable refused = failureOf(START_COTTON);

        assertThat(refused).isInstanceOf(ProgramStartRefusedException.class)
                .hasMessageContaining("RemoteControlStartAllowed is false").hasMessageContaining("was not sent");
        assertThat(((ProgramStartRefusedException) refused).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED);
        assertThat(requestLines()).containsExactly(GET_STATUS);
        assertThat(budget.remaining().programStartsRemaining()).isEqualTo(limits().programStartsPerMinute());
    }

    @Test
    void anActiveProgramIsRefusedWithoutAPut() {
        washer().startProgram("LaundryCare.Washer.Program.Cotton");

        Throwable refused = failureOf(START_COTTON);

        assertThat(((ProgramStartRefusedException) refused).reason()).isEqualTo(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE);
        assertThat(refused).hasMessageContaining("OperationState is Run");
        assertThat(requestLines()).containsExactly(GET_STATUS);
    }

    @Test
    void anOfflineApplianceIsRefusedWithoutAPut() {
        washer().disconnect();

        Throwable refused = failureOf(START_COTTON);

        assertThat(((ProgramStartRefusedException) refused).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE);
        assertThat(requestLines()).containsExactly(GET_STATUS);
    }

    @Test
    void localOperationAndInactiveRemoteControlAreRefusedToo() {
        washer().setLocalControlActive(true);
        assertThat(((ProgramStartRefusedException) failureOf(START_COTTON)).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.LOCAL_CONTROL_ACTIVE);
        washer().setLocalControlActive(false);
        washer().setRemoteControl(false, true);
        assertThat(((ProgramStartRefusedException) failureOf(START_COTTON)).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.REMOTE_CONTROL_NOT_ACTIVE);
        assertThat(requestLines()).containsExactly(GET_STATUS, GET_STATUS);
    }

    @Test
    void aKnownStateFromTheEventStreamIsUsedWithoutAnyRequest() {
        knownStatus.put(WASHER, json("{\"status\":[{\"key\":\"BSH.Common.Status.RemoteControlStartAllowed\",\"value\":false},"
                + "{\"key\":\"BSH.Common.Status.OperationState\",\"value\":\"BSH.Common.EnumType.OperationState.Ready\"}]}"));
        assertThat(((ProgramStartRefusedException) failureOf(START_COTTON)).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED);

        knownStatus.put(WASHER, json("{\"connected\":false}"));
        assertThat(failureOf(START_COTTON)).hasMessageContaining("offline").hasMessageContaining("known from the event stream");

        knownStatus.put(WASHER, json("{\"BSH.Common.Status.OperationState\":\"BSH.Common.EnumType.OperationState.Pause\"}"));
        assertThat(((ProgramStartRefusedException) failureOf(START_COTTON)).reason())
                .isEqualTo(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE);

        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void aKnownGoodStateSendsOnlyTheStart() {
        knownStatus.put(WASHER, json("[{\"key\":\"BSH.Common.Status.RemoteControlStartAllowed\",\"value\":true},"
                + "{\"key\":\"BSH.Common.Status.OperationState\",\"value\":\"BSH.Common.EnumType.OperationState.Ready\"}]"));

        assertThat(call(START_COTTON).status()).isEqualTo(204);

        assertThat(requestLines()).containsExactly(PUT_ACTIVE);
    }

    @Test
    void aKnownStateThatIsStaleStillMeetsTheAppliancesOwnRefusal() {
        knownStatus.put(WASHER, json("{\"connected\":true}"));
        washer().setRemoteControl(true, false);

        Throwable refused = failureOf(START_COTTON);

        assertThat(refused).isInstanceOf(RemoteControlNotAllowedException.class);
        assertThat(requestLines()).containsExactly(PUT_ACTIVE);
    }

    @Test
    void theCheckCanBeSwitchedOff() {
        client.close();
        client = new HomeConnectClient(vertx, clientOptions().withCheckPreconditions(false), tokens, budget);
        washer().setRemoteControl(true, false);

        assertThat(failureOf(START_COTTON)).isInstanceOf(RemoteControlNotAllowedException.class);

        assertThat(requestLines()).containsExactly(PUT_ACTIVE);
    }

    @Test
    void aFailingStateReadFailsTheStartWithoutAPut() {
        cloud.faults().failNext(FaultTarget.REST, 403, 1);

        assertThat(failureOf(START_COTTON)).isInstanceOf(InsufficientScopeException.class);

        assertThat(requestLines()).containsExactly(GET_STATUS);
    }

    @Test
    void anEmptyOrBrokenKnownStateFallsBackToReading() {
        knownStatus.put(WASHER, json("null"));
        assertThat(call(START_COTTON).status()).isEqualTo(204);
        assertThat(requestLines()).containsExactly(GET_STATUS, PUT_ACTIVE);
    }
}
