package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.testing.CapturedLogs;
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

class HomeAssistantCommandsTest {

    private static final String ALARM = "camel-smarthome/simplisafe/12345/alarm/set";

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome");
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void anArmCommandNamesTheProducerTheSystemTheTargetAndTheCode() {
        Exchange exchange = received(ALARM, "{\"action\": \"ARM_AWAY\", \"code\": \"4711\"}", false);

        commands.prepare(exchange);

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "simplisafe:setState")
                .containsEntry("CamelSimplisafeSystemId", 12345L).containsEntry("CamelSimplisafeTargetState", "ARM_AWAY")
                .containsEntry("CamelSimplisafeCode", "4711").doesNotContainKey(HomeAssistantCommands.REFUSAL)
                .doesNotContainKey(PahoMqtt5Constants.MQTT_TOPIC);
    }

    @Test
    void aPowerCommandWritesTheAppliancesPowerStateSetting() {
        Exchange exchange = received("camel-smarthome/homeconnect/SIEMENS-HCS03WCH1-7BC6383CF794/power/set", "on", false);

        commands.prepare(exchange);

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:setSetting")
                .containsEntry("CamelHomeConnectHaId", "SIEMENS-HCS03WCH1-7BC6383CF794")
                .containsEntry("CamelHomeConnectKey", "BSH.Common.Setting.PowerState")
                .containsEntry("CamelHomeConnectValue", "BSH.Common.EnumType.PowerState.On");
    }

    @Test
    void theResultGoesToTheResultTopicNotRetainedAndWithoutTheCode() throws Exception {
        Exchange exchange = received(ALARM, "{\"action\": \"DISARM\", \"code\": \"4711\"}", false);
        commands.prepare(exchange);

        commands.succeeded(exchange);

        assertThat(exchange.getIn().getHeaders()).containsEntry(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC,
                "camel-smarthome/simplisafe/12345/alarm/result").containsEntry(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, false)
                .doesNotContainKey("CamelSimplisafeCode");
        assertThat(json.readTree(exchange.getIn().getBody(byte[].class)).toString()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(commands.executed()).isEqualTo(1);
    }

    @Test
    void aRetainedCommandIsRefusedCountedAndAnsweredWithWhy() throws Exception {
        Exchange exchange = received(ALARM, "DISARM", true);

        commands.prepare(exchange);
        commands.refused(exchange);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        JsonNode result = json.readTree(exchange.getIn().getBody(byte[].class));
        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("error").asText()).contains("retained");
        assertThat(commands.refused()).isEqualTo(1);
    }

    @Test
    void aFailedCallAnswersTheProducersReason() throws Exception {
        Exchange exchange = received(ALARM, "ARM_HOME", false);
        commands.prepare(exchange);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("SimpliSafe answered 409"));

        commands.failed(exchange);

        assertThat(json.readTree(exchange.getIn().getBody(byte[].class)).path("error").asText()).isEqualTo("SimpliSafe answered 409");
        assertThat(commands.failed()).isEqualTo(1);
    }

    @Test
    void theCodeIsNeverLoggedEvenWhenTheCommandIsRefused() {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            commands.prepare(received(ALARM, "{\"action\": \"DISARM\", \"code\": \"Zq83104\"}", false));
            commands.prepare(received(ALARM, "{\"action\": \"DISARM\", \"code\": \"Zq83104\"}", true));
            commands.prepare(received(ALARM, "{\"action\": \"EXPLODE\", \"code\": \"Zq83104\"}", false));

            assertThat(logs.lines()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(logs.allText()).doesNotContain("Zq83104");
        }
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
