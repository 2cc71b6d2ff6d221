package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The rules of brief section 9 over the status shapes the client and the event stream hold. */
class ProgramStartCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProgramStartRefusedException.Reason judge(String state) {
        try {
            JsonNode node = JSON.readTree(state);
            return ProgramStartCheck.judge(node).map(ProgramStartCheck.Refusal::reason).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aReadyApplianceWithRemoteStartMayStart() {
        assertThat(judge("{\"status\":[{\"key\":\"BSH.Common.Status.RemoteControlActive\",\"value\":true},"
                + "{\"key\":\"BSH.Common.Status.RemoteControlStartAllowed\",\"value\":true},"
                + "{\"key\":\"BSH.Common.Status.OperationState\",\"value\":\"BSH.Common.EnumType.OperationState.Ready\"}]}"))
                .isNull();
    }

    @Test
    void everyActiveOperationStateMeansAProgramIsActive() {
        for (String state : new String[] {"DelayedStart", "Run", "Pause", "ActionRequired"}) {
            assertThat(judge("{\"BSH.Common.Status.OperationState\":\"BSH.Common.EnumType.OperationState." + state + "\"}"))
                    .as(state).isEqualTo(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE);
        }
        assertThat(judge("{\"BSH.Common.Status.OperationState\":{\"value\":\"BSH.Common.EnumType.OperationState.Finished\"}}"))
                .isNull();
        assertThat(judge("{\"BSH.Common.Root.ActiveProgram\":{\"value\":\"LaundryCare.Washer.Program.Cotton\"}}"))
                .isEqualTo(ProgramStartRefusedException.Reason.PROGRAM_ACTIVE);
        assertThat(judge("{\"BSH.Common.Root.ActiveProgram\":{\"value\":null}}")).isNull();
    }

    @Test
    void offlineWinsOverEverythingElse() {
        assertThat(judge("{\"connected\":false,\"BSH.Common.Status.OperationState\":\"BSH.Common.EnumType.OperationState.Run\"}"))
                .isEqualTo(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE);
    }

    @Test
    void flagsAsTextCountAndMissingKeysDoNot() {
        assertThat(judge("[{\"key\":\"BSH.Common.Status.RemoteControlStartAllowed\",\"value\":\"false\"}]"))
                .isEqualTo(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED);
        assertThat(judge("[{\"key\":\"BSH.Common.Status.LocalControlActive\",\"value\":true}]"))
                .isEqualTo(ProgramStartRefusedException.Reason.LOCAL_CONTROL_ACTIVE);
        assertThat(judge("{}")).isNull();
        assertThat(judge("\"garbage\"")).isNull();
    }
}
