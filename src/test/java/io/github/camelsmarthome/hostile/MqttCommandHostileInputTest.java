package io.github.camelsmarthome.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.homeassistant.HomeAssistantCommands;
import io.github.camelsmarthome.homeassistant.MqttCommand;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home Assistant's command topics against generated hostile commands (design 8, issue 7): topics
 * with path tricks ({@code ..}, empty and overlong segments, wildcards, NUL, control and unicode
 * characters) and payloads that are oversized, truncated, deeply nested or of the wrong type. Each
 * command gets exactly one outcome, a producer from the fixed list or a counted refusal; no
 * exception escapes; nothing from an unsafe segment reaches a producer header or a result topic;
 * a refusal never repeats the code it was sent.
 */
class MqttCommandHostileInputTest {

    private static final String BASE = "camel-smarthome";
    private static final String GATEWAY_HOST = "192.168.1.20";
    private static final String CODE = "Zq83104Secret";
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
    private static final Pattern RESULT_TOPIC = Pattern.compile(Pattern.quote(BASE)
            + "/[a-zA-Z0-9_-]{1,128}/[a-zA-Z0-9_-]{1,128}/(program/)?[a-zA-Z0-9_-]{1,128}/result");
    private static final Set<String> PRODUCERS = Set.of("simplisafe:setState", "simplisafe:lock", "simplisafe:unlock",
            "homeconnect:setSetting", "homeconnect:selectProgram", "homeconnect:startProgram", "homeconnect:stopProgram",
            "homeconnect:executeCommand", "miio-push:" + GATEWAY_HOST + "?operation=send");
    /** Headers whose value the topic decides: each must be a safe segment. */
    private static final List<String> TOPIC_HEADERS = List.of("CamelHomeConnectHaId", "CamelSimplisafeLockSerial");

    private static final CamelContext CONTEXT = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();

    @AfterContainer
    static void closeContext() throws Exception {
        CONTEXT.close();
    }

