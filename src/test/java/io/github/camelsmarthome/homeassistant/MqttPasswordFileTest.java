package io.github.camelsmarthome.homeassistant;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttPasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void aSecretFileGivesThePasswordWithoutItsTrailingLineBreak() throws Exception {
        Path file = Files.writeString(dir.resolve("mqtt_password"), "pw with spaces \n");

        assertThat(MqttBrokerSettings.password(null, file.toString())).isEqualTo("pw with spaces ");
    }

    @Test
    void withoutAFileThePasswordVariableCounts() {
        assertThat(MqttBrokerSettings.password("from-env", "")).isEqualTo("from-env");
        assertThat(MqttBrokerSettings.password(" ", null)).isNull();
    }

    @Test
    void bothAtOnceIsOneConfigurationError() throws Exception {
        Path file = Files.writeString(dir.resolve("mqtt_password"), "Secret-In-File");

        assertThatThrownBy(() -> MqttBrokerSettings.password("Secret-In-Env", file.toString()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MQTT_PASSWORD_FILE: is set together with MQTT_PASSWORD: set only one of them");
    }

    @Test
    void aMissingOrEmptyFileIsRefusedNamingTheFileNotItsContent() throws Exception {
        assertThatThrownBy(() -> MqttBrokerSettings.password(null, dir.resolve("absent").toString()))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("MQTT_PASSWORD_FILE: cannot read");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> MqttBrokerSettings.password(null, empty.toString())).hasMessageContaining("is empty");
        Path large = Files.writeString(dir.resolve("large"), "Secret-".repeat(1000));
        assertThatThrownBy(() -> MqttBrokerSettings.password(null, large.toString()))
                .hasMessageContaining("larger than 4 KiB").hasMessageNotContaining("Secret-");
    }
}
