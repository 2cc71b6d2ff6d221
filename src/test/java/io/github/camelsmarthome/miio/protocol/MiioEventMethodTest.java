package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Brief 6.7: the event method read back; hostile methods are a typed outcome, never an exception. */
class MiioEventMethodTest {

    @Test
    void theBriefsButtonEventNamesTheSubDeviceAndTheAction() {
        MiioEventMethod method = recognised("click_ch0:lumi_158d0001a2b3c4");

        assertThat(method.action()).isEqualTo("click_ch0");
        assertThat(method.sourceSid()).isEqualTo("lumi.158d0001a2b3c4");
        assertThat(method.targetModel()).isNull();
        assertThat(method.raw()).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
    }

    @Test
    void theGatewayAlarmNamesTheGatewayDid() {
        MiioEventMethod method = recognised("alarm_triggering:123456789");

        assertThat(method.action()).isEqualTo("alarm_triggering");
        assertThat(method.sourceSid()).isEqualTo("123456789");
    }

    @Test
    void everyCommandThisPackageBuildsReadsBackToItsActionAndSid() {
        MiioEventCatalog catalog = MiioEventCatalog.builtIn();
        for (String model : catalog.models()) {
            String sid = model.startsWith("lumi.gateway.") ? "123456789" : "lumi.158d0001a2b3c4";
            for (EventInfo event : catalog.eventsOf(model)) {
                SceneCommand command = SceneCommand.of(event.action(), sid);
                MiioEventMethod method = recognised(command.method());
                assertThat(method.action()).isEqualTo(event.action());
                assertThat(method.sourceSid()).isEqualTo(sid);
            }
        }
    }

    @Test
    void aKeptTargetModelPrefixIsSeparatedFromTheAction() {
        MiioEventMethod method = recognised("chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4");

        assertThat(method.action()).isEqualTo("click_ch0");
        assertThat(method.targetModel()).isEqualTo("chuangmi.plug.v3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "click_ch0", ":", "click_ch0:", ":lumi_158d0001a2b3c4", "a:b:c", "click ch0:lumi_1",
        "click_ch0:lumi 1", "click_ch0:lumi\u0000_1", "\u00e9v\u00e9nement:lumi_1", ".:lumi_1", "click_ch0:\u202elumi",
        "{\"json\":1}"})
    void aMalformedMethodIsUnrecognisedWithAOneLineReason(String hostile) {
        MiioEventMethod.Result result = MiioEventMethod.parse(hostile);

        assertThat(result).isInstanceOf(MiioEventMethod.Unrecognised.class);
        assertThat(((MiioEventMethod.Unrecognised) result).reason()).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void aMissingMethodIsUnrecognised() {
        assertThat(MiioEventMethod.parse(null)).isEqualTo(new MiioEventMethod.Unrecognised("no method"));
    }

    @Test
    void anOversizedMethodIsRefusedWithoutEchoingIt() {
        String huge = "a".repeat(100_000) + ":lumi_1";

        MiioEventMethod.Result result = MiioEventMethod.parse(huge);

        assertThat(result).isInstanceOf(MiioEventMethod.Unrecognised.class);
        assertThat(((MiioEventMethod.Unrecognised) result).reason()).hasSizeLessThan(100);
    }

    @Test
    void aControlCharacterInAReasonIsReplaced() {
        MiioEventMethod.Result result = MiioEventMethod.parse("click\nFAKE LOG LINE");

        assertThat(((MiioEventMethod.Unrecognised) result).reason()).contains("click?FAKE LOG LINE");
    }

    private static MiioEventMethod recognised(String text) {
        MiioEventMethod.Result result = MiioEventMethod.parse(text);
        assertThat(result).isInstanceOf(MiioEventMethod.Recognised.class);
        return ((MiioEventMethod.Recognised) result).method();
    }
}
