package io.github.camelsmarthome.simulator.homeconnect;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatorHttp.fixture;
import static io.github.camelsmarthome.simulator.homeconnect.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * REST bodies compared with the Home Assistant fixtures (home-assistant/core,
 * tests/components/home_connect/fixtures, Apache-2.0), and the conventions of brief section 3.
 */
class RestShapesTest extends SimulatorTestSupport {

    private static final String API = "/api/homeappliances/";

    @Override
    protected String scope() {
        return SimulatorOptions.DEFAULT_SCOPE + " Images";
    }

    @Test
    void theApplianceListHasTheFiveFixtureAppliancesInFixtureOrder() {
        HttpResponse<String> response = http.get("/api/homeappliances", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(SimulatorHttp.BSH_JSON);

        List<JsonNode> expected = new ArrayList<>();
        Set<String> five = Set.of(SimulatedHousehold.WASHER, SimulatedHousehold.DRYER, SimulatedHousehold.DISHWASHER,
                SimulatedHousehold.OVEN, SimulatedHousehold.COFFEE_MAKER);
        fixture("appliances.json").path("data").path("homeappliances").forEach(appliance -> {
            if (five.contains(appliance.path("haId").asText())) {
                expected.add(appliance);
            }
        });
        List<JsonNode> actual = new ArrayList<>();
        json(response).path("data").path("homeappliances").forEach(actual::add);
        assertThat(actual).containsExactlyElementsOf(expected);

        JsonNode one = json(http.get(API + SimulatedHousehold.OVEN, token)).path("data");
        assertThat(one).isEqualTo(expected.get(1));
    }

    @Test
    void statusCarriesTheFixtureKeysOfTheApplianceType() {
        JsonNode status = json(http.get(API + SimulatedHousehold.WASHER + "/status", token)).path("data").path("status");
        Set<String> keys = new TreeSet<>();
        status.forEach(item -> keys.add(item.path("key").asText()));
        assertThat(keys).containsExactlyInAnyOrder("BSH.Common.Status.RemoteControlActive",
                "BSH.Common.Status.RemoteControlStartAllowed", "BSH.Common.Status.OperationState",
                "BSH.Common.Status.DoorState", "BSH.Common.Status.LocalControlActive");
        assertThat(status.get(0)).isEqualTo(fixture("status.json").path("data").path("status").get(0));

        JsonNode one = json(http.get(API + SimulatedHousehold.WASHER + "/status/BSH.Common.Status.OperationState", token)).path("data");
        assertThat(one.path("value").asText()).isEqualTo("BSH.Common.EnumType.OperationState.Ready");
        assertThat(one.path("constraints").path("access").asText()).isEqualTo("read");

        HttpResponse<String> unknown = http.get(API + SimulatedHousehold.WASHER + "/status/No.Such.Status", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void settingsAreTheFixtureBodiesAndSingleSettingsAddConstraints() {
        JsonNode dishwasher = json(http.get(API + SimulatedHousehold.DISHWASHER + "/settings", token));
        assertThat(dishwasher).isEqualTo(fixture("settings.json").path("Dishwasher"));
        JsonNode washer = json(http.get(API + SimulatedHousehold.WASHER + "/settings", token));
        assertThat(washer).isEqualTo(fixture("settings.json").path("Washer"));

        JsonNode power = json(http.get(API + SimulatedHousehold.OVEN + "/settings/BSH.Common.Setting.PowerState", token)).path("data");
        assertThat(power.path("type").asText()).isEqualTo("BSH.Common.EnumType.PowerState");
        assertThat(power.path("constraints").path("allowedvalues").toString()).contains("PowerState.Standby").doesNotContain("PowerState.Off");
        assertThat(power.path("constraints").path("access").asText()).isEqualTo("readWrite");
    }

    @Test
    void programListingsAreTheFixtureBodiesWithTheDocumentedConstraintsName() {
        assertThat(json(http.get(API + SimulatedHousehold.WASHER + "/programs", token)))
                .isEqualTo(fixture("programs.json").path("Washer"));
        assertThat(json(http.get(API + SimulatedHousehold.DRYER + "/programs/available", token)))
                .isEqualTo(fixture("programs-available.json").path("Dryer"));
        assertThat(json(http.get(API + SimulatedHousehold.DISHWASHER + "/programs/available", token)))
                .isEqualTo(fixture("programs-available.json").path("DishWasher"));

        JsonNode oven = json(http.get(API + SimulatedHousehold.OVEN + "/programs", token)).path("data").path("programs");
        assertThat(oven.get(0).path("key").asText()).isEqualTo("Cooking.Oven.Program.HeatingMode.HotAir");
        assertThat(oven.get(0).path("constraints").path("execution").asText()).isEqualTo("selectandstart");
        assertThat(oven.get(0).has("contraints")).isFalse();
    }

    @Test
    void aProgramDefinitionListsItsOptionsWithConstraints() {
        JsonNode definition = json(http.get(API + SimulatedHousehold.OVEN
                + "/programs/available/Cooking.Oven.Program.HeatingMode.HotAir", token)).path("data");
        assertThat(definition.path("key").asText()).isEqualTo("Cooking.Oven.Program.HeatingMode.HotAir");
        JsonNode temperature = definition.path("options").get(0);
        assertThat(temperature.path("key").asText()).isEqualTo("Cooking.Oven.Option.SetpointTemperature");
        assertThat(temperature.path("unit").asText()).isEqualTo("°C");
        assertThat(temperature.path("constraints").path("min").asInt()).isEqualTo(30);
        assertThat(temperature.path("constraints").path("max").asInt()).isEqualTo(250);

        HttpResponse<String> unknown = http.get(API + SimulatedHousehold.OVEN + "/programs/available/No.Such.Program", token);
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(json(unknown).path("error").path("key").asText()).isEqualTo("SDK.Error.ProgramNotAvailable");
    }

    @Test
    void theActiveProgramBodyMatchesTheOvenFixture() {
        JsonNode fixture = fixture("programs-active.json").path("Oven").path("data");
        HttpResponse<String> started = http.put(API + SimulatedHousehold.OVEN + "/programs/active", token,
                "{\"data\":{\"key\":\"Cooking.Oven.Program.HeatingMode.HotAir\",\"options\":["
                        + "{\"key\":\"Cooking.Oven.Option.SetpointTemperature\",\"value\":230,\"unit\":\"°C\"},"
                        + "{\"key\":\"BSH.Common.Option.Duration\",\"value\":1200,\"unit\":\"seconds\"}]}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(204);
        assertThat(started.body()).isEmpty();

        JsonNode active = json(http.get(API + SimulatedHousehold.OVEN + "/programs/active", token)).path("data");
        assertThat(active.path("key")).isEqualTo(fixture.path("key"));
        assertThat(active.path("name")).isEqualTo(fixture.path("name"));
        List<JsonNode> options = new ArrayList<>();
        active.path("options").forEach(options::add);
        List<JsonNode> expected = new ArrayList<>();
        fixture.path("options").forEach(expected::add);
        assertThat(options).containsAll(expected);
        assertThat(active.path("options").toString()).contains("BSH.Common.Option.RemainingProgramTime", "BSH.Common.Option.ProgramProgress");

        JsonNode listing = json(http.get(API + SimulatedHousehold.OVEN + "/programs", token)).path("data");
        assertThat(listing.path("active").path("key").asText()).isEqualTo("Cooking.Oven.Program.HeatingMode.HotAir");
        assertThat(listing.path("selected").path("key").asText()).isEqualTo("Cooking.Oven.Program.HeatingMode.HotAir");
    }

    @Test
    void commandsAreTheFixtureListOfTheType() {
        JsonNode commands = json(http.get(API + SimulatedHousehold.OVEN + "/commands", token)).path("data");
        assertThat(commands).isEqualTo(fixture("available_commands.json").path("Oven"));
        JsonNode none = json(http.get(API + SimulatedHousehold.COFFEE_MAKER + "/commands", token)).path("data").path("commands");
        assertThat(none).isEmpty();
    }

    @Test
    void imagesAreListedAndServedAsBytes() {
        assertThat(json(http.get(API + SimulatedHousehold.OVEN + "/images", token)).path("data").path("images")).isEmpty();
        cloud.household().oven().addImage(new ApplianceImage("Cooking.Oven.Camera", "image_key_1", null, 1_785_974_400_000L,
                "good", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));
        JsonNode images = json(http.get(API + SimulatedHousehold.OVEN + "/images", token)).path("data").path("images");
        assertThat(images.get(0).path("imagekey").asText()).isEqualTo("image_key_1");
        assertThat(images.get(0).path("timestamp").asLong()).isEqualTo(1_785_974_400_000L);
        assertThat(images.get(0).has("previewimagekey")).isFalse();

        HttpResponse<byte[]> bytes = http.sendBytes(http.request(API + SimulatedHousehold.OVEN + "/images/image_key_1", token).GET().build());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).containsExactly((byte) 0xFF, (byte) 0xD8, 1, 2);
        assertThat(http.get(API + SimulatedHousehold.OVEN + "/images/other", token).statusCode()).isEqualTo(404);

        String noImages = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).accessToken();
        assertThat(http.get(API + SimulatedHousehold.OVEN + "/images", noImages).statusCode()).isEqualTo(403);
    }

    @Test
    void mediaTypesPathsAndMethodsAreChecked() {
        HttpResponse<String> wrongAccept = http.getAccepting(API + SimulatedHousehold.WASHER + "/status", token, "application/xml");
        assertThat(wrongAccept.statusCode()).isEqualTo(406);
        assertThat(json(wrongAccept).path("error").has("key")).isTrue();

        HttpResponse<String> wrongContentType = http.putWithContentType(API + SimulatedHousehold.WASHER
                + "/settings/BSH.Common.Setting.ChildLock", token, "{\"data\":{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":true}}",
                "application/json");
        assertThat(wrongContentType.statusCode()).isEqualTo(415);

        HttpResponse<String> notJson = http.put(API + SimulatedHousehold.WASHER + "/settings/BSH.Common.Setting.ChildLock", token, "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> noEnvelope = http.put(API + SimulatedHousehold.WASHER + "/settings/BSH.Common.Setting.ChildLock", token,
                "{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":true}");
        assertThat(noEnvelope.statusCode()).isEqualTo(400);

        assertThat(http.get(API + "SIEMENS-NOPE-000000000000/status", token).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/nothing/here", token).statusCode()).isEqualTo(404);
        assertThat(http.delete(API + SimulatedHousehold.WASHER + "/status", token).statusCode()).isEqualTo(405);
    }

    @Test
    void settingWritesAnswer204AndAreValidated() {
        String childLock = API + SimulatedHousehold.WASHER + "/settings/BSH.Common.Setting.ChildLock";
        HttpResponse<String> written = http.put(childLock, token, "{\"data\":{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":true}}");
        assertThat(written.statusCode()).isEqualTo(204);
        assertThat(written.body()).isEmpty();
        assertThat(json(http.get(childLock, token)).path("data").path("value").asBoolean()).isTrue();

        String ovenPower = API + SimulatedHousehold.OVEN + "/settings/BSH.Common.Setting.PowerState";
        HttpResponse<String> notInList = http.put(ovenPower, token,
                "{\"data\":{\"key\":\"BSH.Common.Setting.PowerState\",\"value\":\"BSH.Common.EnumType.PowerState.Off\"}}");
        assertThat(notInList.statusCode()).isEqualTo(409);
        assertThat(json(notInList).path("error").path("key").asText()).isEqualTo("BSH.Common.Error.WriteRequest.NotAvailableByList");
        assertThat(json(notInList).path("error").path("code").asInt()).isEqualTo(528);

        HttpResponse<String> notAMember = http.put(ovenPower, token,
                "{\"data\":{\"key\":\"BSH.Common.Setting.PowerState\",\"value\":\"Off\"}}");
        assertThat(json(notAMember).path("error").path("key").asText()).isEqualTo("SDK.Error.InvalidSettingValue");

        HttpResponse<String> unsupported = http.put(API + SimulatedHousehold.OVEN + "/settings/Cooking.Hood.Setting.Nope", token,
                "{\"data\":{\"key\":\"Cooking.Hood.Setting.Nope\",\"value\":true}}");
        assertThat(unsupported.statusCode()).isEqualTo(409);
        assertThat(json(unsupported).path("error").path("key").asText()).isEqualTo("SDK.Error.UnsupportedSetting");
    }

    @Test
    void bulkSettingWritesAcceptBothEnvelopeShapes() {
        String bulk = API + SimulatedHousehold.DISHWASHER + "/settings";
        assertThat(http.put(bulk, token, "{\"data\":[{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":true}]}").statusCode())
                .isEqualTo(204);
        assertThat(cloud.household().dishwasher().setting("BSH.Common.Setting.ChildLock").asBoolean()).isTrue();
        assertThat(http.put(bulk, token, "{\"data\":{\"data\":[{\"key\":\"BSH.Common.Setting.AmbientLightBrightness\",\"value\":40}]}}")
                .statusCode()).isEqualTo(204);
        assertThat(cloud.household().dishwasher().setting("BSH.Common.Setting.AmbientLightBrightness").asInt()).isEqualTo(40);
    }
}
