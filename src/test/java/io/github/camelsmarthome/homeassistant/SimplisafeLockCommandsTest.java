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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lock commands of an account with two SimpliSafe systems name the lock's own system to the producer. */
class SimplisafeLockCommandsTest {

    private static final String SYSTEM_ID = "CamelSimplisafeSystemId";
    private static final String LOCK_SERIAL = "CamelSimplisafeLockSerial";

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome", discovery);

    @BeforeEach
    void twoSystemsWithALockEach() {
        discovery.onEvent(lockEvent("111", "frontdoor"));
        discovery.onEvent(lockEvent("222", "backdoor"));
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void eachLockIsLockedAndUnlockedOnTheSystemItsEventsNamed() {
        Exchange back = received("camel-smarthome/simplisafe/backdoor/lock/set", "LOCK");
        Exchange front = received("camel-smarthome/simplisafe/frontdoor/lock/set", "UNLOCK");

        commands.prepare(back);
        commands.prepare(front);

        assertThat(back.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isEqualTo("simplisafe:lock");
        assertThat(back.getIn().getHeader(SYSTEM_ID)).isEqualTo(222L);
        assertThat(back.getIn().getHeader(LOCK_SERIAL)).isEqualTo("backdoor");
        assertThat(front.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isEqualTo("simplisafe:unlock");
        assertThat(front.getIn().getHeader(SYSTEM_ID)).isEqualTo(111L);
        assertThat(front.getIn().getHeader(LOCK_SERIAL)).isEqualTo("frontdoor");
    }

    @Test
    void aLockNotHeardFromLeavesTheSystemToTheProducer() {
        Exchange unknown = received("camel-smarthome/simplisafe/garage/lock/set", "LOCK");

        commands.prepare(unknown);

        assertThat(unknown.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isEqualTo("simplisafe:lock");
        assertThat(unknown.getIn().getHeader(SYSTEM_ID)).isNull();
    }

    private static ObjectNode lockEvent(String systemId, String serial) {
        return new ObjectMapper().createObjectNode().put("system", "simplisafe").put("deviceId", serial)
                .put("systemId", systemId).put("type", "lock_locked").put("sensorType", "lock")
                .put("time", "2026-05-04T07:12:03Z").put("id", systemId + serial);
    }

    private Exchange received(String topic, String payload) {
        MqttMessage mqtt = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        PahoMqtt5Message message = new PahoMqtt5Message(context, mqtt);
        message.setBody(mqtt.getPayload());
        message.setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
        Exchange exchange = new DefaultExchange(context);
        exchange.setIn(message);
        return exchange;
    }
}
