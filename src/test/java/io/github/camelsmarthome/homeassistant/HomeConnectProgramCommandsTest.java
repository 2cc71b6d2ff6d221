package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Home Connect's program select and buttons, from the MQTT command to the producer call. */
class HomeConnectProgramCommandsTest {

    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String ROOT = "camel-smarthome/homeconnect/" + WASHER;
    private static final String COTTON = "LaundryCare.Washer.Program.Cotton";

    private final CamelContext context = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome", discovery);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aShortProgramNameFromTheSelectBecomesTheWholeKeyTheApplianceReported() {
        washerReportsSelected(COTTON);

        Exchange exchange = prepared(ROOT + "/program/selected/set", "Cotton");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:selectProgram")
                .containsEntry("CamelHomeConnectHaId", WASHER).containsEntry("CamelHomeConnectKey", COTTON);
    }

    @Test
    void aWholeProgramKeyIsSelectedEvenBeforeTheApplianceReportedIt() {
        Exchange exchange = prepared(ROOT + "/program/selected/set", "LaundryCare.Washer.Program.Wool");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:selectProgram")
                .containsEntry("CamelHomeConnectKey", "LaundryCare.Washer.Program.Wool");
    }

    @Test
    void anUnknownShortNameIsRefusedWithTheProgramsTheApplianceReported() {
        washerReportsSelected(COTTON);

        Exchange exchange = prepared(ROOT + "/program/selected/set", "Mix");

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("unknown program Mix")
                .contains("[Cotton]");
        assertThat(commands.refused()).isEqualTo(1);
    }

    @Test
    void theStartButtonStartsTheSelectedProgram() {
        washerReportsSelected(COTTON);

        Exchange exchange = prepared(ROOT + "/program/active/set", "start");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:startProgram")
                .containsEntry("CamelHomeConnectKey", COTTON);
        assertThat(exchange.getIn().getBody()).isNull();
    }

    @Test
    void theStartButtonWithoutASelectedProgramIsRefused() {
        Exchange exchange = prepared(ROOT + "/program/active/set", "start");

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("no program is selected");
    }

    @Test
    void theActiveProgramSelectStartsTheNamedProgram() {
        washerReportsSelected(COTTON);

        Exchange exchange = prepared(ROOT + "/program/active/set", "{\"program\": \"Cotton\"}");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:startProgram")
                .containsEntry("CamelHomeConnectKey", COTTON);
    }

    @Test
    void stopPauseAndResumeNameTheirOperationOrCommand() {
        assertThat(prepared(ROOT + "/program/active/set", "stop").getIn().getHeader(HomeAssistantCommands.COMMAND_URI))
                .isEqualTo("homeconnect:stopProgram");
        assertThat(prepared(ROOT + "/program/active/set", "pause").getIn().getHeaders())
                .containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:executeCommand")
                .containsEntry("CamelHomeConnectKey", "BSH.Common.Command.PauseProgram");
        assertThat(prepared(ROOT + "/program/active/set", "resume").getIn().getHeaders())
                .containsEntry("CamelHomeConnectKey", "BSH.Common.Command.ResumeProgram");
    }

    @Test
    void malformedProgramPayloadsAreRefusedAndCallNothing() {
        for (String payload : new String[] {"{\"program\": 7}", "{not json", "Cotton/../x", "launch", "START_PROGRAM"}) {
            Exchange exchange = prepared(ROOT + "/program/active/set", payload);
            assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).as(payload).isNull();
        }
        assertThat(prepared(ROOT + "/program/selected/set", "a b").getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(commands.refused()).isEqualTo(6);
    }

    @Test
    void aRetainedStartIsRefusedAndTheResultGoesNextToTheCommandTopic() {
        washerReportsSelected(COTTON);
        Exchange exchange = received(ROOT + "/program/active/set", "start", true);
        commands.prepare(exchange);

        commands.refused(exchange);

        assertThat(exchange.getIn().getHeaders()).containsEntry(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC,
                ROOT + "/program/active/result").doesNotContainKey(HomeAssistantCommands.COMMAND_URI);
    }

    @Test
    void onlyTheProgramEntityHasTwoLevels() {
        assertThat(prepared(ROOT + "/power/x/set", "on").getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(MqttCommand.resultTopic("camel-smarthome", ROOT + "/power/x/set")).isEmpty();
    }

    private void washerReportsSelected(String programKey) {
        ObjectNode event = json.createObjectNode().put("system", "homeconnect").put("deviceId", WASHER).put("type", "NOTIFY")
                .put("time", "2026-05-04T07:12:03Z").put("id", "e1");
        event.putArray("items").addObject().put("key", "BSH.Common.Root.SelectedProgram").put("value", programKey);
        assertThat(discovery.onEvent(event)).isNotEmpty();
    }

    private Exchange prepared(String topic, String payload) {
        Exchange exchange = received(topic, payload, false);
        commands.prepare(exchange);
        return exchange;
    }

    private Exchange received(String topic, String payload, boolean retained) {
        MqttMessage mqtt = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        mqtt.setRetained(retained);
        PahoMqtt5Message message = new PahoMqtt5Message(context, mqtt);
        message.setBody(mqtt.getPayload());
        message.setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
        Exchange exchange = new DefaultExchange(context);
        exchange.setIn(message);
        return exchange;
    }
}
