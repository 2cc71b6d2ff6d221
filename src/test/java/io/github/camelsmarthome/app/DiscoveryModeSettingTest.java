package io.github.camelsmarthome.app;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscoveryModeSettingTest {

    @Test
    void deviceAndComponentAreReadWhateverTheirCase() {
        assertThat(SmarthomeConfiguration.discoveryMode("device")).isEqualTo(DiscoveryMode.DEVICE);
        assertThat(SmarthomeConfiguration.discoveryMode(" Component ")).isEqualTo(DiscoveryMode.COMPONENT);
    }

    @Test
    void anythingElseNamesTheVariableAndTheAcceptedValues() {
        assertThatThrownBy(() -> SmarthomeConfiguration.discoveryMode("entity"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HA_DISCOVERY_MODE").hasMessageContaining("component");
    }
}
