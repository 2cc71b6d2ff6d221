package io.github.camelsmarthome.app;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdSettingTest {

    @Test
    void lettersDigitsUnderscoreAndDashMakeANodeId() {
        assertThat(SmarthomeConfiguration.nodeId("Camel_home-2")).isEqualTo("Camel_home-2");
    }

    @Test
    void aNodeIdThatIsNoSingleTopicLevelNamesTheVariable() {
        for (String unusable : new String[] {"camel.home", "camel/home", "camel+", "#", "héllo"}) {
            assertThatThrownBy(() -> SmarthomeConfiguration.nodeId(unusable))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith("HA_NODE_ID: '" + unusable + "' is not a usable node id");
        }
    }
}
