package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelsmarthome.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in catalog (fixture event-catalog.json, facts from python-miio subdevices.yaml) and user files. */
class MiioEventCatalogTest {

    private static final MiioEventCatalog BUILT_IN = MiioEventCatalog.builtIn();

    @TempDir
    Path dir;

    @Test
    void theBuiltInCatalogHoldsAllSeventyFourEntriesOfTheFixture() {
        int entries = BUILT_IN.models().stream().mapToInt(model -> BUILT_IN.eventsOf(model).size()).sum();

        assertThat(entries).isEqualTo(74);
        assertThat(BUILT_IN.models()).hasSize(18);
    }

    @Test
    void aModelListsItsEventsWithTheirTriggerCodesInFileOrder() {
        assertThat(BUILT_IN.eventsOf("lumi.sensor_switch.aq2"))
                .extracting(EventInfo::action, EventInfo::extra)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("l_click_ch0", "[1,13,1,85,[0,0],0,0]"),
                        org.assertj.core.groups.Tuple.tuple("click_ch0", "[1,13,1,85,[0,1],0,0]"),
                        org.assertj.core.groups.Tuple.tuple("d_click_ch0", "[1,13,1,85,[0,2],0,0]"));
        assertThat(BUILT_IN.eventsOf("lumi.sensor_switch.aq2"))
                .allSatisfy(event -> {
                    assertThat(event.sourceModel()).isEqualTo("lumi.sensor_switch.aq2");
                    assertThat(event.sourceSid()).isNull();
                    assertThat(event.event()).isEqualTo(event.action());
                });
    }

    /** Brief section 9, row by row where it gives exact codes. */
    @Test
    void theEventCodesOfTheBriefsTableAreInTheCatalog() {
        assertThat(BUILT_IN.event("lumi.sensor_magnet.aq2", "open").orElseThrow().extra()).isEqualTo("[1,6,1,0,[0,1],2,0]");
        assertThat(BUILT_IN.event("lumi.sensor_magnet.v2", "close").orElseThrow().extra()).isEqualTo("[1,6,1,0,[0,0],2,0]");
        assertThat(BUILT_IN.event("lumi.sensor_motion.v2", "no_motion").orElseThrow().extra())
                .isEqualTo("[1,1030,1,8,[4,120],2,0]");
        assertThat(BUILT_IN.event("lumi.sensor_cube.aqgl01", "taptap").orElseThrow().extra())
                .isEqualTo("[1,18,2,85,[6,512],0,0]");
        EventInfo rotate = BUILT_IN.event("lumi.sensor_cube.v1", "rotate").orElseThrow();
        assertThat(rotate.extra()).isEqualTo("[1,12,3,85,[1,0],0,0]");
        assertThat(rotate.commandExtra()).isEqualTo("[1,19,7,1006,[42,[6066005667474548,12,3,85,0]],0,0]");
        assertThat(BUILT_IN.event("lumi.vibration.aq1", "free_fall").orElseThrow().extra())
                .isEqualTo("[1,257,1,85,[0,3],0,0]");
        assertThat(BUILT_IN.event("lumi.sensor_switch.aq3", "l_click_pres").orElseThrow().extra())
                .isEqualTo("[1,13,1,85,[0,16],0,0]");
        assertThat(BUILT_IN.event("lumi.sensor_switch.aq3", "shake").orElseThrow().extra())
                .isEqualTo("[1,13,1,85,[0,18],0,0]");
        assertThat(BUILT_IN.event("lumi.remote.b286acn02", "both_d_click").orElseThrow().extra())
                .isEqualTo("[1,13,3,85,[0,2],0,0]");
    }

    @Test
    void theGatewayEntryIsKnownByItsModelAloneAndAsksForTheGatewayToken() {
        EventInfo alarm = BUILT_IN.event("lumi.gateway.v3", "alarm_triggering").orElseThrow();

        assertThat(alarm.extra()).isEqualTo("[1,19,1,111,[0,1],2,0]");
        assertThat(alarm.triggerToken()).isEqualTo(TriggerToken.GATEWAY_TOKEN);
        assertThat(alarm.triggerToken().needsGatewayToken()).isTrue();
    }

    @Test
    void anUnknownModelHasNoEventsAndAMessageThatSaysWhatToDo() {
        assertThat(BUILT_IN.eventsOf("lumi.sensor_wleak.aq1")).isEmpty();
        assertThat(BUILT_IN.knows("lumi.sensor_wleak.aq1")).isFalse();
        assertThat(BUILT_IN.unknownModelMessage("lumi.sensor_wleak.aq1"))
                .contains("'lumi.sensor_wleak.aq1' is not in the event catalog")
                .contains("lumi.sensor_switch.aq2")
                .contains("eventCatalog");
    }

    @Test
    void aUserFileAddsModelsAndReplacesEventsWithTheSameModelAndAction() throws Exception {
        Path file = write("{\"comment\":\"mine\",\"events\":["
                + "{\"zigbee_model\":\"lumi.sensor_wleak.aq1\",\"action\":\"leak\",\"extra\":\"[1,1280,1,85,[0,1],0,0]\","
                + "\"trigger_value\":{\"max\":1},\"unknown_field\":true},"
                + "{\"zigbee_model\":\"lumi.sensor_switch.aq2\",\"action\":\"click_ch0\",\"extra\":\"[1,13,1,85,[0,9],0,0]\","
                + "\"event\":\"click\"}]}");

        MiioEventCatalog catalog = MiioEventCatalog.load(file);

        EventInfo leak = catalog.event("lumi.sensor_wleak.aq1", "leak").orElseThrow();
        assertThat(leak.triggerValue().toString()).isEqualTo("{\"max\":1}");
        EventInfo click = catalog.event("lumi.sensor_switch.aq2", "click_ch0").orElseThrow();
        assertThat(click.extra()).isEqualTo("[1,13,1,85,[0,9],0,0]");
        assertThat(click.event()).isEqualTo("click");
        assertThat(catalog.actionsOf("lumi.sensor_switch.aq2")).containsExactly("l_click_ch0", "click_ch0", "d_click_ch0");
        assertThat(BUILT_IN.event("lumi.sensor_switch.aq2", "click_ch0").orElseThrow().extra())
                .as("the built-in catalog is unchanged").isEqualTo("[1,13,1,85,[0,1],0,0]");
    }

    @Test
    void aUserEntryWithoutExtraFailsWithOneMessageNamingFileModelAndEvent() throws Exception {
        Path file = write("{\"events\":[{\"zigbee_model\":\"lumi.sensor_wleak.aq1\",\"action\":\"leak\"}]}");

        assertThatThrownBy(() -> MiioEventCatalog.load(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("eventCatalog: event catalog " + file)
                .hasMessageContaining("model lumi.sensor_wleak.aq1, event leak")
                .hasMessageContaining("needs \"extra\"");
    }

    @Test
    void aUserEntryWithAnActionTheCommandCannotCarryIsRefused() throws Exception {
        Path file = write("{\"events\":[{\"zigbee_model\":\"lumi.x\",\"action\":\"leak.now\",\"extra\":\"[1]\"}]}");

        assertThatThrownBy(() -> MiioEventCatalog.load(file))
                .hasMessageContaining("model lumi.x, event leak.now")
                .hasMessageContaining("no '.', ':'");
    }

    @Test
    void aUserFileThatIsNotJsonNamesTheFileAndThePlace() throws Exception {
        Path file = write("{\"events\":[\n{\"zigbee_model\": }]}");

        assertThatThrownBy(() -> MiioEventCatalog.load(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON at line 2");
    }

    @Test
    void aUserFileWithoutAnEventsArrayIsRefused() throws Exception {
        Path file = write("[]");

        assertThatThrownBy(() -> MiioEventCatalog.load(file)).hasMessageContaining("\"events\" array");
    }

    @Test
    void aMissingUserFileIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> MiioEventCatalog.load(missing))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("cannot read the event catalog file " + missing);
    }

    @Test
    void aBadTriggerTokenIsRefusedWithoutRepeatingIt() throws Exception {
        String almostAToken = "0f1e2d3c4b5a69788796a5b4c3d2e1fZ";
        Path file = write("{\"events\":[{\"zigbee_model\":\"lumi.gateway.v3\",\"action\":\"alarm\",\"extra\":\"[1]\","
                + "\"trigger_token\":\"" + almostAToken + "\"}]}");

        assertThatThrownBy(() -> MiioEventCatalog.load(file))
                .hasMessageContaining("\"trigger_token\" must be empty")
                .hasMessageNotContaining(almostAToken);
    }

    @Test
    void theSameModelAndActionTwiceInOneFileIsRefused() throws Exception {
        String entry = "{\"zigbee_model\":\"lumi.x\",\"action\":\"a\",\"extra\":\"[1]\"}";
        Path file = write("{\"events\":[" + entry + "," + entry + "]}");

        assertThatThrownBy(() -> MiioEventCatalog.load(file)).hasMessageContaining("model lumi.x, event a: is listed twice");
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, json);
        return file;
    }
}
