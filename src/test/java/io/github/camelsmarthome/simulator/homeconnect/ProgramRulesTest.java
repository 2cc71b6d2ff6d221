package io.github.camelsmarthome.simulator.homeconnect;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The state rules of brief sections 4.3, 6.3 and 9: what may start, stop, change, and what is refused with which key. */
class ProgramRulesTest extends SimulatorTestSupport {

    private static final String WASHER = "/api/homeappliances/" + SimulatedHousehold.WASHER;
    private static final String OVEN = "/api/homeappliances/" + SimulatedHousehold.OVEN;
    private static final String COTTON = "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Cotton\"}}";

    @Test
    void idleAppliancesAnswer404ForActiveAndSelectedPrograms() {
        assertError(http.get(WASHER + "/programs/active", token), 404, "SDK.Error.NoProgramActive");
        assertError(http.get(WASHER + "/programs/selected", token), 404, "SDK.Error.NoProgramSelected");
        assertError(http.get(WASHER + "/programs/active/options", token), 404, "SDK.Error.NoProgramActive");
        assertError(http.delete(WASHER + "/programs/active", token), 409, "SDK.Error.WrongOperationState");
        assertError(http.put(WASHER + "/programs/selected/options", token, "{\"data\":{\"options\":[]}}"), 409,
                "SDK.Error.SelectedProgramNotSet");
        assertError(http.put(WASHER + "/programs/active/options", token, "{\"data\":{\"options\":[]}}"), 409,
                "SDK.Error.ActiveProgramNotSet");
    }

