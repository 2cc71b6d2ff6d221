package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.homeConnect;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief 4.3, upstream change: a DEPAIRED appliance's retained topics are cleared at once. */
class DepairedApplianceTest {

    private static final String BASE = "camel-smarthome/homeconnect/SIEMENS-WM14T6H9NL-AB1234567890";

    @Test
    void aDepairedApplianceHasItsConfigsStateAndAvailabilityClearedAndNothingElse() {
        HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT));
        List<String> configs = discovery.onEvent(homeConnect(HomeConnectEventType.CONNECTED)).stream()
                .map(DiscoveryMessage::topic).filter(topic -> topic.contains("_homeconnect_SIEMENS")).toList();

        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.DEPAIRED));

        assertThat(configs).isNotEmpty();
        assertThat(messages).allMatch(DiscoveryMessage::isRemoval).allMatch(DiscoveryMessage::retained);
        assertThat(messages).extracting(DiscoveryMessage::topic).containsExactlyInAnyOrderElementsOf(
                concat(configs, BASE + "/state", BASE + "/availability"));
        assertThat(discovery.configTopics()).noneMatch(topic -> topic.contains("SIEMENS"));
    }

    @Test
    void anApplianceDepairedBeforeItWasHeardFromStillHasItsDeviceConfigStateAndAvailabilityCleared() {
        HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));

        List<DiscoveryMessage> messages = discovery.onEvent(homeConnect(HomeConnectEventType.DEPAIRED));

        assertThat(messages).allMatch(DiscoveryMessage::isRemoval).extracting(DiscoveryMessage::topic).containsExactly(
                "homeassistant/device/camel-smarthome/homeconnect_SIEMENS-WM14T6H9NL-AB1234567890/config",
                BASE + "/state", BASE + "/availability");
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
