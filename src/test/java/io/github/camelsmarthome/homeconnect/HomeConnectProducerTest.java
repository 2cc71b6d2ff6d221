package io.github.camelsmarthome.homeconnect;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeconnect.api.ApplianceOfflineException;
import io.github.camelsmarthome.homeconnect.api.HomeConnectException;
import io.github.camelsmarthome.homeconnect.api.NoProgramActiveException;
import io.github.camelsmarthome.homeconnect.api.ProgramStartRefusedException;
import io.github.camelsmarthome.simulator.homeconnect.ApplianceImage;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.BUDGET_REMAINING_DAY;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.BUDGET_REMAINING_MINUTE;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.HA_ID;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.HTTP_STATUS;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.KEY;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.OPERATION;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code to("homeconnect:<operation>")} against the fake cloud: every operation family, what the
 * body must be and what comes back, the headers that override the endpoint, the result headers,
 * the program-start checks, and how errors reach the exchange. No consumer runs here, so every
 * request the cloud logs was made by the producer.
 */
class HomeConnectProducerTest extends HomeConnectComponentTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;
    private static final String OVEN = SimulatedHousehold.OVEN;
    private static final String DISHWASHER = SimulatedHousehold.DISHWASHER;
    private static final String OPERATION_STATE = "BSH.Common.Status.OperationState";
    private static final String HOT_AIR = "Cooking.Oven.Program.HeatingMode.HotAir";
    private static final String SETPOINT = "Cooking.Oven.Option.SetpointTemperature";
    private static final String CHILD_LOCK = "BSH.Common.Setting.ChildLock";

    @BeforeEach
    void startCamelWithoutRoutes() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                // Producers only: the test sends to the endpoints directly.
            }
        });
    }

    private Exchange call(String uri, Processor request) {
        return context.createProducerTemplate().request(uri, request);
    }

    /** The answer of a call that must succeed. */
    private Message ok(String uri, Processor request) {
        Exchange answer = call(uri, request);
        assertThat(answer.getException()).as(uri).isNull();
        return answer.getMessage();
    }

    private Message ok(String uri) {
        return ok(uri, exchange -> { });
    }

    private static Processor body(Object body) {
        return exchange -> exchange.getMessage().setBody(body);
    }

    private List<String> putsAndDeletes() {
        return restRequestLines().stream().filter(line -> !line.startsWith("GET ")).toList();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Test
    void listAppliancesAnswersEveryApplianceOfTheAccount() {
        JsonNode list = ok("homeconnect:listAppliances").getBody(JsonNode.class);

        assertThat(list.path("homeappliances")).extracting(appliance -> appliance.path("haId").asText())
                .contains(WASHER, OVEN, DISHWASHER);
        assertThat(restRequestLines()).containsExactly("GET /api/homeappliances");
    }

    @Test
    void getStatusAnswersTheStatusListAndGetStatusValueOneStatus() {
        JsonNode status = ok("homeconnect:getStatus?haId=" + WASHER).getBody(JsonNode.class);
        assertThat(status.path("status")).extracting(item -> item.path("key").asText()).contains(OPERATION_STATE);

        JsonNode one = ok("homeconnect:getStatusValue?haId=" + WASHER + "&key=" + OPERATION_STATE).getBody(JsonNode.class);
        assertThat(one.path("key").asText()).isEqualTo(OPERATION_STATE);
        assertThat(one.path("value").asText()).isEqualTo("BSH.Common.EnumType.OperationState.Ready");
    }

    @Test
    void getSettingsAnswersTheSettingsList() {
        JsonNode settings = ok("homeconnect:getSettings?haId=" + DISHWASHER).getBody(JsonNode.class);

        assertThat(settings.path("settings")).extracting(item -> item.path("key").asText()).contains(CHILD_LOCK);
    }

    @Test
    void programListingsAndOneProgramsDefinition() {
        JsonNode programs = ok("homeconnect:getPrograms?haId=" + WASHER).getBody(JsonNode.class);
        assertThat(programs.path("programs").toString()).contains("LaundryCare.Washer.Program.Cotton");
        JsonNode available = ok("homeconnect:getAvailablePrograms?haId=" + WASHER).getBody(JsonNode.class);
        assertThat(available.path("programs").toString()).contains("LaundryCare.Washer.Program.Cotton");

        JsonNode cotton = ok("homeconnect:getAvailableProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Cotton")
                .getBody(JsonNode.class);
        assertThat(cotton.path("key").asText()).isEqualTo("LaundryCare.Washer.Program.Cotton");
        assertThat(cotton.path("options").toString()).contains("LaundryCare.Washer.Option.SpinSpeed");
    }

    // ---- settings ------------------------------------------------------------------------------

    @Test
    void setSettingTakesAPlainValueAsTheBody() {
        Message answer = ok("homeconnect:setSetting?haId=" + DISHWASHER
                + "&key=BSH.Common.Setting.AmbientLightBrightness", body(55));

        assertThat(answer.getHeader(HTTP_STATUS)).isEqualTo(204);
        assertThat(answer.getBody()).isNull();
        assertThat(cloud.household().dishwasher().setting("BSH.Common.Setting.AmbientLightBrightness").asInt()).isEqualTo(55);
    }

    @Test
    void setSettingTakesAnEnumKeyAsPlainText() {
        ok("homeconnect:setSetting?haId=" + DISHWASHER + "&key=BSH.Common.Setting.PowerState",
                body("BSH.Common.EnumType.PowerState.Off"));

        assertThat(cloud.household().dishwasher().setting("BSH.Common.Setting.PowerState").asText())
                .isEqualTo("BSH.Common.EnumType.PowerState.Off");
    }

    @Test
    void setSettingTakesJsonText() {
        ok("homeconnect:setSetting?haId=" + DISHWASHER + "&key=" + CHILD_LOCK, body("{\"value\": true}"));

        assertThat(cloud.household().dishwasher().setting(CHILD_LOCK).asBoolean()).isTrue();
    }

    @Test
    void setSettingTakesTheValueHeaderBeforeTheBody() {
        ok("homeconnect:setSetting?haId=" + DISHWASHER + "&key=" + CHILD_LOCK, exchange -> {
            exchange.getMessage().setBody("a body left over from an earlier step");
            exchange.getMessage().setHeader(VALUE, true);
        });

        assertThat(cloud.household().dishwasher().setting(CHILD_LOCK).asBoolean()).isTrue();
    }

    @Test
    void setSettingWithoutAValueFailsWithoutARequest() {
        Exchange answer = call("homeconnect:setSetting?haId=" + DISHWASHER + "&key=" + CHILD_LOCK, exchange -> { });

        assertThat(answer.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(VALUE);
        assertThat(cloud.requests().all()).isEmpty();
    }

    // ---- programs ------------------------------------------------------------------------------

    @Test
    void selectProgramThenReadTheSelection() {
        ok("homeconnect:selectProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Mix");

        JsonNode selected = ok("homeconnect:getSelectedProgram?haId=" + WASHER).getBody(JsonNode.class);
        assertThat(selected.path("key").asText()).isEqualTo("LaundryCare.Washer.Program.Mix");
        assertThat(cloud.household().washer().selectedProgram()).hasValue("LaundryCare.Washer.Program.Mix");
    }

    @Test
    void startProgramWithOptionsThenReadTheActiveProgramThenStopIt() {
        Message started = ok("homeconnect:startProgram?haId=" + OVEN + "&key=" + HOT_AIR,
                body("[{\"key\":\"" + SETPOINT + "\",\"value\":200,\"unit\":\"°C\"}]"));
        assertThat(started.getHeader(HTTP_STATUS)).isEqualTo(204);
        assertThat(cloud.household().oven().activeProgram()).hasValue(HOT_AIR);

        JsonNode active = ok("homeconnect:getActiveProgram?haId=" + OVEN).getBody(JsonNode.class);
        assertThat(active.path("key").asText()).isEqualTo(HOT_AIR);
        assertThat(active.path("options")).anySatisfy(option -> {
            assertThat(option.path("key").asText()).isEqualTo(SETPOINT);
            assertThat(option.path("value").asInt()).isEqualTo(200);
        });

        Message stopped = ok("homeconnect:stopProgram?haId=" + OVEN);
        assertThat(stopped.getHeader(HTTP_STATUS)).isEqualTo(204);
        await().atMost(TIMEOUT).until(() -> cloud.household().oven().activeProgram().isEmpty());
        assertThat(putsAndDeletes()).containsExactly("PUT /api/homeappliances/" + OVEN + "/programs/active",
                "DELETE /api/homeappliances/" + OVEN + "/programs/active");
    }

    @Test
    void optionsOfTheSelectedProgramAreWrittenAsAListAndOneByOne() {
        ok("homeconnect:selectProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Mix");

        ok("homeconnect:setSelectedProgramOptions?haId=" + WASHER, body("[{\"key\":\"LaundryCare.Washer.Option.Temperature\","
                + "\"value\":\"LaundryCare.Washer.EnumType.Temperature.GC30\"}]"));
        ok("homeconnect:setSelectedProgramOption?haId=" + WASHER + "&key=LaundryCare.Washer.Option.SpinSpeed",
                body("LaundryCare.Washer.EnumType.SpinSpeed.RPM800"));

        JsonNode options = ok("homeconnect:getSelectedProgramOptions?haId=" + WASHER).getBody(JsonNode.class);
        assertThat(options.path("options").toString()).contains("Temperature.GC30", "SpinSpeed.RPM800");
        JsonNode spin = ok("homeconnect:getSelectedProgramOption?haId=" + WASHER + "&key=LaundryCare.Washer.Option.SpinSpeed")
                .getBody(JsonNode.class);
        assertThat(spin.path("value").asText()).isEqualTo("LaundryCare.Washer.EnumType.SpinSpeed.RPM800");
    }

    @Test
    void optionsOfTheActiveProgramAreWrittenAsAListAndOneByOne() {
        cloud.household().oven().startProgram(HOT_AIR);

        ok("homeconnect:setActiveProgramOption?haId=" + OVEN + "&key=" + SETPOINT, body("{\"value\":220,\"unit\":\"°C\"}"));
        ok("homeconnect:setActiveProgramOptions?haId=" + OVEN, body("{\"options\":[{\"key\":\"BSH.Common.Option.Duration\","
                + "\"value\":1500}]}"));

        JsonNode temperature = ok("homeconnect:getActiveProgramOption?haId=" + OVEN + "&key=" + SETPOINT).getBody(JsonNode.class);
        assertThat(temperature.path("value").asInt()).isEqualTo(220);
        JsonNode options = ok("homeconnect:getActiveProgramOptions?haId=" + OVEN).getBody(JsonNode.class);
        assertThat(options.path("options").toString()).contains("\"value\":1500");
    }

    // ---- commands and images -------------------------------------------------------------------

    @Test
    void commandsAreListedAndOneIsExecutedWithoutABody() {
        cloud.household().oven().startProgram(HOT_AIR);

        JsonNode commands = ok("homeconnect:getCommands?haId=" + OVEN).getBody(JsonNode.class);
        assertThat(commands.path("commands").toString()).contains("BSH.Common.Command.PauseProgram");
        ok("homeconnect:executeCommand?haId=" + OVEN + "&key=BSH.Common.Command.PauseProgram");

        assertThat(cloud.household().oven().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Pause");
    }

    @Test
    void executeCommandIsNotConfusedByABodyLeftOverFromAnEarlierStep() {
        cloud.household().oven().startProgram(HOT_AIR);

        // Home Assistant's button entity publishes PRESS; the route hands it on as it is.
        ok("homeconnect:executeCommand?haId=" + OVEN + "&key=BSH.Common.Command.PauseProgram", body("PRESS"));

        assertThat(cloud.household().oven().operationState()).isEqualTo("BSH.Common.EnumType.OperationState.Pause");
    }

    @Test
    void imagesAreListedAndOneIsFetchedAsBytesWithItsContentType() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xD9};
        cloud.household().oven().addImage(new ApplianceImage("Cooking.Oven.EnumType.Camera.Cavity", "image_key_1", null,
                1785974400000L, "good", jpeg));

        JsonNode images = ok("homeconnect:getImages?haId=" + OVEN).getBody(JsonNode.class);
        assertThat(images.path("images").get(0).path("imagekey").asText()).isEqualTo("image_key_1");
        Message image = ok("homeconnect:getImage?haId=" + OVEN + "&key=image_key_1");
        assertThat(image.getBody()).isInstanceOf(byte[].class);
        assertThat(image.getBody(byte[].class)).isEqualTo(jpeg);
        assertThat(image.getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/jpeg");
    }

    // ---- headers -------------------------------------------------------------------------------

    @Test
    void theHaIdHeaderAddressesAnotherApplianceThanTheEndpoint() {
        ok("homeconnect:getStatus?haId=" + WASHER, exchange -> exchange.getMessage().setHeader(HA_ID, OVEN));

        assertThat(restRequestLines()).containsExactly("GET /api/homeappliances/" + OVEN + "/status");
    }

    @Test
    void theKeyHeaderNamesAnotherKeyThanTheEndpoint() {
        JsonNode door = ok("homeconnect:getStatusValue?haId=" + WASHER + "&key=" + OPERATION_STATE,
                exchange -> exchange.getMessage().setHeader(KEY, "BSH.Common.Status.DoorState")).getBody(JsonNode.class);

        assertThat(door.path("key").asText()).isEqualTo("BSH.Common.Status.DoorState");
        assertThat(restRequestLines()).containsExactly("GET /api/homeappliances/" + WASHER + "/status/BSH.Common.Status.DoorState");
    }

    @Test
    void theOperationHeaderRunsAnotherOperationThanTheEndpoint() {
        JsonNode settings = ok("homeconnect:getStatus?haId=" + DISHWASHER,
                exchange -> exchange.getMessage().setHeader(OPERATION, "getSettings")).getBody(JsonNode.class);

        assertThat(settings.has("settings")).isTrue();
        assertThat(restRequestLines()).containsExactly("GET /api/homeappliances/" + DISHWASHER + "/settings");
    }

    @Test
    void everyAnswerCarriesItsHttpStatusAndTheRemainingBudget() {
        Message first = ok("homeconnect:getStatus?haId=" + WASHER);
        Message second = ok("homeconnect:getSettings?haId=" + WASHER);

        assertThat(first.getHeader(HTTP_STATUS)).isEqualTo(200);
        assertThat(first.getHeader(BUDGET_REMAINING_DAY, Integer.class)).isBetween(1, 999);
        assertThat(first.getHeader(BUDGET_REMAINING_MINUTE, Integer.class)).isBetween(1, 49);
        assertThat(second.getHeader(BUDGET_REMAINING_DAY, Integer.class))
                .isEqualTo(first.getHeader(BUDGET_REMAINING_DAY, Integer.class) - 1);
        assertThat(second.getHeader(BUDGET_REMAINING_MINUTE, Integer.class))
                .isEqualTo(first.getHeader(BUDGET_REMAINING_MINUTE, Integer.class) - 1);
    }

    // ---- refusals and errors -------------------------------------------------------------------

    @Test
    void startProgramIsRefusedWithoutAPutWhenRemoteStartIsNotAllowed() {
        cloud.household().washer().setRemoteControl(true, false);

        Exchange answer = call("homeconnect:startProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Cotton", e -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ProgramStartRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED));
        assertThat(putsAndDeletes()).isEmpty();
        assertThat(cloud.household().washer().activeProgram()).isEmpty();
    }

    @Test
    void startProgramIsRefusedWithoutAPutWhileAProgramIsActive() {
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Mix");

        Exchange answer = call("homeconnect:startProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Cotton", e -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ProgramStartRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE));
        assertThat(putsAndDeletes()).isEmpty();
        assertThat(cloud.household().washer().activeProgram()).hasValue("LaundryCare.Washer.Program.Mix");
    }

    @Test
    void startProgramIsRefusedWithoutAPutWhenTheApplianceIsOffline() {
        cloud.household().washer().disconnect();

        Exchange answer = call("homeconnect:startProgram?haId=" + WASHER + "&key=LaundryCare.Washer.Program.Cotton", e -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ProgramStartRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE));
        assertThat(putsAndDeletes()).isEmpty();
    }

    @Test
    void getActiveProgramWithNothingRunningFailsWithNoProgramActive() {
        Exchange answer = call("homeconnect:getActiveProgram?haId=" + WASHER, e -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(NoProgramActiveException.class,
                missing -> assertThat(missing.httpStatus()).isEqualTo(404));
    }

    @Test
    void aCallToAnOfflineApplianceFailsWithApplianceOffline() {
        cloud.household().oven().disconnect();

        Exchange answer = call("homeconnect:getStatus?haId=" + OVEN, e -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ApplianceOfflineException.class,
                offline -> assertThat(offline.httpStatus()).isEqualTo(409));
    }

    @Test
    void aKeyWithSlashesCannotLeaveItsPathSegment() {
        Exchange answer = call("homeconnect:getSetting?haId=" + DISHWASHER,
                exchange -> exchange.getMessage().setHeader(KEY, "../../../" + WASHER + "/status"));

        assertThat(answer.getException()).isInstanceOf(HomeConnectException.class);
        assertThat(restRequestLines()).containsExactly("GET /api/homeappliances/" + DISHWASHER + "/settings/..%2F..%2F..%2F"
                + WASHER + "%2Fstatus");
    }

    @Test
    void aKeyThatIsADotSegmentFailsWithoutARequest() {
        Exchange answer = call("homeconnect:getSetting?haId=" + DISHWASHER, exchange -> exchange.getMessage().setHeader(KEY, ".."));

        assertThat(answer.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settingKey");
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void aMissingHaIdFailsWithoutARequestSayingWhereToSetIt() {
        Exchange answer = call("homeconnect:getStatus", e -> { });

        assertThat(answer.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getStatus").hasMessageContaining("haId").hasMessageContaining(HA_ID);
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void aMissingKeyFailsWithoutARequestSayingWhereToSetIt() {
        Exchange answer = call("homeconnect:getStatusValue?haId=" + WASHER, e -> { });

        assertThat(answer.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getStatusValue").hasMessageContaining("key").hasMessageContaining(KEY);
        assertThat(cloud.requests().all()).isEmpty();
    }
}
