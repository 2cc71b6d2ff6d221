package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** miIO method commands for the configured gateway, from the MQTT command to the result message. */
class MiioMethodCommandsTest {

    private static final String GATEWAY_TOPIC = "camel-smarthome/miio/gateway-192_168_1_20/method/set";

    private final CamelContext context = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome", null, "192.168.1.20");

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aMethodCommandSendsTheMethodAndParamsToTheConfiguredGatewayHost() {
        Exchange exchange = prepared(GATEWAY_TOPIC, "{\"method\": \"get_prop\", \"params\": [\"illumination\"]}", commands);

        assertThat(exchange.getIn().getHeaders())
                .containsEntry(HomeAssistantCommands.COMMAND_URI, "miio-push:192.168.1.20?operation=send")
                .containsEntry("CamelMiioPushMethod", "get_prop");
        assertThat(exchange.getIn().getHeader("CamelMiioPushParams", JsonNode.class).toString()).isEqualTo("[\"illumination\"]");
    }

    @Test
    void withoutParamsTheParamsAreAnEmptyArray() {
        Exchange exchange = prepared(GATEWAY_TOPIC, "{\"method\": \"miIO.info\"}", commands);

        assertThat(exchange.getIn().getHeader("CamelMiioPushParams", JsonNode.class).toString()).isEqualTo("[]");
    }

    @Test
    void theResultMessageCarriesTheDevicesResult() throws Exception {
        Exchange exchange = prepared(GATEWAY_TOPIC, "{\"method\": \"miIO.info\"}", commands);
        exchange.getIn().setBody(json.readTree("{\"model\":\"lumi.gateway.v3\"}"));

        commands.succeeded(exchange);

        assertThat(json.readTree(exchange.getIn().getBody(byte[].class)).toString())
                .isEqualTo("{\"status\":\"ok\",\"result\":{\"model\":\"lumi.gateway.v3\"}}");
        assertThat(exchange.getIn().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC))
                .isEqualTo("camel-smarthome/miio/gateway-192_168_1_20/method/result");
    }

    @Test
    void aTokenInTheDevicesResultNeverReachesTheBroker() throws Exception {
        Exchange exchange = prepared(GATEWAY_TOPIC, "{\"method\": \"miIO.info\"}", commands);
        exchange.getIn().setBody(json.readTree("{\"model\":\"lumi.gateway.v3\",\"token\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\","
                                               + "\"ap\":{\"token\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0\"}}"));

        commands.succeeded(exchange);

        String published = new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8);
        assertThat(published).doesNotContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0").contains("\"token\":\"***\"");
    }

    @Test
    void aGatewayOtherThanTheConfiguredOneIsRefusedSoTheTopicNeverChoosesTheAddress() {
        Exchange exchange = prepared("camel-smarthome/miio/gateway-10_0_0_1/method/set", "{\"method\": \"miIO.info\"}", commands);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("gateway-192_168_1_20");
    }

    @Test
    void withoutAConfiguredGatewayEveryMethodCommandIsRefused() {
        HomeAssistantCommands none = new HomeAssistantCommands("camel-smarthome", null, " ");

        Exchange exchange = prepared(GATEWAY_TOPIC, "{\"method\": \"miIO.info\"}", none);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("MIIO_GATEWAY_HOST");
    }

    @Test
    void malformedMethodPayloadsAreRefusedAndCallNothing() {
        for (String payload : new String[] {"miIO.info", "{\"method\": 5}", "{\"method\": \"a b\"}",
                "{\"method\": \"miIO.info\", \"params\": \"x\"}", "[1]", "{broken"}) {
            Exchange exchange = prepared(GATEWAY_TOPIC, payload, commands);
            assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).as(payload).isNull();
        }
        assertThat(commands.refused()).isEqualTo(6);
    }

    @Test
    void aRetainedMethodCommandIsRefused() {
        Exchange exchange = received(GATEWAY_TOPIC, "{\"method\": \"miIO.info\"}", true);

        commands.prepare(exchange);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("retained");
    }

    private Exchange prepared(String topic, String payload, HomeAssistantCommands target) {
        Exchange exchange = received(topic, payload, false);
        target.prepare(exchange);
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
