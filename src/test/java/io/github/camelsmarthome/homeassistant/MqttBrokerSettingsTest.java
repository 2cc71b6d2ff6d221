package io.github.camelsmarthome.homeassistant;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttBrokerSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"tcp://localhost:1883", "ssl://broker.example:8883", "ws://10.0.0.2:9001/mqtt", "wss://b:443/mqtt",
        " tcp://mosquitto:1883 "})
    void acceptsTheUrlsPahoSupports(String url) {
        assertThat(MqttBrokerSettings.of(url, null, null, "camel-smarthome", "id").url()).isEqualTo(url.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:1883", "mqtt://localhost:1883", "http://localhost", "tcp://", "tcp://:1883", "tcp://host:99999",
        "not a url", ""})
    void refusesAMalformedUrlNamingTheOptionAndTheFix(String url) {
        assertThatThrownBy(() -> MqttBrokerSettings.of(url, null, null, "camel-smarthome", "id"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("MQTT_URL: ")
                .hasMessageContaining("tcp://host:1883");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> MqttBrokerSettings.of("tcp://bob:s3cret@host:1883", null, null, "camel-smarthome", "id"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MQTT_USERNAME and MQTT_PASSWORD")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/+/b", "home/#", "/leading", "trailing/"})
    void refusesABaseTopicThatCannotRootATopicTree(String baseTopic) {
        assertThatThrownBy(() -> MqttBrokerSettings.of("tcp://localhost:1883", null, null, baseTopic, "id"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("MQTT_BASE_TOPIC: ");
    }

    @Test
    void neverPrintsThePassword() {
        MqttBrokerSettings settings = MqttBrokerSettings.of("tcp://localhost:1883", "bob", "s3cret", "home", "id");
        assertThat(settings.toString()).contains("bob").doesNotContain("s3cret");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.bridgeStateTopic()).isEqualTo("home/bridge/state");
        assertThat(settings.hostAndPort()).isEqualTo("localhost:1883");
    }

    @Test
    void blankCredentialsMeanAnonymous() {
        MqttBrokerSettings settings = MqttBrokerSettings.of("tcp://localhost:1883", " ", "", "home", "id");
        assertThat(settings.username()).isNull();
        assertThat(settings.password()).isNull();
    }
}
