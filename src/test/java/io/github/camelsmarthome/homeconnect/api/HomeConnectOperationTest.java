package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operation catalogue of brief section 4: names as the Camel URI uses them, methods, rate-limit kinds. */
class HomeConnectOperationTest {

    @Test
    void theCatalogueHasExactlyTheNamedOperations() {
        assertThat(Arrays.stream(HomeConnectOperation.values()).map(Enum::name)).containsExactlyInAnyOrder(
                "listAppliances", "getAppliance", "getStatus", "getStatusValue", "getSettings", "getSetting", "setSetting",
                "setSettings", "getPrograms", "getAvailablePrograms", "getAvailableProgram", "getActiveProgram", "startProgram",
                "stopProgram", "getSelectedProgram", "selectProgram", "getActiveProgramOptions", "setActiveProgramOptions",
                "getActiveProgramOption", "setActiveProgramOption", "getSelectedProgramOptions", "setSelectedProgramOptions",
                "getSelectedProgramOption", "setSelectedProgramOption", "getCommands", "executeCommand", "executeCommands",
                "getImages", "getImage");
    }

    @Test
    void programStartsAndStopsAreCountedApartReadsAndWritesByMethod() {
        assertThat(HomeConnectOperation.startProgram.kind()).isEqualTo(RequestKind.PROGRAM_START);
        assertThat(HomeConnectOperation.stopProgram.kind()).isEqualTo(RequestKind.PROGRAM_STOP);
        assertThat(HomeConnectOperation.selectProgram.kind()).isEqualTo(RequestKind.WRITE);
        assertThat(HomeConnectOperation.setActiveProgramOptions.kind()).isEqualTo(RequestKind.WRITE);
        for (HomeConnectOperation operation : HomeConnectOperation.values()) {
            if (operation.method().equals("GET")) {
                assertThat(operation.kind()).as(operation.name()).isEqualTo(RequestKind.READ);
                assertThat(operation.isIdempotentRead()).isTrue();
            } else {
                assertThat(operation.kind()).as(operation.name()).isNotEqualTo(RequestKind.READ);
                assertThat(operation.isIdempotentRead()).isFalse();
            }
        }
    }

    @Test
    void pathParametersAreKnownPerOperation() {
        assertThat(HomeConnectOperation.listAppliances.needsHaId()).isFalse();
        assertThat(HomeConnectOperation.getAppliance.needsHaId()).isTrue();
        assertThat(HomeConnectOperation.getAppliance.needsKey()).isFalse();
        assertThat(HomeConnectOperation.getStatusValue.keyName()).isEqualTo("statusKey");
        assertThat(HomeConnectOperation.setActiveProgramOption.keyName()).isEqualTo("optionKey");
        assertThat(HomeConnectOperation.getImage.keyName()).isEqualTo("imageKey");
        assertThat(HomeConnectOperation.getImage.answersBytes()).isTrue();
        assertThat(List.of(HomeConnectOperation.values()).stream().filter(HomeConnectOperation::needsKey).map(Enum::name))
                .containsExactlyInAnyOrder("getStatusValue", "getSetting", "setSetting", "getAvailableProgram",
                        "getActiveProgramOption", "setActiveProgramOption", "getSelectedProgramOption",
                        "setSelectedProgramOption", "executeCommand", "getImage");
    }

    @Test
    void namesAreLookedUpExactlyAndAWrongNameListsTheValidOnes() {
        assertThat(HomeConnectOperation.fromName("getStatus")).isEqualTo(HomeConnectOperation.getStatus);
        assertThatThrownBy(() -> HomeConnectOperation.fromName("getstatus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'getstatus'")
                .hasMessageContaining("did you mean getStatus?")
                .hasMessageContaining("listAppliances, getAppliance, getStatus");
        assertThatThrownBy(() -> HomeConnectOperation.fromName("events"))
                .hasMessageContaining("valid operations: ").hasMessageContaining("getImage");
        assertThatThrownBy(() -> HomeConnectOperation.fromName(null)).hasMessageContaining("'null'");
    }

    @Test
    void aRequestNeedsWhatItsOperationNeedsAndDropsTheRest() {
        assertThatThrownBy(() -> HomeConnectRequest.of(HomeConnectOperation.getStatus))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("haId");
        assertThatThrownBy(() -> HomeConnectRequest.of(HomeConnectOperation.getSetting, "ha"))
                .hasMessageContaining("settingKey");
        assertThatThrownBy(() -> HomeConnectRequest.of(HomeConnectOperation.setSetting, "ha", "k"))
                .hasMessageContaining("needs a body");
        HomeConnectRequest list = HomeConnectRequest.builder(HomeConnectOperation.listAppliances).haId("ha").key("k").build();
        assertThat(list.haId()).isNull();
        assertThat(list.key()).isNull();
        assertThat(list.priority()).isEqualTo(RequestPriority.HIGH);
        assertThat(HomeConnectRequest.of(HomeConnectOperation.executeCommand, "ha", "BSH.Common.Command.PauseProgram").data())
                .isNull();
    }
}
