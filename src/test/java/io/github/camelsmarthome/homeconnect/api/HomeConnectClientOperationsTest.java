package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.SmarthomeVersion;
import io.github.camelsmarthome.simulator.homeconnect.ApplianceImage;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of brief section 4 against the fake cloud: the method and path it sends, and
 * the {@code data} it hands back in the shapes of the Home Assistant fixtures.
 */
class HomeConnectClientOperationsTest extends HomeConnectClientTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;
    private static final String OVEN = SimulatedHousehold.OVEN;
    private static final String DISHWASHER = SimulatedHousehold.DISHWASHER;
    private static final String A = "/api/homeappliances/" + WASHER;

    /** Written out by hand from brief section 4, not derived from the enum, so a wrong template fails here. */
    private static final Map<HomeConnectOperation, String> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(HomeConnectOperation.listAppliances, "GET /api/homeappliances"),
            Map.entry(HomeConnectOperation.getAppliance, "GET " + A),
            Map.entry(HomeConnectOperation.getStatus, "GET " + A + "/status"),
            Map.entry(HomeConnectOperation.getStatusValue, "GET " + A + "/status/Some.Key"),
            Map.entry(HomeConnectOperation.getSettings, "GET " + A + "/settings"),
            Map.entry(HomeConnectOperation.getSetting, "GET " + A + "/settings/Some.Key"),
            Map.entry(HomeConnectOperation.setSetting, "PUT " + A + "/settings/Some.Key"),
            Map.entry(HomeConnectOperation.setSettings, "PUT " + A + "/settings"),
            Map.entry(HomeConnectOperation.getPrograms, "GET " + A + "/programs"),
            Map.entry(HomeConnectOperation.getAvailablePrograms, "GET " + A + "/programs/available"),
            Map.entry(HomeConnectOperation.getAvailableProgram, "GET " + A + "/programs/available/Some.Key"),
            Map.entry(HomeConnectOperation.getActiveProgram, "GET " + A + "/programs/active"),
            Map.entry(HomeConnectOperation.startProgram, "PUT " + A + "/programs/active"),
            Map.entry(HomeConnectOperation.stopProgram, "DELETE " + A + "/programs/active"),
            Map.entry(HomeConnectOperation.getSelectedProgram, "GET " + A + "/programs/selected"),
            Map.entry(HomeConnectOperation.selectProgram, "PUT " + A + "/programs/selected"),
            Map.entry(HomeConnectOperation.getActiveProgramOptions, "GET " + A + "/programs/active/options"),
            Map.entry(HomeConnectOperation.setActiveProgramOptions, "PUT " + A + "/programs/active/options"),
            Map.entry(HomeConnectOperation.getActiveProgramOption, "GET " + A + "/programs/active/options/Some.Key"),
            Map.entry(HomeConnectOperation.setActiveProgramOption, "PUT " + A + "/programs/active/options/Some.Key"),
            Map.entry(HomeConnectOperation.getSelectedProgramOptions, "GET " + A + "/programs/selected/options"),
            Map.entry(HomeConnectOperation.setSelectedProgramOptions, "PUT " + A + "/programs/selected/options"),
            Map.entry(HomeConnectOperation.getSelectedProgramOption, "GET " + A + "/programs/selected/options/Some.Key"),
            Map.entry(HomeConnectOperation.setSelectedProgramOption, "PUT " + A + "/programs/selected/options/Some.Key"),
            Map.entry(HomeConnectOperation.getCommands, "GET " + A + "/commands"),
            Map.entry(HomeConnectOperation.executeCommand, "PUT " + A + "/commands/Some.Key"),
            Map.entry(HomeConnectOperation.executeCommands, "PUT " + A + "/commands"),
            Map.entry(HomeConnectOperation.getImages, "GET " + A + "/images"),
            Map.entry(HomeConnectOperation.getImage, "GET " + A + "/images/Some.Key")));

    @Override
    protected HomeConnectClientOptions clientOptions() {
        // Method and path of startProgram itself, without the state read that precedes it.
        return super.clientOptions().withCheckPreconditions(false);
    }

    @Test
    void everyOperationSendsItsMethodAndPath() {
        assertThat(EXPECTED).hasSameSizeAs(HomeConnectOperation.values());
        JsonNode anyBody = json("{\"key\":\"Some.Key\",\"value\":1,\"options\":[]}");
        for (HomeConnectOperation operation : HomeConnectOperation.values()) {
            cloud.requests().clear();
            HomeConnectRequest request = HomeConnectRequest.builder(operation).haId(WASHER).key("Some.Key")
                    .data(anyBody).build();
            // The answer does not matter here (most are 404 or 409 for this made-up key): only what was sent.
            Object outcome = client.execute(request).handle((response, failure) -> failure != null ? failure : response).join();
            assertThat(outcome).as(operation.name()).isNotInstanceOf(RequestBudgetRefusedException.class);
            assertThat(requestLines()).as(operation.name()).containsExactly(EXPECTED.get(operation));
        }
    }

    @Test
    void theApplianceListAndOneApplianceHaveTheFixtureShape() {
        HomeConnectResponse list = call(HomeConnectRequest.of(HomeConnectOperation.listAppliances));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.operation()).isEqualTo(HomeConnectOperation.listAppliances);
        List<String> ids = new ArrayList<>();
        list.data().path("homeappliances").forEach(appliance -> ids.add(appliance.path("haId").asText()));
        assertThat(ids).contains(WASHER, OVEN, DISHWASHER);

        JsonNode oven = call(HomeConnectRequest.of(HomeConnectOperation.getAppliance, OVEN)).data();
        JsonNode expected = null;
        for (JsonNode appliance : fixture("appliances.json").path("data").path("homeappliances")) {
            if (appliance.path("haId").asText().equals(OVEN)) {
                expected = appliance;
            }
        }
        assertThat(oven).isEqualTo(expected);
        assertThat(list.budget().dailyRemaining()).isLessThan(limits().requestsPerDay());
    }

    @Test
    void statusAndSettingsAreReadAndWritten() {
        JsonNode status = call(HomeConnectRequest.of(HomeConnectOperation.getStatus, WASHER)).data();
        assertThat(status.path("status").get(0)).isEqualTo(fixture("status.json").path("data").path("status").get(0));
        JsonNode one = call(HomeConnectRequest.of(HomeConnectOperation.getStatusValue, WASHER,
                "BSH.Common.Status.OperationState")).data();
        assertThat(one.path("value").asText()).isEqualTo("BSH.Common.EnumType.OperationState.Ready");

        JsonNode settings = call(HomeConnectRequest.of(HomeConnectOperation.getSettings, DISHWASHER)).data();
        assertThat(settings.path("settings")).isEqualTo(fixture("settings.json").path("Dishwasher").path("data").path("settings"));

        HomeConnectResponse write = call(HomeConnectRequest.builder(HomeConnectOperation.setSetting).haId(DISHWASHER)
                .key("BSH.Common.Setting.ChildLock").data(json("{\"value\":true}")).build());
        assertThat(write.status()).isEqualTo(204);
        assertThat(write.data()).isNull();
        JsonNode childLock = call(HomeConnectRequest.of(HomeConnectOperation.getSetting, DISHWASHER,
                "BSH.Common.Setting.ChildLock")).data();
        assertThat(childLock.path("value").asBoolean()).isTrue();
        assertThat(childLock.path("constraints").path("access").asText()).isEqualTo("readWrite");

        call(HomeConnectRequest.builder(HomeConnectOperation.setSettings).haId(DISHWASHER)
                .data(json("[{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":false}]")).build());
        assertThat(cloud.household().dishwasher().setting("BSH.Common.Setting.ChildLock").asBoolean()).isFalse();
    }

    @Test
    void programListingsAndDefinitions() {
        JsonNode programs = call(HomeConnectRequest.of(HomeConnectOperation.getPrograms, WASHER)).data();
        assertThat(programs.path("programs").isArray()).isTrue();
        JsonNode available = call(HomeConnectRequest.of(HomeConnectOperation.getAvailablePrograms, WASHER)).data();
        assertThat(available.path("programs").toString()).contains("LaundryCare.Washer.Program.Cotton");
        JsonNode cotton = call(HomeConnectRequest.of(HomeConnectOperation.getAvailableProgram, WASHER,
                "LaundryCare.Washer.Program.Cotton")).data();
        assertThat(cotton.path("key").asText()).isEqualTo("LaundryCare.Washer.Program.Cotton");
        assertThat(cotton.path("options").toString()).contains("LaundryCare.Washer.Option.SpinSpeed", "allowedvalues");
    }

    @Test
    void selectingAProgramAndChangingItsOptions() {
        call(HomeConnectRequest.builder(HomeConnectOperation.selectProgram).haId(WASHER)
                .data(json("{\"key\":\"LaundryCare.Washer.Program.Mix\"}")).build());
        assertThat(call(HomeConnectRequest.of(HomeConnectOperation.getSelectedProgram, WASHER)).data().path("key").asText())
                .isEqualTo("LaundryCare.Washer.Program.Mix");

        call(HomeConnectRequest.builder(HomeConnectOperation.setSelectedProgramOptions).haId(WASHER)
                .data(json("{\"options\":[{\"key\":\"LaundryCare.Washer.Option.Temperature\","
                        + "\"value\":\"LaundryCare.Washer.EnumType.Temperature.GC30\"}]}")).build());
        call(HomeConnectRequest.builder(HomeConnectOperation.setSelectedProgramOption).haId(WASHER)
                .key("LaundryCare.Washer.Option.SpinSpeed")
                .data(json("{\"value\":\"LaundryCare.Washer.EnumType.SpinSpeed.RPM800\"}")).build());

        JsonNode options = call(HomeConnectRequest.of(HomeConnectOperation.getSelectedProgramOptions, WASHER)).data();
        assertThat(options.path("options").toString()).contains("Temperature.GC30", "SpinSpeed.RPM800");
        JsonNode spin = call(HomeConnectRequest.of(HomeConnectOperation.getSelectedProgramOption, WASHER,
                "LaundryCare.Washer.Option.SpinSpeed")).data();
        assertThat(spin.path("value").asText()).isEqualTo("LaundryCare.Washer.EnumType.SpinSpeed.RPM800");
    }

    @Test
    void startingChangingAndStoppingAProgram() {
        HomeConnectResponse started = call(HomeConnectRequest.builder(HomeConnectOperation.startProgram).haId(OVEN)
                .data(json("{\"key\":\"Cooking.Oven.Program.HeatingMode.HotAir\",\"options\":["
                        + "{\"key\":\"Cooking.Oven.Option.SetpointTemperature\",\"value\":200,\"unit\":\"°C\"}]}")).build());
        assertThat(started.status()).isEqualTo(204);
        assertThat(started.budget().programStartsRemaining()).isEqualTo(limits().programStartsPerMinute() - 1);

        JsonNode active = call(HomeConnectRequest.of(HomeConnectOperation.getActiveProgram, OVEN)).data();
        assertThat(active.path("key").asText()).isEqualTo("Cooking.Oven.Program.HeatingMode.HotAir");
        assertThat(active.path("options").toString()).contains("Cooking.Oven.Option.SetpointTemperature");

        call(HomeConnectRequest.builder(HomeConnectOperation.setActiveProgramOption).haId(OVEN)
                .key("Cooking.Oven.Option.SetpointTemperature").data(json("{\"value\":220,\"unit\":\"°C\"}")).build());
        call(HomeConnectRequest.builder(HomeConnectOperation.setActiveProgramOptions).haId(OVEN)
                .data(json("{\"options\":[{\"key\":\"BSH.Common.Option.Duration\",\"value\":1500}]}")).build());
        JsonNode temperature = call(HomeConnectRequest.of(HomeConnectOperation.getActiveProgramOption, OVEN,
                "Cooking.Oven.Option.SetpointTemperature")).data();
        assertThat(temperature.path("value").asInt()).isEqualTo(220);
        assertThat(call(HomeConnectRequest.of(HomeConnectOperation.getActiveProgramOptions, OVEN)).data()
                .path("options").toString()).contains("\"value\":1500");

        HomeConnectResponse stopped = call(HomeConnectRequest.of(HomeConnectOperation.stopProgram, OVEN));
        assertThat(stopped.status()).isEqualTo(204);
        assertThat(stopped.budget().programStopsRemaining()).isEqualTo(limits().programStopsPerMinute() - 1);
    }

    @Test
    void commandsAreListedAndExecuted() {
        JsonNode commands = call(HomeConnectRequest.of(HomeConnectOperation.getCommands, OVEN)).data();
        assertThat(commands.path("commands")).isEqualTo(fixture("available_commands.json").path("Oven").path("commands"));

        cloud.household().oven().startProgram("Cooking.Oven.Program.HeatingMode.HotAir");
        // No body: the client sends {"key": <command>, "value": true}.
        call(HomeConnectRequest.of(HomeConnectOperation.executeCommand, OVEN, "BSH.Common.Command.PauseProgram"));
        assertThat(cloud.household().oven().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Pause");
        call(HomeConnectRequest.builder(HomeConnectOperation.executeCommands).haId(OVEN)
                .data(json("[{\"key\":\"BSH.Common.Command.ResumeProgram\",\"value\":true}]")).build());
        assertThat(cloud.household().oven().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Run");
    }

    @Test
    void imagesAreListedAndTheirBytesFetched() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xD9};
        cloud.household().oven().addImage(new ApplianceImage("Cooking.Oven.EnumType.Camera.Cavity", "image_key_1", null,
                1785974400000L, "good", jpeg));
        JsonNode images = call(HomeConnectRequest.of(HomeConnectOperation.getImages, OVEN)).data();
        assertThat(images.path("images").get(0).path("imagekey").asText()).isEqualTo("image_key_1");
        assertThat(images.path("images").get(0).path("timestamp").asLong()).isEqualTo(1785974400000L);

        HomeConnectResponse image = call(HomeConnectRequest.of(HomeConnectOperation.getImage, OVEN, "image_key_1"));
        assertThat(image.bytes()).isEqualTo(jpeg);
        assertThat(image.data()).isNull();
        assertThat(image.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void everyRequestCarriesTheBriefsHeaders() {
        // The fake cloud refuses a wrong Accept (406) and a wrong Content-Type (415), so a success shows both.
        call(HomeConnectRequest.builder(HomeConnectOperation.setSetting).haId(DISHWASHER).key("BSH.Common.Setting.ChildLock")
                .data(json("{\"value\":true}")).acceptLanguage("de-DE").build());
        assertThat(HomeConnectCall.USER_AGENT).startsWith("camel-smarthome/" + SmarthomeVersion.get() + " ");
        assertThat(restRequests()).extracting(r -> r.status()).containsExactly(204);
    }
}
