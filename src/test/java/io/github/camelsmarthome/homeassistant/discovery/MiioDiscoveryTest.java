package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.miio;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.only;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiioDiscoveryTest {

    private static final String DOOR = "lumi.158d0001ab6d65";
    private static final String BUTTON = "lumi.158d00027d0a11";
    private static final String BASE = "camel-smarthome/miio/";

    private final HomeAssistantDiscovery devices = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));
    private final HomeAssistantDiscovery entities = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT));

    private static String deviceConfig(String sid) {
        return "homeassistant/device/camel-smarthome/miio_" + sid.replace('.', '_') + "/config";
    }

    @Test
    void aDoorSensorIsADoorBinarySensorBehindItsGatewayAsInBriefExample98() {
        List<DiscoveryMessage> messages = entities.onEvent(miio(DOOR, "open", "lumi.sensor_magnet.aq2"));
        JsonNode contact = payload(only(messages,
                "homeassistant/binary_sensor/camel-smarthome/camel_smarthome_miio_lumi_158d0001ab6d65_contact/config"));
        assertThat(contact.get("name").isNull()).isTrue();
        assertThat(contact.path("device_class").asText()).isEqualTo("door");
        assertThat(contact.path("state_topic").asText()).isEqualTo(BASE + "lumi_158d0001ab6d65/state");
        assertThat(contact.path("value_template").asText()).isEqualTo("{{ 'ON' if value_json.contact == 'open' else 'OFF' }}");
        assertThat(contact.path("device").path("manufacturer").asText()).isEqualTo("Aqara");
        assertThat(contact.path("device").path("model").asText()).isEqualTo("lumi.sensor_magnet.aq2");
        assertThat(contact.path("device").path("via_device").asText()).isEqualTo("miio_gateway-192_168_1_20");
        assertThat(contact.path("availability").findValuesAsText("topic")).containsExactly("camel-smarthome/bridge/state",
                BASE + "gateway-192_168_1_20/availability", BASE + "lumi_158d0001ab6d65/availability");
        assertThat(payload(only(messages, BASE + "lumi_158d0001ab6d65/state")).path("contact").asText()).isEqualTo("open");
        assertThat(payload(only(entities.onEvent(miio(DOOR, "close", "lumi.sensor_magnet.aq2")),
                BASE + "lumi_158d0001ab6d65/state")).path("contact").asText()).isEqualTo("closed");
    }

    @Test
    void theGatewayConfigComesBeforeItsSubDevice() {
        List<String> topics = devices.onEvent(miio(DOOR, "open", "lumi.sensor_magnet.aq2")).stream()
                .map(DiscoveryMessage::topic).toList();
        assertThat(topics.indexOf("homeassistant/device/camel-smarthome/miio_gateway-192_168_1_20/config"))
                .isGreaterThanOrEqualTo(0).isLessThan(topics.indexOf(deviceConfig(DOOR)));
    }

    @Test
    void aMotionSensorIsFedByItsEventsWithAnOffDelay() {
        JsonNode motion = payload(only(devices.onEvent(miio("lumi.158d0000aaaaaa", "motion", "lumi.sensor_motion.aq2")),
                deviceConfig("lumi.158d0000aaaaaa"))).path("cmps").path("motion");
        assertThat(motion.path("device_class").asText()).isEqualTo("motion");
        assertThat(motion.path("state_topic").asText()).isEqualTo(BASE + "lumi_158d0000aaaaaa/event");
        assertThat(motion.path("off_delay").asInt()).isEqualTo(60);
    }

    @Test
    void aButtonPublishesItsEventEntityAndEveryTriggerOfItsModelUpFront() {
        List<DiscoveryMessage> messages = devices.onEvent(miio(BUTTON, "click_ch0", "lumi.sensor_switch.aq2"));
        JsonNode cmps = payload(only(messages, deviceConfig(BUTTON))).path("cmps");
        assertThat(cmps.path("action").path("p").asText()).isEqualTo("event");
        assertThat(cmps.path("action").path("device_class").asText()).isEqualTo("button");
        assertThat(cmps.path("action").path("event_types").toString())
                .isEqualTo("[\"l_click_ch0\",\"click_ch0\",\"d_click_ch0\"]");
        assertThat(cmps.path("action").path("state_topic").asText()).isEqualTo(BASE + "lumi_158d00027d0a11/event");
        JsonNode doubleClick = cmps.path("trigger_d_click_ch0");
        assertThat(doubleClick.path("p").asText()).isEqualTo("device_automation");
        assertThat(doubleClick.path("automation_type").asText()).isEqualTo("trigger");
        assertThat(doubleClick.path("type").asText()).isEqualTo("button_double_press");
        assertThat(doubleClick.path("subtype").asText()).isEqualTo("button_1");
        assertThat(doubleClick.path("topic").asText()).isEqualTo(BASE + "lumi_158d00027d0a11/event");
        assertThat(doubleClick.path("value_template").asText()).isEqualTo("{{ value_json.event_type }}");
        assertThat(doubleClick.path("payload").asText()).isEqualTo("d_click_ch0");
        assertThat(cmps.path("trigger_l_click_ch0").path("type").asText()).isEqualTo("button_long_press");
        DiscoveryMessage event = only(messages, BASE + "lumi_158d00027d0a11/event");
        assertThat(event.retained()).isFalse();
        assertThat(payload(event).path("event_type").asText()).isEqualTo("click_ch0");
    }

    @Test
    void triggerTypeAndSubtypePairsStayUniqueOnEveryModel() {
        for (String model : DiscoveryFixtures.CATALOG.keySet()) {
            String sid = "lumi.158d" + Math.abs(model.hashCode());
            JsonNode cmps = payload(only(devices.onEvent(miio(sid, "click_ch0", model)), deviceConfig(sid))).path("cmps");
            Set<String> pairs = new HashSet<>();
            int triggers = 0;
            for (JsonNode component : cmps) {
                if (component.path("p").asText().equals("device_automation")) {
                    triggers++;
                    pairs.add(component.path("type").asText() + "/" + component.path("subtype").asText());
                }
            }
            assertThat(pairs).as(model).hasSize(triggers);
            assertThat(triggers).as(model).isGreaterThanOrEqualTo(DiscoveryFixtures.CATALOG.get(model).size());
        }
    }

    @Test
    void theSecondButtonOfATwoButtonSwitchIsButtonTwo() {
        JsonNode cmps = payload(only(devices.onEvent(miio(BUTTON, "click_ch1", "lumi.sensor_86sw2.v1")),
                deviceConfig(BUTTON))).path("cmps");
        assertThat(cmps.path("trigger_click_ch1").path("subtype").asText()).isEqualTo("button_2");
        assertThat(cmps.path("trigger_both_click").path("subtype").asText()).isEqualTo("both_buttons");
    }

    @Test
    void aModelTheCatalogDoesNotKnowStillGetsTheActionsSeen() {
        devices.onEvent(miio("lumi.158d0000bbbbbb", "vibrate", "lumi.vibration.aq1"));
        JsonNode cmps = payload(only(devices.onEvent(miio("lumi.158d0000bbbbbb", "tilt", "lumi.vibration.aq1")),
                deviceConfig("lumi.158d0000bbbbbb"))).path("cmps");
        assertThat(cmps.path("action").path("event_types").toString()).isEqualTo("[\"vibrate\",\"tilt\"]");
        assertThat(cmps.path("trigger_tilt").path("subtype").asText()).isEqualTo("vibration");
    }

    @Test
    void anUnreachableGatewayTakesItsSubDevicesWithIt() {
        devices.onEvent(miio(DOOR, "open", "lumi.sensor_magnet.aq2"));
        DiscoveryMessage offline = only(devices.gatewayAvailability(DiscoveryFixtures.GATEWAY, false),
                BASE + "gateway-192_168_1_20/availability");
        assertThat(offline.payload()).isEqualTo("offline");
        assertThat(offline.retained()).isTrue();
        assertThat(payload(only(devices.republishAll(), deviceConfig(DOOR))).path("availability")
                .findValuesAsText("topic")).contains(BASE + "gateway-192_168_1_20/availability");
        assertThat(devices.gatewayAvailability(DiscoveryFixtures.GATEWAY, false)).as("unchanged").isEmpty();
    }

    @Test
    void theComponentsGatewayEventsSetTheGatewaysAvailabilityWithoutASubDevice() {
        devices.onEvent(miio(DOOR, "open", "lumi.sensor_magnet.aq2"));
        List<DiscoveryMessage> offline = devices.onEvent(miio("123456789", "gateway_offline", null));
        assertThat(only(offline, BASE + "gateway-192_168_1_20/availability").payload()).isEqualTo("offline");
        assertThat(offline).extracting(DiscoveryMessage::topic).noneMatch(topic -> topic.contains("123456789"));
        List<DiscoveryMessage> back = devices.onEvent(miio("123456789", "gateway_online", null));
        assertThat(only(back, BASE + "gateway-192_168_1_20/availability").payload()).isEqualTo("online");
    }
}
