package io.github.camelsmarthome.homeassistant.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Topic segments and entity-id slugs from hostile ids (brief 1.1 rule 10, brief 2.3). */
class DeviceTopicsSanitisingTest {

    @Test
    void aSafeSegmentComesBackAsItIs() {
        String haId = "SIEMENS-WM14T6H9NL-AB1234567890_x";

        assertThat(DeviceTopics.segment(haId)).isSameAs(haId);
    }

    @Test
    void everyUnsafeCharacterOfASegmentBecomesOneUnderscore() {
        assertThat(DeviceTopics.segment("lumi.158d/+#é x")).isEqualTo("lumi_158d_____x");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneBecomesOneUnderscore() {
        assertThat(DeviceTopics.segment("a\uD83D\uDE00b")).isEqualTo("a_b");
    }

    @Test
    void aMissingOrEmptySegmentIsUnknown() {
        assertThat(DeviceTopics.segment(null)).isEqualTo("unknown");
        assertThat(DeviceTopics.segment("")).isEqualTo("unknown");
    }

    @Test
    void aSlugIsLowerCaseWordsJoinedBySingleUnderscores() {
        assertThat(DeviceTopics.slug("__Homeconnect_SIEMENS-WM14..Door  ")).isEqualTo("homeconnect_siemens_wm14_door");
    }

    @Test
    void aSlugWithoutLettersOrDigitsIsUnnamed() {
        assertThat(DeviceTopics.slug("-_-")).isEqualTo("unnamed");
        assertThat(DeviceTopics.slug(null)).isEqualTo("unnamed");
    }
}
