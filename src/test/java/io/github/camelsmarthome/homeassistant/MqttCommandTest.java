package io.github.camelsmarthome.homeassistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttCommandTest {

    private static final String BASE = "camel-smarthome";
    private static final String ALARM = "camel-smarthome/simplisafe/12345/alarm/set";

    @Test
    void homeAssistantsAlarmPanelJsonGivesTheActionAndTheCode() {
        MqttCommand command = MqttCommand.parse(BASE, ALARM, "{\"action\": \"ARM_AWAY\", \"code\": \"1234\"}", false);

        assertThat(command).isEqualTo(new MqttCommand("simplisafe", "12345", "alarm", "ARM_AWAY", "1234"));
    }

    @Test
    void aPlainPayloadIsTheActionWithoutACode() {
        MqttCommand command = MqttCommand.parse(BASE, ALARM, "disarm\n", false);

        assertThat(command.action()).isEqualTo("DISARM");
        assertThat(command.code()).isNull();
    }

    @Test
    void anEmptyOrNoneCodeFromAPanelWithoutCodeCountsAsNoCode() {
        assertThat(MqttCommand.parse(BASE, ALARM, "{\"action\": \"ARM_HOME\", \"code\": \"\"}", false).code()).isNull();
        assertThat(MqttCommand.parse(BASE, ALARM, "{\"action\": \"ARM_HOME\", \"code\": \"None\"}", false).code()).isNull();
    }

    @Test
    void aLockCommandNamesTheLockBySerial() {
        MqttCommand command = MqttCommand.parse(BASE, "camel-smarthome/simplisafe/lock1/lock/set", "UNLOCK", false);

        assertThat(command).isEqualTo(new MqttCommand("simplisafe", "lock1", "lock", "UNLOCK", null));
    }

    @Test
    void homeConnectsPowerSwitchSendsOnOrStandbyInLowerCase() {
        MqttCommand command = MqttCommand.parse(BASE, "camel-smarthome/homeconnect/SIEMENS-HCS03WCH1-7BC6383CF794/power/set",
                "standby", false);

        assertThat(command).isEqualTo(new MqttCommand("homeconnect", "SIEMENS-HCS03WCH1-7BC6383CF794", "power", "STANDBY", null));
    }

    @Test
    void aRetainedCommandIsRefusedWhateverItSays() {
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, "DISARM", true))
                .isInstanceOf(MqttCommand.InvalidCommandException.class).hasMessageContaining("retained");
    }

    @Test
    void anUnknownActionIsRefusedWithTheAcceptedOnesAndWithoutEchoingIt() {
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, "SELF_DESTRUCT", false))
                .hasMessageContaining("ARM_AWAY, ARM_HOME, DISARM").hasMessageNotContaining("SELF_DESTRUCT");
    }

    @Test
    void anUnknownSystemOrEntityIsRefused() {
        assertThatThrownBy(() -> MqttCommand.parse(BASE, "camel-smarthome/toaster/1/heat/set", "ON", false))
                .hasMessageContaining("unknown command");
        assertThatThrownBy(() -> MqttCommand.parse(BASE, "camel-smarthome/simplisafe/12345/siren/set", "ON", false))
                .hasMessageContaining("unknown command");
    }

    @Test
    void topicsThatAreNotCommandTopicsAreRefused() {
        for (String topic : new String[] {"camel-smarthome/simplisafe/12345/set", "other/simplisafe/12345/alarm/set",
            "camel-smarthome/simplisafe/12345/alarm/x/set", "camel-smarthome/simplisafe/1.2/alarm/set", null}) {
            assertThatThrownBy(() -> MqttCommand.parse(BASE, topic, "DISARM", false)).as(String.valueOf(topic))
                    .hasMessageContaining("not a command topic");
        }
        assertThat(MqttCommand.resultTopic(BASE, "other/simplisafe/12345/alarm/set")).isEmpty();
    }

    @Test
    void malformedOversizedAndEmptyPayloadsAreRefused() {
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, "{\"action\": ", false)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, "{\"code\": \"1\"}", false)).hasMessageContaining("action");
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, "A".repeat(2000), false)).hasMessageContaining("2000");
        assertThatThrownBy(() -> MqttCommand.parse(BASE, ALARM, " ", false)).hasMessageContaining("empty payload");
    }

    @Test
    void aSystemIdMustBeANumber() {
        assertThatThrownBy(() -> MqttCommand.parse(BASE, "camel-smarthome/simplisafe/abc/alarm/set", "DISARM", false))
                .hasMessageContaining("number");
    }

    @Test
    void theCodeNeverAppearsInToString() {
        assertThat(MqttCommand.parse(BASE, ALARM, "{\"action\": \"DISARM\", \"code\": \"8642\"}", false).toString())
                .doesNotContain("8642").contains("code given");
    }

    @Test
    void theResultTopicSitsNextToTheCommandTopic() {
        assertThat(MqttCommand.resultTopic(BASE, ALARM)).contains("camel-smarthome/simplisafe/12345/alarm/result");
    }
}
