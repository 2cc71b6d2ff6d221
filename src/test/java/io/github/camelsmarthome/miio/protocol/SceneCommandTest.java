package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Brief 6.5: the command grammar and the 49-character limit. */
class SceneCommandTest {

    private static final String SID = "lumi.158d0001a2b3c4";

    @Test
    void theCommandIsTargetModelActionAndSidWithUnderscores() {
        SceneCommand command = SceneCommand.of("click_ch0", SID);

        assertThat(command.text()).isEqualTo("chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4");
        assertThat(command.method()).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
    }

    @Test
    void aCommandOfExactlyFortyNineCharactersIsAccepted() {
        SceneCommand command = SceneCommand.of("both_l_click", SID);

        assertThat(command.length()).isEqualTo(49);
    }

    @Test
    void aCommandOfFiftyCharactersIsRefusedNamingDeviceActionAndLength() {
        assertThatThrownBy(() -> SceneCommand.of("both_l_click1", SID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("device lumi.158d0001a2b3c4, action 'both_l_click1': the scene command"
                        + " 'chuangmi.plug.v3.both_l_click1:lumi_158d0001a2b3c4' is 50 characters, over the gateway's limit of 49")
                .hasMessageContaining("at most 12 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"click.ch0", "click:ch0", "click ch0", "", "klick\u00e9", "a\nb", "a\"b"})
    void anActionTheCommandCannotCarryIsRefused(String action) {
        assertThatThrownBy(() -> SceneCommand.of(action, SID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device " + SID + ", action '")
                .hasMessageContaining("may only contain letters, digits, '_' and '-'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theGatewayDidIsAValidSourceForTheGatewaysOwnEvents() {
        assertThat(SceneCommand.of("alarm_triggering", "123456789").text())
                .isEqualTo("chuangmi.plug.v3.alarm_triggering:123456789");
    }
}