    @Test
    void aRemoteStartNeedsTheRemoteFlagsNoLocalControlAndAClosedDoor() {
        SimulatedAppliance washer = cloud.household().washer();
        washer.setRemoteControl(true, false);
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "BSH.Common.Error.RemoteStartNotActive");
        washer.setRemoteControl(false, true);
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "BSH.Common.Error.RemoteControlNotActive");
        washer.setRemoteControl(true, true);
        washer.setLocalControlActive(true);
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "BSH.Common.Error.LockedByLocalControl");
        washer.setLocalControlActive(false);
        washer.openDoor();
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "SDK.Error.WrongDoorState");
        washer.closeDoor();
        washer.powerOff();
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "SDK.Error.WrongOperationState");
        washer.powerOn();

        assertThat(http.put(WASHER + "/programs/active", token, COTTON).statusCode()).isEqualTo(204);
        assertThat(washer.operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Run");
        assertThat(washer.status("BSH.Common.Status.DoorState").asText()).isEqualTo("BSH.Common.EnumType.DoorState.Locked");
        assertThatThrownBy(washer::openDoor).isInstanceOf(IllegalStateException.class).hasMessageContaining("locked");
        assertError(http.put(WASHER + "/programs/active", token, COTTON), 409, "SDK.Error.WrongOperationState");
        assertError(http.get(WASHER + "/programs/available", token), 409, "SDK.Error.WrongOperationState");
    }

    @Test
    void programsAndOptionsMustBeOfferedAndValid() {
        assertError(http.put(WASHER + "/programs/active", token, "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Nope\"}}"), 409,
                "SDK.Error.UnsupportedProgram");
        assertError(http.put(OVEN + "/programs/active", token, "{\"data\":{\"key\":\"Cooking.Oven.Program.HeatingMode.TopBottomHeating\"}}"),
                409, "SDK.Error.ProgramNotAvailable");
        assertError(http.put(OVEN + "/programs/active", token, "{\"data\":{\"key\":\"Cooking.Oven.Program.HeatingMode.HotAir\","
                + "\"options\":[{\"key\":\"Cooking.Oven.Option.SetpointTemperature\",\"value\":400}]}}"), 409, "SDK.Error.InvalidOptionValue");
        assertError(http.put(OVEN + "/programs/active", token, "{\"data\":{\"key\":\"Cooking.Oven.Program.HeatingMode.HotAir\","
                + "\"options\":[{\"key\":\"LaundryCare.Washer.Option.SpinSpeed\",\"value\":1}]}}"), 409, "SDK.Error.UnsupportedOption");
        assertError(http.put(WASHER + "/programs/active", token, "{\"data\":{}}"), 400, "SDK.Error.InvalidRequest");
    }

    @Test
    void selectingAProgramThenChangingItsOptions() {
        assertThat(http.put(WASHER + "/programs/selected", token, "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Mix\","
                + "\"options\":[{\"key\":\"LaundryCare.Washer.Option.Temperature\",\"value\":\"LaundryCare.Washer.EnumType.Temperature.GC30\"}]}}")
                .statusCode()).isEqualTo(204);
        var selected = json(http.get(WASHER + "/programs/selected", token)).path("data");
        assertThat(selected.path("key").asText()).isEqualTo("LaundryCare.Washer.Program.Mix");
        assertThat(selected.path("options").toString()).contains("Temperature.GC30", "SpinSpeed.RPM1200");

        String spin = WASHER + "/programs/selected/options/LaundryCare.Washer.Option.SpinSpeed";
        assertThat(http.put(spin, token, "{\"data\":{\"key\":\"LaundryCare.Washer.Option.SpinSpeed\","
                + "\"value\":\"LaundryCare.Washer.EnumType.SpinSpeed.RPM800\"}}").statusCode()).isEqualTo(204);
        assertThat(json(http.get(spin, token)).path("data").path("value").asText()).isEqualTo("LaundryCare.Washer.EnumType.SpinSpeed.RPM800");

        // Starting without options starts the selection as it is.
        assertThat(http.put(WASHER + "/programs/active", token, "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Mix\"}}").statusCode())
                .isEqualTo(204);
        assertThat(json(http.get(WASHER + "/programs/active/options/LaundryCare.Washer.Option.SpinSpeed", token))
                .path("data").path("value").asText()).isEqualTo("LaundryCare.Washer.EnumType.SpinSpeed.RPM800");
        assertError(http.put(WASHER + "/programs/active/options/LaundryCare.Washer.Option.SpinSpeed", token,
                "{\"data\":{\"key\":\"LaundryCare.Washer.Option.SpinSpeed\",\"value\":\"LaundryCare.Washer.EnumType.SpinSpeed.RPM400\"}}"),
                409, "SDK.Error.UnsupportedOperation");
    }

    @Test
    void onlyOvensChangeOptionsOfARunningProgram() {
        assertThat(http.put(OVEN + "/programs/active", token, "{\"data\":{\"key\":\"Cooking.Oven.Program.HeatingMode.HotAir\"}}")
                .statusCode()).isEqualTo(204);
        assertThat(http.put(OVEN + "/programs/active/options/Cooking.Oven.Option.SetpointTemperature", token,
                "{\"data\":{\"key\":\"Cooking.Oven.Option.SetpointTemperature\",\"value\":200,\"unit\":\"°C\"}}").statusCode()).isEqualTo(204);
        assertThat(json(http.get(OVEN + "/programs/active/options/Cooking.Oven.Option.SetpointTemperature", token))
                .path("data").path("value").asInt()).isEqualTo(200);
    }

    @Test
    void stoppingNeedsRemoteControlAndARunningProgram() {
        assertThat(http.put(WASHER + "/programs/active", token, COTTON).statusCode()).isEqualTo(204);
        cloud.household().washer().setRemoteControl(false, false);
        assertError(http.delete(WASHER + "/programs/active", token), 409, "BSH.Common.Error.RemoteControlNotActive");
        cloud.household().washer().setRemoteControl(true, false);
        assertThat(http.delete(WASHER + "/programs/active", token).statusCode()).isEqualTo(204);
        assertThat(cloud.household().washer().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Aborting");
        await().atMost(Duration.ofSeconds(2)).until(() -> cloud.household().washer().activeProgram().isEmpty());
        assertThat(cloud.household().washer().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Ready");
    }

    @Test
    void commandsPauseAndResumeAndUnofferedOnesAreRefused() {
        assertThat(http.put(WASHER + "/programs/active", token, COTTON).statusCode()).isEqualTo(204);
        String pause = WASHER + "/commands/BSH.Common.Command.PauseProgram";
        assertThat(http.put(pause, token, "{\"data\":{\"key\":\"BSH.Common.Command.PauseProgram\",\"value\":true}}").statusCode())
                .isEqualTo(204);
        assertThat(cloud.household().washer().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Pause");
        assertThat(http.put(WASHER + "/commands/BSH.Common.Command.ResumeProgram", token,
                "{\"data\":{\"key\":\"BSH.Common.Command.ResumeProgram\",\"value\":true}}").statusCode()).isEqualTo(204);
        assertThat(cloud.household().washer().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Run");
        assertError(http.put(WASHER + "/commands/BSH.Common.Command.OpenDoor", token,
                "{\"data\":{\"key\":\"BSH.Common.Command.OpenDoor\",\"value\":true}}"), 409, "SDK.Error.UnsupportedCommand");
    }

    @Test
    void offlineAppliancesAre409AndDepairedOnes404() {
        cloud.household().dryer().disconnect();
        String dryer = "/api/homeappliances/" + SimulatedHousehold.DRYER;
        assertError(http.get(dryer + "/status", token), 409, "SDK.Error.HomeAppliance.Connection.Initialization.Failed");
        assertError(http.get(dryer + "/settings", token), 409, "SDK.Error.HomeAppliance.Connection.Initialization.Failed");
        assertThat(json(http.get(dryer, token)).path("data").path("connected").asBoolean()).isFalse();

        cloud.household().depair(SimulatedHousehold.DRYER);
        assertThat(http.get(dryer, token).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/api/homeappliances", token)).path("data").path("homeappliances").toString())
                .doesNotContain(SimulatedHousehold.DRYER);
        cloud.household().pair(SimulatedHousehold.DRYER);
        assertThat(http.get(dryer, token).statusCode()).isEqualTo(200);
    }

    @Test
    void scopesLimitWhatATokenMayDo() {
        String monitorOnly = cloud.authorization().issueTokens("IdentifyAppliance Monitor").accessToken();
        assertThat(http.get(WASHER + "/status", monitorOnly).statusCode()).isEqualTo(200);
        assertError(http.put(WASHER + "/programs/active", monitorOnly, COTTON), 403, "insufficient_scope");

        String washerOnly = cloud.authorization().issueTokens("IdentifyAppliance Washer").accessToken();
        assertThat(http.put(WASHER + "/programs/active", washerOnly, COTTON).statusCode()).isEqualTo(204);
        assertError(http.get(OVEN + "/status", washerOnly), 403, "insufficient_scope");
    }

    private static void assertError(HttpResponse<String> response, int status, String key) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").path("key").asText()).isEqualTo(key);
    }
}
