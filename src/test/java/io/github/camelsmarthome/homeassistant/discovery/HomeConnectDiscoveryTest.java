package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnect;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnectResync;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.json;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.on;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.only;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeConnectDiscoveryTest {

    private static final String DEVICE_CONFIG =
            "homeassistant/device/camel-smarthome/homeconnect_SIEMENS-WM14T6H9NL-AB1234567890/config";
    private static final String BASE = "camel-smarthome/homeconnect/SIEMENS-WM14T6H9NL-AB1234567890";

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));

    private List<DiscoveryMessage> washerRunsCotton() {
        return discovery.onEvent(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"LaundryCare.Washer.Program.Cotton\"",
                "BSH.Common.Option.ProgramProgress", "42",
                "BSH.Common.Option.RemainingProgramTime", "3120"));
    }

    @Test
    void aWasherIsOneDeviceConfigWithTheComponentsOfBriefExample96() {
        JsonNode config = payload(only(washerRunsCotton(), DEVICE_CONFIG));

        assertThat(config.path("device").path("identifiers").get(0).asText())
                .isEqualTo("homeconnect_SIEMENS-WM14T6H9NL-AB1234567890");
        assertThat(config.path("device").path("manufacturer").asText()).isEqualTo("Siemens");
        assertThat(config.path("device").path("model_id").asText()).isEqualTo("WM14T6H9NL");
        assertThat(config.path("device").path("via_device").asText()).isEqualTo("camel_smarthome_bridge");
        assertThat(config.path("origin").path("name").asText()).isEqualTo("camel-smarthome");
        assertThat(config.path("availability_mode").asText()).isEqualTo("all");
        assertThat(config.path("availability").findValuesAsText("topic"))
                .containsExactly("camel-smarthome/bridge/state", BASE + "/availability");
        JsonNode cmps = config.path("cmps");
        assertThat(cmps.path("operation_state").path("p").asText()).isEqualTo("sensor");
        assertThat(cmps.path("operation_state").path("device_class").asText()).isEqualTo("enum");
        assertThat(cmps.path("operation_state").path("options").toString()).isEqualTo(
                "[\"inactive\",\"ready\",\"delayed_start\",\"run\",\"pause\",\"action_required\",\"finished\",\"error\",\"aborting\"]");
        assertThat(cmps.path("operation_state").path("value_template").asText()).isEqualTo("{{ value_json.operation_state }}");
        assertThat(cmps.path("program_progress").path("unit_of_measurement").asText()).isEqualTo("%");
        assertThat(cmps.path("program_progress").path("state_class").asText()).isEqualTo("measurement");
        assertThat(cmps.path("remaining_time").path("device_class").asText()).isEqualTo("duration");
        assertThat(cmps.path("remaining_time").path("unit_of_measurement").asText()).isEqualTo("s");
        assertThat(cmps.path("remaining_time").path("value_template").asText())
                .isEqualTo("{{ value_json.remaining_program_time }}");
        assertThat(cmps.path("finish_time").path("device_class").asText()).isEqualTo("timestamp");
        assertThat(cmps.path("door").path("device_class").asText()).isEqualTo("door");
        assertThat(cmps.path("door").path("value_template").asText())
                .isEqualTo("{{ 'ON' if value_json.door_state == 'open' else 'OFF' }}");
        assertThat(cmps.path("remote_start").path("entity_category").asText()).isEqualTo("diagnostic");
        assertThat(cmps.path("remote_control").path("value_template").asText())
                .isEqualTo("{{ 'ON' if value_json.remote_control_active else 'OFF' }}");
        assertThat(cmps.path("program").path("p").asText()).isEqualTo("select");
        assertThat(cmps.path("program").path("options").toString()).isEqualTo("[\"Cotton\"]");
        assertThat(cmps.path("program").path("command_topic").asText()).isEqualTo(BASE + "/program/selected/set");
        assertThat(cmps.path("active_program").path("command_topic").asText()).isEqualTo(BASE + "/program/active/set");
        assertThat(cmps.path("stop").path("payload_press").asText()).isEqualTo("stop");
        assertThat(cmps.path("pause").path("payload_press").asText()).isEqualTo("pause");
        assertThat(cmps.path("power").path("p").asText()).isEqualTo("switch");
        assertThat(cmps.path("power").path("state_off").asText()).isEqualTo("standby");
        assertThat(cmps.path("power").path("command_topic").asText()).isEqualTo(BASE + "/power/set");
        assertThat(cmps.path("program_event").path("p").asText()).isEqualTo("event");
        assertThat(cmps.path("program_event").path("state_topic").asText()).isEqualTo(BASE + "/event");
        assertThat(cmps.path("program_event").path("event_types").toString())
                .contains("program_finished", "program_aborted");
    }

    @Test
    void theStartButtonIsAvailableOnlyWhileRemoteStartIsAllowed() {
        JsonNode start = payload(only(washerRunsCotton(), DEVICE_CONFIG)).path("cmps").path("start");
        assertThat(start.path("command_topic").asText()).isEqualTo(BASE + "/program/active/set");
        assertThat(start.path("payload_press").asText()).isEqualTo("start");
        assertThat(start.path("availability_mode").asText()).isEqualTo("all");
        assertThat(start.path("availability").findValuesAsText("topic")).containsExactly(
                "camel-smarthome/bridge/state", BASE + "/availability", BASE + "/state");
        assertThat(start.path("availability").get(2).path("value_template").asText())
                .isEqualTo("{{ 'online' if value_json.remote_start_allowed else 'offline' }}");
    }

    @Test
    void statusKeysBecomeNormalisedStateFields() {
        washerRunsCotton();
        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.STATUS,
                "BSH.Common.Status.OperationState", "\"BSH.Common.EnumType.OperationState.DelayedStart\"",
                "BSH.Common.Status.DoorState", "\"BSH.Common.EnumType.DoorState.Open\"",
                "BSH.Common.Status.RemoteControlStartAllowed", "true",
                "BSH.Common.Setting.PowerState", "\"BSH.Common.EnumType.PowerState.On\""));
        JsonNode state = payload(only(messages, BASE + "/state"));
        assertThat(state.path("operation_state").asText()).isEqualTo("delayed_start");
        assertThat(state.path("door_state").asText()).isEqualTo("open");
        assertThat(state.path("remote_start_allowed").asBoolean()).isTrue();
        assertThat(state.path("power").asText()).isEqualTo("on");
        assertThat(state.path("selected_program").asText()).as("merged over the earlier event").isEqualTo("Cotton");
        assertThat(state.path("program_progress").asInt()).isEqualTo(42);
    }

    @Test
    void theRemainingTimeAlsoGivesTheFinishTimeWithAnOffset() {
        JsonNode state = payload(only(washerRunsCotton(), BASE + "/state"));
        assertThat(state.path("remaining_program_time").asInt()).isEqualTo(3120);
        // The items' timestamp 1777878723 is 2026-05-04T07:12:03Z; plus 3120 s.
        assertThat(state.path("program_finish_time").asText()).isEqualTo("2026-05-04T08:04:03+00:00");
    }

    @Test
    void aNewProgramUpdatesTheSelectOptions() {
        washerRunsCotton();
        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"LaundryCare.Washer.Program.Wool\""));
        assertThat(payload(only(messages, DEVICE_CONFIG)).path("cmps").path("program").path("options").toString())
                .isEqualTo("[\"Cotton\",\"Wool\"]");
    }

    @Test
    void aPresentEventKeyFiresTheEventEntityOnceAndNotRetained() {
        washerRunsCotton();
        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.EVENT,
                "BSH.Common.Event.ProgramFinished", "\"BSH.Common.EnumType.EventPresentState.Present\""));
        DiscoveryMessage event = only(messages, BASE + "/event");
        assertThat(event.retained()).isFalse();
        assertThat(payload(event).path("event_type").asText()).isEqualTo("program_finished");
        assertThat(messages.stream().filter(m -> m.topic().endsWith("/event"))).hasSize(1);
    }

    @Test
    void anEventKeyThatIsOffOrReplayedFiresNothing() {
        washerRunsCotton();
        assertThat(on(discovery.onEvent(homeConnect(HomeConnectEventType.EVENT, "BSH.Common.Event.ProgramFinished",
                "\"BSH.Common.EnumType.EventPresentState.Off\"")), BASE + "/event")).isEmpty();
        assertThat(on(discovery.onEvent(homeConnectResync(HomeConnectEventType.EVENT, "BSH.Common.Event.ProgramAborted",
                "\"BSH.Common.EnumType.EventPresentState.Present\"")), BASE + "/event")).isEmpty();
    }

    @Test
    void anOvenGainsItsPreheatEventAndCavityTemperature() {
        washerRunsCotton();
        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"Cooking.Oven.Program.HeatingMode.HotAir\"",
                "Cooking.Oven.Status.CurrentCavityTemperature", "178"));
        JsonNode cmps = payload(only(messages, DEVICE_CONFIG)).path("cmps");
        assertThat(cmps.path("program_event").path("event_types").toString()).contains("preheat_finished");
        assertThat(cmps.path("cavity_temperature").path("unit_of_measurement").asText()).isEqualTo("°C");
        assertThat(cmps.path("trigger_preheat_finished").path("p").asText()).isEqualTo("device_automation");
    }

    @Test
    void connectionEventsSetTheApplianceAvailability() {
        washerRunsCotton();
        DiscoveryMessage offline = only(discovery.onEvent(homeConnect(HomeConnectEventType.DISCONNECTED)),
                BASE + "/availability");
        assertThat(offline.payload()).isEqualTo("offline");
        assertThat(only(discovery.onEvent(homeConnect(HomeConnectEventType.CONNECTED)), BASE + "/availability").payload())
                .isEqualTo("online");
    }

    @Test
    void eventsAboutTheAccountCreateNoApplianceButUpdateTheBridgeHealth() {
        List<DiscoveryMessage> messages = discovery.onEvent(json(HomeConnectEvent.synthetic("homeconnect-1a2b3c4d",
                HomeConnectEventType.AUTH_REQUIRED, DiscoveryFixtures.items("detail", "\"authorise again\""),
                DiscoveryFixtures.NOW, EventOrigin.BRIDGE)));
        assertThat(messages).noneMatch(m -> m.topic().contains("homeconnect-1a2b3c4d"));
        JsonNode health = payload(discovery.bridgeHealth());
        assertThat(health.path("homeconnect").path("auth_required").asBoolean()).isTrue();
        assertThat(health.path("homeconnect").path("connected").asBoolean(true)).isFalse();
    }
}
