package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnect;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.only;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Each appliance type gets its own entity set (docs/home-assistant.md, "Home Connect"). */
class HomeConnectApplianceTypesTest {

    private static final String FRIDGE = "SIEMENS-HCS05FRF1-304F4F9E541D";
    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String HOOD = "BOSCH-HCS000000-D00000000004";
    private static final String HOB = "BOSCH-HCS000000-D00000000005";
    private static final String OVEN = "BOSCH-HCS01OVN1-43E0065FE245";
    private static final String PROGRAM_ENTITIES_WITH_START = "program active_program start stop program_progress remaining_time finish_time";

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));

    /** A Home Connect event about {@code haId}; {@code applianceType} as the route adds it, {@code null} for none. */
    static ObjectNode event(String haId, String applianceType, HomeConnectEventType type, String... keyValues) {
        ObjectNode event = homeConnect(type, keyValues);
        event.put("deviceId", haId);
        if (applianceType != null) {
            event.put("applianceType", applianceType);
        }
        return event;
    }

    private static String deviceConfig(String haId) {
        return "homeassistant/device/camel-smarthome/homeconnect_" + haId + "/config";
    }

    /** The components of the latest device config of {@code haId} among {@code messages}. */
    private static JsonNode cmps(List<DiscoveryMessage> messages, String haId) {
        return payload(only(messages, deviceConfig(haId))).path("cmps");
    }

    private static Set<String> keys(JsonNode cmps) {
        Set<String> keys = new TreeSet<>();
        cmps.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @Test
    void aFridgeFreezerHasNoProgramEntitiesButItsDoorsAlarmsAndPower() {
        JsonNode cmps = cmps(discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.STATUS,
                "BSH.Common.Status.DoorState", "\"BSH.Common.EnumType.DoorState.Closed\"",
                "Refrigeration.Common.Status.Door.Freezer", "\"Refrigeration.Common.EnumType.Door.States.Open\"")), FRIDGE);

        assertThat(keys(cmps)).doesNotContainAnyElementsOf(words(PROGRAM_ENTITIES_WITH_START + " pause resume"))
                .contains("operation_state", "door", "door_freezer", "remote_control", "remote_start", "power", "program_event");
        assertThat(cmps.path("door_freezer").path("device_class").asText()).isEqualTo("door");
        assertThat(cmps.path("program_event").path("event_types").toString())
                .contains("door_alarm_freezer", "door_alarm_refrigerator", "temperature_alarm_freezer")
                .doesNotContain("program_finished");
        assertThat(cmps.path("trigger_door_alarm_freezer").path("p").asText()).isEqualTo("device_automation");
    }

    @Test
    void aCompartmentDoorIsOpenInTheState() {
        List<DiscoveryMessage> messages = discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.STATUS,
                "Refrigeration.Common.Status.Door.Freezer", "\"Refrigeration.Common.EnumType.Door.States.Open\""));

        JsonNode state = payload(only(messages, "camel-smarthome/homeconnect/" + FRIDGE + "/state"));
        assertThat(state.path("door_freezer").asText()).isEqualTo("open");
    }

    @Test
    void aWasherFromTheApplianceListHasItsProgramEntitiesBeforeAnyProgramIsReported() {
        JsonNode cmps = cmps(discovery.onEvent(event(WASHER, "Washer", HomeConnectEventType.STATUS,
                "BSH.Common.Status.OperationState", "\"BSH.Common.EnumType.OperationState.Ready\"")), WASHER);

        assertThat(keys(cmps)).containsAll(words(PROGRAM_ENTITIES_WITH_START + " pause resume door child_lock power"));
        assertThat(cmps.path("child_lock").path("p").asText()).isEqualTo("switch");
        assertThat(cmps.path("child_lock").path("command_topic").asText())
                .isEqualTo("camel-smarthome/homeconnect/" + WASHER + "/child_lock/set");
    }

    @Test
    void theTypeNamesTheDeviceModel() {
        JsonNode config = payload(only(discovery.onEvent(event(WASHER, "Washer", HomeConnectEventType.CONNECTED)),
                deviceConfig(WASHER)));

        assertThat(config.path("device").path("model").asText()).isEqualTo("Washer");
    }

    @Test
    void aHoodHasNoDoorButItsLightSettings() {
        JsonNode cmps = cmps(discovery.onEvent(event(HOOD, "Hood", HomeConnectEventType.CONNECTED)), HOOD);

        assertThat(keys(cmps)).doesNotContain("door").contains("program", "start", "stop", "lighting", "lighting_brightness",
                "color_temperature", "ambient_light", "ambient_light_brightness");
        assertThat(cmps.path("lighting_brightness").path("p").asText()).isEqualTo("number");
        assertThat(cmps.path("lighting_brightness").path("min").asInt()).isZero();
        assertThat(cmps.path("lighting_brightness").path("max").asInt()).isEqualTo(100);
    }

    @Test
    void aHobGetsNoStartEvenWhenItReportsAProgram() {
        JsonNode cmps = cmps(discovery.onEvent(event(HOB, "Hob", HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.ActiveProgram", "\"Cooking.Hob.Program.PowerLevelMode\"")), HOB);

        assertThat(keys(cmps)).doesNotContain("start", "door", "pause", "resume").contains("program", "stop");
        assertThat(cmps.path("active_program").path("p").asText()).as("shown, not offered to start").isEqualTo("sensor");
    }

    @Test
    void anOvenHasItsSetpointAsANumberWithTheBriefsRange() {
        JsonNode cmps = cmps(discovery.onEvent(event(OVEN, "Oven", HomeConnectEventType.CONNECTED)), OVEN);

        JsonNode setpoint = cmps.path("setpoint");
        assertThat(setpoint.path("p").asText()).isEqualTo("number");
        assertThat(setpoint.path("device_class").asText()).isEqualTo("temperature");
        assertThat(setpoint.path("unit_of_measurement").asText()).isEqualTo("°C");
        assertThat(setpoint.path("min").asInt()).isEqualTo(30);
        assertThat(setpoint.path("max").asInt()).isEqualTo(250);
        assertThat(setpoint.path("value_template").asText()).isEqualTo("{{ value_json.setpoint_temperature }}");
    }

    @Test
    void anApplianceOfUnknownTypeGetsTheConservativeSetAndProgramEntitiesOnceItReportsAProgram() {
        String haId = "BOSCH-000000000-000000000000";
        JsonNode first = cmps(discovery.onEvent(event(haId, "DNE", HomeConnectEventType.STATUS,
                "BSH.Common.Status.OperationState", "\"BSH.Common.EnumType.OperationState.Ready\"")), haId);
        assertThat(keys(first)).containsExactlyInAnyOrder("operation_state", "door", "remote_control", "remote_start",
                "power", "program_event", "trigger_program_finished", "trigger_program_aborted", "trigger_alarm_clock_elapsed");

        JsonNode later = cmps(discovery.onEvent(event(haId, "DNE", HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"Cooking.Common.Program.Hood.Venting\"")), haId);
        assertThat(keys(later)).containsAll(words(PROGRAM_ENTITIES_WITH_START));
    }

    @Test
    void theTypeFromTheApplianceListRemovesAnEntityGuessedBeforeItWasKnown() {
        HomeAssistantDiscovery perEntity = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT));
        perEntity.onEvent(event(HOOD, null, HomeConnectEventType.CONNECTED));

        List<DiscoveryMessage> messages = perEntity.onEvent(event(HOOD, "Hood", HomeConnectEventType.CONNECTED));

        assertThat(messages).anySatisfy(message -> {
            assertThat(message.topic()).isEqualTo("homeassistant/binary_sensor/camel-smarthome/camel_smarthome_homeconnect_"
                                                  + HOOD + "_door/config");
            assertThat(message.payload()).isEmpty();
            assertThat(message.retained()).isTrue();
        });
    }

    @Test
    void aBooleanSettingTheTableLacksBecomesASwitchWithItsState() {
        List<DiscoveryMessage> messages = discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.NOTIFY,
                "Refrigeration.FridgeFreezer.Setting.SuperModeFreezer", "true"));

        JsonNode cmps = cmps(messages, FRIDGE);
        assertThat(cmps.path("setting_super_mode_freezer").path("p").asText()).isEqualTo("switch");
        assertThat(cmps.path("setting_super_mode_freezer").path("name").asText()).isEqualTo("Super mode freezer");
        assertThat(cmps.path("setting_super_mode_freezer").path("command_topic").asText())
                .endsWith("/setting_super_mode_freezer/set");
        JsonNode state = payload(only(messages, "camel-smarthome/homeconnect/" + FRIDGE + "/state"));
        assertThat(state.path("setting_super_mode_freezer").asBoolean()).isTrue();
        assertThat(discovery.commandFacts().homeConnectSetting(FRIDGE, "setting_super_mode_freezer")).get()
                .extracting(HomeConnectSetting::key).isEqualTo("Refrigeration.FridgeFreezer.Setting.SuperModeFreezer");
    }

    @Test
    void settingKeysThatCannotNameAnEntityOrComeInFloodsMakeNoMoreEntities() {
        List<String> keyValues = new ArrayList<>(List.of("Refrigeration.FridgeFreezer.Setting.Odd-Name!", "true"));
        for (int i = 0; i < 40; i++) {
            keyValues.add("Vendor.Thing.Setting.Flag" + i);
            keyValues.add("false");
        }
        JsonNode cmps = cmps(discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.NOTIFY,
                keyValues.toArray(String[]::new))), FRIDGE);

        assertThat(keys(cmps).stream().filter(key -> key.startsWith("setting_")))
                .hasSize(HomeConnectMapping.MAX_KEYED_ENTITIES).noneMatch(key -> key.contains("odd"));
    }

    @Test
    void aSkippedKeyIsCountedEveryTimeAndLoggedOncePerAppliance() {
        try (CapturedLogs logs = CapturedLogs.capture(EventContext.class.getName())) {
            for (int i = 0; i < 3; i++) {
                discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.NOTIFY,
                        "Refrigeration.FridgeFreezer.Setting.Odd-Name\n!", "true"));
            }

            assertThat(discovery.stats().skippedKeys()).isEqualTo(3);
            assertThat(logs.atLevel(Level.WARN)).hasSize(1);
            assertThat(logs.atLevel(Level.WARN).get(0).message()).contains("Odd-Name?!").contains(FRIDGE)
                    .doesNotContain("\n");
        }
    }

    @Test
    void aFridgeDoorAlarmSentAsDoorStateOpenFiresTheEvent() {
        List<DiscoveryMessage> messages = discovery.onEvent(event(FRIDGE, "FridgeFreezer", HomeConnectEventType.EVENT,
                "Refrigeration.FridgeFreezer.Event.DoorAlarmFreezer", "\"BSH.Common.EnumType.DoorState.Open\""));

        List<DiscoveryMessage> events = messages.stream().filter(m -> m.topic().endsWith(FRIDGE + "/event")).toList();
        assertThat(events).hasSize(1);
        assertThat(payload(events.get(0)).path("event_type").asText()).isEqualTo("door_alarm_freezer");
    }
}
