package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Home Connect's setting switches and numbers, from the MQTT command to the producer call, checked before it. */
class HomeConnectSettingCommandsTest {

    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String OVEN = "BOSCH-HCS01OVN1-43E0065FE245";
    private static final String FRIDGE = "SIEMENS-HCS05FRF1-304F4F9E541D";
    private static final String HOOD = "BOSCH-HCS000000-D00000000004";
    private static final String BASE = "camel-smarthome/homeconnect/";

    private final CamelContext context = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome", discovery);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void theChildLockSwitchWritesTheBooleanSetting() {
        applianceReports(WASHER, "Washer");

        Exchange exchange = prepared(BASE + WASHER + "/child_lock/set", "ON");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:setSetting")
                .containsEntry("CamelHomeConnectHaId", WASHER).containsEntry("CamelHomeConnectKey", "BSH.Common.Setting.ChildLock");
        assertThat(exchange.getIn().getHeader("CamelHomeConnectValue", JsonNode.class).isBoolean()).isTrue();
        assertThat(exchange.getIn().getHeader("CamelHomeConnectValue", JsonNode.class).booleanValue()).isTrue();
        assertThat(prepared(BASE + WASHER + "/child_lock/set", "off").getIn().getHeader("CamelHomeConnectValue", JsonNode.class)
                .booleanValue()).isFalse();
    }

    @Test
    void aNumberInRangeIsWrittenAsANumber() {
        applianceReports(HOOD, "Hood");

        Exchange exchange = prepared(BASE + HOOD + "/lighting_brightness/set", "70");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:setSetting")
                .containsEntry("CamelHomeConnectKey", "Cooking.Common.Setting.LightingBrightness");
        assertThat(exchange.getIn().getHeader("CamelHomeConnectValue", JsonNode.class).toString()).isEqualTo("70");
    }

    @Test
    void theOvenSetpointIsAnOptionOfTheSelectedProgramWithItsUnit() {
        applianceReports(OVEN, "Oven");

        Exchange exchange = prepared(BASE + OVEN + "/setpoint/set", "180.0");

        assertThat(exchange.getIn().getHeaders())
                .containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:setSelectedProgramOption")
                .containsEntry("CamelHomeConnectKey", "Cooking.Oven.Option.SetpointTemperature");
        assertThat(exchange.getIn().getHeader("CamelHomeConnectValue", JsonNode.class).toString())
                .isEqualTo("{\"value\":180,\"unit\":\"°C\"}");
    }

    @Test
    void aBooleanSettingTheApplianceReportedCanBeSwitched() {
        ObjectNode event = event(FRIDGE, "FridgeFreezer");
        event.withArray("items").addObject().put("key", "Refrigeration.FridgeFreezer.Setting.SuperModeFreezer").put("value", false);
        discovery.onEvent(event);

        Exchange exchange = prepared(BASE + FRIDGE + "/setting_super_mode_freezer/set", "ON");

        assertThat(exchange.getIn().getHeaders()).containsEntry(HomeAssistantCommands.COMMAND_URI, "homeconnect:setSetting")
                .containsEntry("CamelHomeConnectKey", "Refrigeration.FridgeFreezer.Setting.SuperModeFreezer");
    }

    @Test
    void payloadsThatDoNotFitTheEntityAreRefusedAndCallNothing() {
        applianceReports(HOOD, "Hood");
        applianceReports(OVEN, "Oven");
        String[][] refused = {
            {HOOD + "/lighting/set", "yes"},
            {HOOD + "/lighting/set", ""},
            {HOOD + "/lighting_brightness/set", "101"},
            {HOOD + "/lighting_brightness/set", "-1"},
            {HOOD + "/lighting_brightness/set", "50.5"},
            {HOOD + "/lighting_brightness/set", "NaN"},
            {HOOD + "/lighting_brightness/set", "1e9999"},
            {HOOD + "/lighting_brightness/set", "x".repeat(2000)},
            {OVEN + "/setpoint/set", "29"},
            {OVEN + "/setpoint/set", "{\"value\": 180}"},
        };
        for (String[] command : refused) {
            Exchange exchange = prepared(BASE + command[0], command[1]);
            assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).as(command[0] + " " + command[1]).isNull();
            assertThat(exchange.getIn().getHeader("CamelHomeConnectKey")).as(command[0]).isNull();
            assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class)).as(command[0]).isNotBlank();
        }
        assertThat(commands.refused()).isEqualTo(refused.length);
    }

    @Test
    void theRefusalSaysWhatTheEntityTakes() {
        applianceReports(HOOD, "Hood");

        assertThat(prepared(BASE + HOOD + "/lighting_brightness/set", "101").getIn()
                .getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("from 0 to 100");
        assertThat(prepared(BASE + HOOD + "/lighting/set", "maybe").getIn()
                .getHeader(HomeAssistantCommands.REFUSAL, String.class)).contains("ON or OFF");
    }

    @Test
    void anEntityTheApplianceDoesNotHaveIsRefusedWithTheOnesItHas() {
        applianceReports(FRIDGE, "FridgeFreezer");
        applianceReports(WASHER, "Washer");

        String fridgeRefusal = prepared(BASE + FRIDGE + "/child_lock/set", "ON").getIn()
                .getHeader(HomeAssistantCommands.REFUSAL, String.class);
        String unknownRefusal = prepared(BASE + "SIEMENS-NOT-KNOWN/child_lock/set", "ON").getIn()
                .getHeader(HomeAssistantCommands.REFUSAL, String.class);
        String washerRefusal = prepared(BASE + WASHER + "/setpoint/set", "180").getIn()
                .getHeader(HomeAssistantCommands.REFUSAL, String.class);

        assertThat(fridgeRefusal).contains("unknown command homeconnect/child_lock");
        assertThat(unknownRefusal).contains("unknown command homeconnect/child_lock");
        assertThat(washerRefusal).contains("[child_lock]");
    }

    @Test
    void withoutADiscoveryCoreNoSettingIsKnown() {
        HomeAssistantCommands alone = new HomeAssistantCommands("camel-smarthome");
        Exchange exchange = received(BASE + WASHER + "/child_lock/set", "ON", false);

        alone.prepare(exchange);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(alone.refused()).isEqualTo(1);
    }

    @Test
    void aRetainedSettingCommandIsRefusedAndAnswersOnItsResultTopic() {
        applianceReports(WASHER, "Washer");
        Exchange exchange = received(BASE + WASHER + "/child_lock/set", "ON", true);
        commands.prepare(exchange);

        commands.refused(exchange);

        assertThat(exchange.getIn().getHeaders())
                .containsEntry(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, BASE + WASHER + "/child_lock/result")
                .doesNotContainKey(HomeAssistantCommands.COMMAND_URI);
        assertThat(new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8)).contains("\"status\":\"error\"")
                .contains("retained");
    }

    @Test
    void thePowerSwitchIsStillThePowerCommand() {
        Exchange exchange = prepared(BASE + WASHER + "/power/set", "on");

        assertThat(exchange.getIn().getHeaders()).containsEntry("CamelHomeConnectKey", "BSH.Common.Setting.PowerState")
                .containsEntry("CamelHomeConnectValue", "BSH.Common.EnumType.PowerState.On");
    }

    private ObjectNode event(String haId, String type) {
        ObjectNode event = json.createObjectNode().put("system", "homeconnect").put("deviceId", haId).put("type", "STATUS")
                .put("time", "2026-05-04T07:12:03Z").put("id", "e-" + haId).put("applianceType", type);
        event.putArray("items");
        return event;
    }

    private void applianceReports(String haId, String type) {
        assertThat(discovery.onEvent(event(haId, type))).isNotEmpty();
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
