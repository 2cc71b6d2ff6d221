package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.configs;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.miio;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.object;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.systemEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscoveryLifecycleTest {

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));

    @Test
    void theFirstEventPublishesTheBridgeDeviceFirstAndOnlyOnce() {
        List<DiscoveryMessage> first = discovery.onEvent(systemEvent("armed_away"));
        assertThat(first.get(0).topic()).isEqualTo("homeassistant/device/camel-smarthome/camel_smarthome_bridge/config");
        assertThat(payload(first.get(0)).path("device").has("via_device")).isFalse();
        assertThat(payload(first.get(0)).path("availability").findValuesAsText("topic"))
                .containsExactly("camel-smarthome/bridge/state");
        assertThat(discovery.onEvent(miio("lumi.158d0001ab6d65", "open", "lumi.sensor_magnet.aq2")))
                .noneMatch(m -> m.topic().contains("camel_smarthome_bridge/"));
    }

    @ParameterizedTest
    @EnumSource(DiscoveryMode.class)
    void homeAssistantsBirthRepublishesEveryConfigThenStatesButNoEvent(DiscoveryMode mode) {
        HomeAssistantDiscovery core = new HomeAssistantDiscovery(options(mode));
        List<DiscoveryMessage> seen = new ArrayList<>(DiscoveryContractTest.everyKindOfDevice(core));
        Set<String> configTopics = configs(seen).stream().map(DiscoveryMessage::topic).collect(Collectors.toSet());

        List<DiscoveryMessage> birth = core.republishAll();

        assertThat(configs(birth).stream().map(DiscoveryMessage::topic).collect(Collectors.toSet())).isEqualTo(configTopics);
        assertThat(birth).allMatch(DiscoveryMessage::retained).noneMatch(m -> m.topic().endsWith("/event"));
        assertThat(birth).anyMatch(m -> m.topic().equals("camel-smarthome/simplisafe/1234567/state"))
                .anyMatch(m -> m.topic().equals("camel-smarthome/simplisafe/1234567/availability"))
                .anyMatch(m -> m.topic().equals("camel-smarthome/bridge/health"));
        int lastConfig = birth.lastIndexOf(configs(birth).get(configs(birth).size() - 1));
        assertThat(birth.subList(0, lastConfig + 1)).allMatch(m -> m.topic().startsWith("homeassistant/"));
    }

    @Test
    void removingADeviceClearsItsConfigStateAndAvailability() {
        discovery.onEvent(miio("lumi.158d0001ab6d65", "open", "lumi.sensor_magnet.aq2"));
        List<DiscoveryMessage> removal = discovery.removeDevice("miio", "lumi.158d0001ab6d65");
        assertThat(removal).extracting(DiscoveryMessage::topic).containsExactly(
                "homeassistant/device/camel-smarthome/miio_lumi_158d0001ab6d65/config",
                "camel-smarthome/miio/lumi_158d0001ab6d65/state",
                "camel-smarthome/miio/lumi_158d0001ab6d65/availability");
        assertThat(removal).allMatch(DiscoveryMessage::isRemoval).allMatch(DiscoveryMessage::retained);
        assertThat(discovery.republishAll()).noneMatch(m -> m.topic().contains("lumi_158d0001ab6d65"));
        assertThat(discovery.removeDevice("miio", "lumi.158d0001ab6d65")).isEmpty();
    }

    @Test
    void removingAnEntityModeDeviceClearsEachOfItsConfigs() {
        HomeAssistantDiscovery core = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT));
        long published = configs(core.onEvent(miio("lumi.158d00027d0a11", "click_ch0", "lumi.sensor_switch.aq2")))
                .stream().filter(m -> m.topic().contains("lumi_158d00027d0a11")).count();
        long cleared = core.removeDevice("miio", "lumi.158d00027d0a11").stream()
                .filter(m -> m.topic().startsWith("homeassistant/")).count();
        assertThat(cleared).isEqualTo(published).isGreaterThan(3);
    }

    @Test
    void staleConfigsOfThisInstanceAreClearedAndOthersLeftAlone() {
        discovery.onEvent(systemEvent("armed_away"));
        String known = "homeassistant/device/camel-smarthome/simplisafe_1234567/config";
        String gone = "homeassistant/device/camel-smarthome/simplisafe_7654321/config";
        String goneEntity = "homeassistant/binary_sensor/camel-smarthome/camel_smarthome_simplisafe_7654321_power_outage/config";
        String otherBridge = "homeassistant/device/zigbee2mqtt/0x00158d0001/config";
        assertThat(discovery.ownConfigFilter()).isEqualTo("homeassistant/+/camel-smarthome/+/config");

        List<DiscoveryMessage> cleared = discovery.clearStale(List.of(known, gone, goneEntity, otherBridge));

        assertThat(cleared).extracting(DiscoveryMessage::topic).containsExactly(gone, goneEntity);
        assertThat(cleared).allMatch(DiscoveryMessage::isRemoval);
        assertThat(discovery.configTopics()).contains(known);
    }

    @Test
    void malformedEventsAreCountedLoggedOnceAndSkipped() {
        try (CapturedLogs logs = CapturedLogs.capture(HomeAssistantDiscovery.class.getName())) {
            assertThat(discovery.onEvent(object("system", "simplisafe", "type", "armed_away"))).isEmpty();
            assertThat(discovery.onEvent(object("system", "simplisafe", "deviceId", "1", "type", "a/b#"))).isEmpty();
            assertThat(discovery.onEvent(object("deviceId", "1", "type", "x"))).isEmpty();
            assertThat(discovery.onEvent(object("system", "miio", "deviceId", "lumi.1", "type", "open"))).as("no gateway")
                    .isEmpty();
            assertThat(discovery.stats().rejectedEvents()).isEqualTo(4);
            assertThat(logs.atLevel(Level.WARN)).hasSize(4);
            assertThat(logs.atLevel(Level.WARN).get(3).message()).contains("miio").contains("gateway");
        }
        assertThat(discovery.onEvent(systemEvent("armed_away"))).isNotEmpty();
        assertThat(discovery.stats().mappedEvents()).isEqualTo(1);
    }

    @Test
    void aHostileDeviceIdCannotAddTopicLevelsOrWildcards() {
        List<DiscoveryMessage> messages = discovery.onEvent(object("system", "zwave", "deviceId", "a/+/#\nb",
                "type", "pressed", "time", "2026-05-04T07:12:03Z", "id", "1"));
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            assertThat(m.topic()).doesNotContain("+", "#", "\n").doesNotContain("a/");
        });
        assertThat(messages).anyMatch(m -> m.topic().equals("camel-smarthome/zwave/a_____b/event"));
    }

    @Test
    void theBridgeHealthCarriesTheRequestBudgetAndTheLastEventOfEachSystem() {
        discovery.onEvent(systemEvent("armed_away"));
        DiscoveryMessage health = discovery.updateBridgeHealth("homeconnect", "requests_remaining",
                DiscoveryFixtures.tree("812"));
        assertThat(health.topic()).isEqualTo("camel-smarthome/bridge/health");
        assertThat(health.retained()).isTrue();
        assertThat(payload(health).path("homeconnect").path("requests_remaining").asInt()).isEqualTo(812);
        assertThat(payload(health).path("simplisafe").path("last_event_at").asText()).isEqualTo("2026-05-04T07:12:03Z");
        assertThat(payload(health).path("miio").has("connected")).as("every field the templates read exists").isTrue();
    }

    @Test
    void optionsRejectANodeIdHomeAssistantWouldIgnore() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DiscoveryOptions.defaults("1").withNodeId("camel.home"))
                .withMessageContaining("nodeId");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DiscoveryOptions.defaults("1").withBaseTopic("home/#"));
    }

    @Test
    void theBridgeDeviceHasDiagnosticHealthEntitiesAsInBriefExample910() {
        com.fasterxml.jackson.databind.JsonNode cmps = payload(discovery.onEvent(systemEvent("armed_away")).get(0))
                .path("cmps");
        for (String system : List.of("homeconnect", "simplisafe", "miio")) {
            assertThat(cmps.path(system + "_connected").path("device_class").asText()).isEqualTo("connectivity");
            assertThat(cmps.path(system + "_connected").path("entity_category").asText()).isEqualTo("diagnostic");
            assertThat(cmps.path(system + "_connected").path("state_topic").asText())
                    .isEqualTo("camel-smarthome/bridge/health");
            assertThat(cmps.path(system + "_last_event").path("device_class").asText()).isEqualTo("timestamp");
        }
        assertThat(cmps.path("homeconnect_requests_remaining").path("value_template").asText())
                .isEqualTo("{{ value_json.homeconnect.requests_remaining }}");
        assertThat(cmps.path("simplisafe_auth").path("device_class").asText()).isEqualTo("problem");
    }

    @Test
    void aRedeliveredEventDoesNotFireTheEventEntityTwice() {
        String eventTopic = "camel-smarthome/miio/lumi_158d00027d0a11/event";
        assertThat(discovery.onEvent(miio("lumi.158d00027d0a11", "click_ch0", "lumi.sensor_switch.aq2")))
                .anyMatch(m -> m.topic().equals(eventTopic));
        assertThat(discovery.onEvent(miio("lumi.158d00027d0a11", "click_ch0", "lumi.sensor_switch.aq2")))
                .as("same gateway message id, so the same event id").noneMatch(m -> m.topic().equals(eventTopic));
        assertThat(discovery.onEvent(systemEvent("alarm_triggered"))).anyMatch(m -> m.topic().endsWith("/event"));
    }

    @Test
    void afterTheBridgesReconnectEveryDeviceAvailabilityIsRepublished() {
        discovery.onEvent(systemEvent("armed_away"));
        discovery.onEvent(miio("lumi.158d0001ab6d65", "open", "lumi.sensor_magnet.aq2"));
        discovery.gatewayAvailability(DiscoveryFixtures.GATEWAY, false);
        assertThat(discovery.republishAvailability()).allMatch(DiscoveryMessage::retained)
                .extracting(DiscoveryMessage::topic, DiscoveryMessage::payload).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("camel-smarthome/simplisafe/1234567/availability", "online"),
                        org.assertj.core.groups.Tuple.tuple("camel-smarthome/miio/gateway-192_168_1_20/availability", "offline"),
                        org.assertj.core.groups.Tuple.tuple("camel-smarthome/miio/lumi_158d0001ab6d65/availability", "online"));
    }

    @Test
    void configsOfAKnownDeviceInTheOtherModeAreMigratedNotDeleted() {
        discovery.onEvent(systemEvent("armed_away"));
        String oldAlarm = "homeassistant/alarm_control_panel/camel-smarthome/camel_smarthome_simplisafe_1234567_alarm/config";
        String oldPowerOutage = "homeassistant/binary_sensor/camel-smarthome/camel_smarthome_simplisafe_1234567_power_outage/config";
        String device = "homeassistant/device/camel-smarthome/simplisafe_1234567/config";

        List<DiscoveryMessage> messages = discovery.clearStale(List.of(oldAlarm, oldPowerOutage));

        assertThat(messages).extracting(DiscoveryMessage::topic)
                .containsExactly(oldAlarm, oldPowerOutage, device, oldAlarm, oldPowerOutage);
        assertThat(payload(messages.get(0)).path("migrate_discovery").asBoolean()).isTrue();
        assertThat(payload(messages.get(2)).path("cmps").has("alarm")).isTrue();
        assertThat(messages.subList(3, 5)).allMatch(DiscoveryMessage::isRemoval);
        assertThat(messages).allMatch(DiscoveryMessage::retained);
    }
}
