package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnect;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.on;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.only;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appliance's entity set is derived again only when its facts change (issue #8): these are the
 * changes that must still reach Home Assistant after a run of events that changed nothing.
 */
class EntitySetRefreshTest {

    private static final String DEVICE_CONFIG =
            "homeassistant/device/camel-smarthome/homeconnect_SIEMENS-WM14T6H9NL-AB1234567890/config";
    private static final String STATE = "camel-smarthome/homeconnect/SIEMENS-WM14T6H9NL-AB1234567890/state";

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));

    @BeforeEach
    void aWasherRunsCottonAndTicks() {
        washer(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"LaundryCare.Washer.Program.Cotton\"",
                "BSH.Common.Option.RemainingProgramTime", "3120"));
        tick(3119);
        tick(3118);
    }

    private List<DiscoveryMessage> washer(ObjectNode event) {
        event.put("applianceType", "Washer");
        return discovery.onEvent(event);
    }

    private List<DiscoveryMessage> tick(int remainingSeconds) {
        return washer(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Option.RemainingProgramTime", Integer.toString(remainingSeconds)));
    }

    @Test
    void aRemainingTimeTickPublishesTheStateAndNoConfig() {
        List<DiscoveryMessage> messages = tick(3117);

        assertThat(messages).extracting(DiscoveryMessage::topic).containsExactly(STATE);
        assertThat(payload(messages.get(0)).path("remaining_program_time").asInt()).isEqualTo(3117);
    }

    @Test
    void aProgramSeenAfterTicksIsAddedToTheProgramSelects() {
        List<DiscoveryMessage> messages = washer(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"LaundryCare.Washer.Program.Eco4060\""));

        JsonNode cmps = payload(only(messages, DEVICE_CONFIG)).path("cmps");
        assertThat(cmps.path("program").path("options").toString()).isEqualTo("[\"Cotton\",\"Eco4060\"]");
        assertThat(cmps.path("active_program").path("options").toString()).isEqualTo("[\"Cotton\",\"Eco4060\"]");
    }

    @Test
    void theSameProgramSelectedAgainPublishesNoConfig() {
        List<DiscoveryMessage> messages = washer(homeConnect(HomeConnectEventType.NOTIFY,
                "BSH.Common.Root.SelectedProgram", "\"LaundryCare.Washer.Program.Cotton\""));

        assertThat(on(messages, DEVICE_CONFIG)).isEmpty();
    }

    @Test
    void aBooleanSettingSeenAfterTicksGetsItsSwitch() {
        List<DiscoveryMessage> messages = washer(homeConnect(HomeConnectEventType.NOTIFY,
                "LaundryCare.Washer.Setting.SilentMode", "true"));

        JsonNode cmps = payload(only(messages, DEVICE_CONFIG)).path("cmps");
        assertThat(cmps.path("setting_silent_mode").path("p").asText()).isEqualTo("switch");
        assertThat(payload(only(messages, STATE)).path("setting_silent_mode").asBoolean()).isTrue();
    }

    @Test
    void anEventKeySeenAfterTicksGetsItsEventTypeAndTrigger() {
        List<DiscoveryMessage> messages = washer(homeConnect(HomeConnectEventType.EVENT,
                "LaundryCare.Washer.Event.SoftenerEmpty", "\"BSH.Common.EnumType.EventPresentState.Present\""));

        JsonNode cmps = payload(only(messages, DEVICE_CONFIG)).path("cmps");
        assertThat(cmps.path("program_event").path("event_types").toString()).contains("softener_empty");
        assertThat(cmps.path("trigger_softener_empty").path("p").asText()).isEqualTo("device_automation");
    }

    @Test
    void anApplianceTypeThatChangesAfterTicksReplacesTheEntitySet() {
        ObjectNode event = homeConnect(HomeConnectEventType.NOTIFY, "BSH.Common.Option.RemainingProgramTime", "3000");
        event.put("applianceType", "Hob");

        JsonNode cmps = payload(only(discovery.onEvent(event), DEVICE_CONFIG)).path("cmps");

        assertThat(cmps.has("door")).isFalse();
        assertThat(cmps.has("start")).isFalse();
    }
}