    @Provide
    Arbitrary<String> topics() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("simplisafe", "homeconnect", "miio", "alarm", "lock", "power", "program", "selected", "active",
                        "method", "12345", "SIEMENS-HCS03WCH1-7BC6383CF794", "gateway-192_168_1_20", "set", "result"),
                Arbitraries.of("..", ".", "", "+", "#", "\u0000", "a\u0000b", "\n", "\r\nINFO forged", "x/y", "%2e%2e",
                        "\u202e", "\uD83D\uDE00", "\uD800", "\u00e9t\u00e9", " ", "a b", "${env:HOME}", "{{smarthome.mqtt.password}}"),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(129),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(19).ofMaxLength(40),
                HostileInputs.text());
        Arbitrary<String> prefix = Arbitraries.of(BASE + "/", BASE + "//", "", "/" + BASE + "/", "other/", BASE + "/../");
        Arbitrary<String> suffix = Arbitraries.of("/set", "/set/", "", "/result", "/set/../set", "/+", "/#");
        return Combinators.combine(prefix, segment.list().ofMinSize(0).ofMaxSize(6), suffix)
                .as((start, segments, end) -> start + String.join("/", segments) + end);
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> codeCommand = Combinators.combine(
                Arbitraries.of("ARM_AWAY", "DISARM", "UNLOCK", "on", "Cotton", "miIO.info"),
                Arbitraries.integers().between(0, 10_000), Arbitraries.chars(), Arbitraries.of(HostileInputs.Damage.values()))
                .as((action, at, replacement, damage) -> damage.apply(
                        "{\"action\":\"" + action + "\",\"code\":\"" + CODE + "\",\"method\":\"" + action + "\",\"program\":\""
                        + action + "\"}", at, replacement));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 1_000)
                .map(depth -> "{\"action\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        Arbitrary<String> oversized = Arbitraries.integers().between(MqttCommand.MAX_PAYLOAD_LENGTH + 1, 200_000)
                .map(length -> "A".repeat(length));
        Arbitrary<String> wrongTypes = Arbitraries.of("{\"action\":1}", "{\"action\":null}", "{\"action\":[\"DISARM\"]}",
                "{\"action\":{\"action\":\"DISARM\"}}", "{\"program\":7}", "{\"method\":[],\"params\":\"x\"}", "[]", "null", "7",
                "\"DISARM\"", "{\"action\":\"DISARM\",\"code\":{\"x\":1}}");
        return Arbitraries.oneOf(HostileInputs.damagedJson(), HostileInputs.json().map(JsonNode::toString), HostileInputs.text(),
                codeCommand, nested, oversized, wrongTypes,
                Arbitraries.of("ARM_AWAY", "disarm", "on", "standby", "start", "stop", "Cotton", "LaundryCare.Washer.Program.Cotton"));
    }

    @Property
    void everyCommandGetsOneOutcomeAndOnlyAListedProducer(@ForAll("topics") String topic, @ForAll("payloads") String payload,
            @ForAll boolean retained) {
        HomeAssistantCommands commands = new HomeAssistantCommands(BASE, null, GATEWAY_HOST);
        Exchange exchange = received(topic, HostileInputs.utf8(payload), retained);

        commands.prepare(exchange);

        String producer = exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI, String.class);
        String refusal = exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class);
        assertThat(producer == null).as("exactly one of producer and refusal").isNotEqualTo(refusal == null);
        assertThat(commands.refused()).isEqualTo(refusal == null ? 0 : 1);
        if (producer != null) {
            assertThat(PRODUCERS).contains(producer);
            assertThat(retained).as("a retained command never runs").isFalse();
            for (String header : TOPIC_HEADERS) {
                String value = exchange.getIn().getHeader(header, String.class);
                assertThat(value == null || SAFE_SEGMENT.matcher(value).matches()).as(header + " = " + value).isTrue();
            }
        } else {
            assertThat(refusal).isNotBlank().doesNotContain(CODE);
        }
    }

    @Property
    void aRefusalIsAnErrorResultOnASafeTopicOrNoResultAtAll(@ForAll("topics") String topic, @ForAll("payloads") String payload) {
        HomeAssistantCommands commands = new HomeAssistantCommands(BASE, null, GATEWAY_HOST);
        Exchange exchange = received(topic, HostileInputs.utf8(payload), true);

        commands.prepare(exchange);
        commands.refused(exchange);

        JsonNode result = read(exchange.getIn().getBody(byte[].class));
        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("error").asText()).isNotBlank().doesNotContain(CODE);
        assertThat(exchange.getIn().getHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, Boolean.class)).isFalse();
        String resultTopic = exchange.getIn().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class);
        assertThat(resultTopic == null || RESULT_TOPIC.matcher(resultTopic).matches()).as("result topic " + resultTopic).isTrue();
        assertThat(commands.hasResultTopic(exchange)).isEqualTo(resultTopic != null);
    }

    @Property
    void anOversizedPayloadIsRefusedAndCountedWhateverTheTopicOrBytes(@ForAll("topics") String topic,
            @ForAll("oversizedBodies") byte[] body) {
        HomeAssistantCommands commands = new HomeAssistantCommands(BASE, null, GATEWAY_HOST);
        Exchange exchange = received(BASE + "/simplisafe/12345/alarm/set", body, false);

        commands.prepare(exchange);
        commands.prepare(received(topic, body, false));

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class))
                .contains("at most " + MqttCommand.MAX_PAYLOAD_LENGTH + " characters");
        assertThat(commands.oversized()).isEqualTo(2);
        assertThat(commands.refused()).isEqualTo(2);
    }

    @Provide
    Arbitrary<byte[]> oversizedBodies() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(MqttCommand.MAX_PAYLOAD_BYTES + 1, 1 << 20).map(byte[]::new),
                Arbitraries.strings().withCharRange('\u0800', '\uffff').ofMinLength(MqttCommand.MAX_PAYLOAD_LENGTH + 1)
                        .ofMaxLength(3 * MqttCommand.MAX_PAYLOAD_LENGTH).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(MqttCommand.MAX_PAYLOAD_BYTES + 1)
                        .ofMaxSize(2 * MqttCommand.MAX_PAYLOAD_BYTES));
    }

    @Property
    void aRetainedCommandIsRefusedWhateverItSays(@ForAll("payloads") String payload) {
        HomeAssistantCommands commands = new HomeAssistantCommands(BASE, null, GATEWAY_HOST);
        Exchange exchange = received(BASE + "/simplisafe/12345/alarm/set", HostileInputs.utf8(payload), true);

        commands.prepare(exchange);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.COMMAND_URI)).isNull();
        assertThat(commands.refused()).isEqualTo(1);
    }

    @Example
    void aCodeThatBreaksTheJsonIsNotQuotedInTheRefusal() {
        HomeAssistantCommands commands = new HomeAssistantCommands(BASE, null, GATEWAY_HOST);
        Exchange exchange = received(BASE + "/simplisafe/12345/alarm/set",
                HostileInputs.utf8("{\"action\":\"DISARM\",\"code\":" + CODE + "}"), false);

        commands.prepare(exchange);

        assertThat(exchange.getIn().getHeader(HomeAssistantCommands.REFUSAL, String.class))
                .startsWith("payload is not valid JSON").doesNotContain(CODE);
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("the result is not JSON", e);
        }
    }

    private static Exchange received(String topic, byte[] payload, boolean retained) {
        MqttMessage mqtt = new MqttMessage(payload);
        mqtt.setRetained(retained);
        PahoMqtt5Message message = new PahoMqtt5Message(CONTEXT, mqtt);
        message.setBody(payload);
        message.setHeader(PahoMqtt5Constants.MQTT_TOPIC, topic);
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.setIn(message);
        return exchange;
    }
}
