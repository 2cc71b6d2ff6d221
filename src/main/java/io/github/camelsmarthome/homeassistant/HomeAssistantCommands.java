package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeassistant.discovery.DeviceTopics;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's bean {@code mqttCommands}: the steps of the command route
 * ({@code routes/homeassistant.yaml}). {@link #prepare} reads the command with
 * {@link MqttCommand#parse} and names the producer call in headers; the route calls it;
 * {@link #succeeded}, {@link #failed} or {@link #refused} write the result message for
 * {@code <base>/<system>/<deviceId>/<entity>/result} (not retained, QoS 1).
 *
 * <p>Only systems that have commands here are reachable: the producer URI comes from a fixed
 * list, never from the topic.
 */
public final class HomeAssistantCommands {

    /** Header: the producer URI the route calls, absent when the command was refused. */
    public static final String COMMAND_URI = "smarthomeCommandUri";
    /** Header: why the command was refused, absent when it may run. */
    public static final String REFUSAL = "smarthomeCommandRefusal";

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantCommands.class);
    private static final String SIMPLISAFE_SYSTEM_ID = "CamelSimplisafeSystemId";
    private static final String SIMPLISAFE_TARGET_STATE = "CamelSimplisafeTargetState";
    private static final String SIMPLISAFE_CODE = "CamelSimplisafeCode";
    private static final String SIMPLISAFE_LOCK_SERIAL = "CamelSimplisafeLockSerial";
    private static final String HOMECONNECT_HA_ID = "CamelHomeConnectHaId";
    private static final String HOMECONNECT_KEY = "CamelHomeConnectKey";
    private static final String HOMECONNECT_VALUE = "CamelHomeConnectValue";
    private static final String POWER_STATE = "BSH.Common.Setting.PowerState";
    private static final String POWER_STATE_VALUE = "BSH.Common.EnumType.PowerState.";
    private static final String RESULT_TOPIC = "smarthomeCommandResultTopic";

    private static final String MIIO_METHOD = "CamelMiioPushMethod";
    private static final String MIIO_PARAMS = "CamelMiioPushParams";
    /** Header: the producer's answer (the body after the call) goes into the result message as "result". */
    private static final String RETURNS_RESULT = "smarthomeCommandReturnsResult";
    private static final String PAUSE_PROGRAM = "BSH.Common.Command.PauseProgram";
    private static final String RESUME_PROGRAM = "BSH.Common.Command.ResumeProgram";

    private final String baseTopic;
    private final HomeAssistantDiscovery discovery;
    private final String miioGatewayHost;
    private final HomeConnectSettingCommands homeConnectSettings;
    private final ObjectMapper json = new ObjectMapper();
    private final LongAdder executed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder oversized = new LongAdder();

    /**
     * Commands under {@code baseTopic}, without a discovery core: Home Connect program commands
     * then need whole program keys ({@code LaundryCare.Washer.Program.Cotton}).
     */
    public HomeAssistantCommands(String baseTopic) {
        this(baseTopic, null);
    }

    /**
     * Commands under {@code baseTopic}; {@code discovery} (may be {@code null}) turns the short
     * program names HA's selects send back into whole keys, and knows the selected program that
     * the start button starts.
     */
    public HomeAssistantCommands(String baseTopic, HomeAssistantDiscovery discovery) {
        this(baseTopic, discovery, null);
    }

    /**
     * As {@link #HomeAssistantCommands(String, HomeAssistantDiscovery)}, and method commands for the
     * configured Xiaomi gateway {@code miioGatewayHost} ({@code MIIO_GATEWAY_HOST}; {@code null} or
     * blank: none), on {@code <base>/miio/gateway-<host as a segment>/method/set}, the gateway
     * device's own topic root. The producer address is the configured host, never the topic's.
     */
    public HomeAssistantCommands(String baseTopic, HomeAssistantDiscovery discovery, String miioGatewayHost) {
        this.baseTopic = Objects.requireNonNull(baseTopic, "baseTopic");
        this.discovery = discovery;
        this.miioGatewayHost = miioGatewayHost == null || miioGatewayHost.isBlank() ? null : miioGatewayHost.trim();
        this.homeConnectSettings = new HomeConnectSettingCommands(this.baseTopic, discovery);
    }

    /** Commands the producer carried out. */
    public long executed() {
        return executed.sum();
    }

    /** Commands refused before anything ran: retained, malformed, unknown. */
    public long refused() {
        return refused.sum();
    }

    /** Commands refused for their size (over {@link MqttCommand#MAX_PAYLOAD_LENGTH} characters); also in {@link #refused()}. */
    public long oversized() {
        return oversized.sum();
    }

    /** Commands the producer was asked to run and that failed. */
    public long failed() {
        return failed.sum();
    }

    /**
     * Reads the command of the exchange (topic header {@code CamelMqttTopic}, payload body, retained
     * flag from the Paho message) and sets either {@link #COMMAND_URI} and the producer's headers,
     * or {@link #REFUSAL}. Incoming MQTT headers are removed so they never reach a producer.
     */
    public void prepare(Exchange exchange) {
        Message in = exchange.getIn();
        String topic = in.getHeader(PahoMqtt5Constants.MQTT_TOPIC, String.class);
        boolean retained = HomeAssistantPublisher.retained(exchange);
        byte[] body = in.getBody(byte[].class);
        MqttCommand.resultTopic(baseTopic, topic).ifPresent(result -> in.setHeader(RESULT_TOPIC, result));
        in.removeHeaders("CamelMqtt*");
        in.removeHeaders("CamelPahoMqtt5*");
        try {
            if (body != null && body.length > MqttCommand.MAX_PAYLOAD_BYTES) {
                throw new MqttCommand.OversizedCommandException(body.length + " bytes");
            }
            String payload = body == null ? null : new String(body, StandardCharsets.UTF_8);
            if (homeConnectSettings.handles(topic)) {
                homeConnectSettings.prepare(in, topic, payload, retained);
                in.setBody(null);
                LOG.info("Command from MQTT: a Home Connect setting on {}", printable(topic));
                return;
            }
            MqttCommand command = MqttCommand.parse(baseTopic, topic, payload, retained);
            switch (command.system() + "/" + command.entity()) {
                case "simplisafe/alarm" -> {
                    in.setHeader(SIMPLISAFE_SYSTEM_ID, Long.parseLong(command.deviceId()));
                    in.setHeader(SIMPLISAFE_TARGET_STATE, command.action());
                    in.setHeader(COMMAND_URI, "simplisafe:setState");
                }
                case "simplisafe/lock" -> {
                    in.setHeader(SIMPLISAFE_LOCK_SERIAL, command.deviceId());
                    lockSystem(command.deviceId()).ifPresent(sid -> in.setHeader(SIMPLISAFE_SYSTEM_ID, sid));
                    in.setHeader(COMMAND_URI, "LOCK".equals(command.action()) ? "simplisafe:lock" : "simplisafe:unlock");
                }
                case "homeconnect/power" -> {
                    in.setHeader(HOMECONNECT_HA_ID, command.deviceId());
                    in.setHeader(HOMECONNECT_KEY, POWER_STATE);
                    in.setHeader(HOMECONNECT_VALUE, POWER_STATE_VALUE + switch (command.action()) {
                        case "ON" -> "On";
                        case "OFF" -> "Off";
                        default -> "Standby";
                    });
                    in.setHeader(COMMAND_URI, "homeconnect:setSetting");
                }
                case "miio/" + MqttCommand.MIIO_METHOD -> miioCommand(command, payload, in);
                case "homeconnect/" + MqttCommand.PROGRAM_SELECTED, "homeconnect/" + MqttCommand.PROGRAM_ACTIVE ->
                        programCommand(command, in);
                default -> throw new MqttCommand.InvalidCommandException("no producer for " + command.system() + "/"
                                                                         + command.entity());
            }
            if (command.code() != null) {
                in.setHeader(SIMPLISAFE_CODE, command.code());
            }
            in.setBody(null);
            LOG.info("Command from MQTT: {} on {}", command.action(), printable(topic));
        } catch (MqttCommand.InvalidCommandException e) {
            refused.increment();
            if (e instanceof MqttCommand.OversizedCommandException) {
                oversized.increment();
            }
            in.setHeader(REFUSAL, e.getMessage());
            LOG.warn("Refused an MQTT command on {}: {}; {} refused so far", printable(topic), e.getMessage(), refused.sum());
        }
    }

    /**
     * The system of a SimpliSafe lock, as its events named it: with several systems the serial
     * alone does not tell the producer where the lock is. Empty when unknown; the producer then
     * uses the only system, or refuses and names them.
     */
    private java.util.Optional<Long> lockSystem(String lockSerial) {
        if (discovery == null) {
            return java.util.Optional.empty();
        }
        return discovery.commandFacts().simplisafeSystemOf(lockSerial).flatMap(sid -> {
            try {
                return java.util.Optional.of(Long.parseLong(sid));
            } catch (NumberFormatException notASystemId) {
                return java.util.Optional.empty();
            }
        });
    }

    /** A miIO request for the configured gateway; its result goes into the result message. */
    private void miioCommand(MqttCommand command, String payload, Message in) {
        String gatewayId = miioGatewayHost == null ? null : "gateway-" + DeviceTopics.segment(miioGatewayHost);
        if (!command.deviceId().equals(gatewayId)) {
            throw new MqttCommand.InvalidCommandException("no configured miio gateway is named " + command.deviceId()
                    + (gatewayId == null ? ": MIIO_GATEWAY_HOST is not set" : ": use " + gatewayId));
        }
        MiioMethodCall call = MiioMethodCall.parse(payload.trim());
        in.setHeader(MIIO_METHOD, call.method());
        in.setHeader(MIIO_PARAMS, call.params());
        in.setHeader(RETURNS_RESULT, true);
        in.setHeader(COMMAND_URI, "miio-push:" + miioGatewayHost + "?operation=send");
    }

    /** Home Connect's program select and buttons: the producer operation and the whole program key. */
    private void programCommand(MqttCommand command, Message in) {
        in.setHeader(HOMECONNECT_HA_ID, command.deviceId());
        switch (command.action()) {
            case MqttCommand.SELECT -> {
                in.setHeader(HOMECONNECT_KEY, programKey(command.deviceId(), command.program()));
                in.setHeader(COMMAND_URI, "homeconnect:selectProgram");
            }
            case MqttCommand.START_PROGRAM -> {
                in.setHeader(HOMECONNECT_KEY, programKey(command.deviceId(), command.program()));
                in.setHeader(COMMAND_URI, "homeconnect:startProgram");
            }
            case "START" -> {
                String selected = discovery == null ? null
                        : discovery.commandFacts().homeConnectSelectedProgramKey(command.deviceId()).orElse(null);
                if (selected == null) {
                    throw new MqttCommand.InvalidCommandException("no program is selected on " + command.deviceId()
                                                                  + ": select one first, or send {\"program\": <program>}");
                }
                in.setHeader(HOMECONNECT_KEY, selected);
                in.setHeader(COMMAND_URI, "homeconnect:startProgram");
            }
            case "STOP" -> in.setHeader(COMMAND_URI, "homeconnect:stopProgram");
            case "PAUSE", "RESUME" -> {
                in.setHeader(HOMECONNECT_KEY, "PAUSE".equals(command.action()) ? PAUSE_PROGRAM : RESUME_PROGRAM);
                in.setHeader(COMMAND_URI, "homeconnect:executeCommand");
            }
            default -> throw new MqttCommand.InvalidCommandException("no producer for program action " + command.action());
        }
    }

    /**
     * A whole key is taken as it is (the appliance refuses one it does not offer); a short name
     * must be one of the programs the appliance reported, as HA's select only offers those.
     */
    private String programKey(String haId, String program) {
        if (program.contains(".")) {
            return program;
        }
        if (discovery == null) {
            throw new MqttCommand.InvalidCommandException("unknown program " + program + ": send the whole program key");
        }
        return discovery.commandFacts().homeConnectProgramKey(haId, program).orElseThrow(() -> new MqttCommand.InvalidCommandException(
                "unknown program " + program + " for " + haId + ": the appliance reported " + discovery.commandFacts().homeConnectPrograms(haId)));
    }

    /** The result after the producer ran: {@code {"status":"ok"}}. */
    public void succeeded(Exchange exchange) {
        executed.increment();
        result(exchange, null);
    }

    /** The producer's answer, for commands that have one to report (miio methods); {@code null} otherwise. */
    private JsonNode answerOf(Message in) {
        if (!in.getHeader(RETURNS_RESULT, false, Boolean.class)) {
            return null;
        }
        Object body = in.getBody();
        JsonNode answer = body instanceof JsonNode node ? node.deepCopy() : body == null ? null : json.valueToTree(body);
        redactTokens(answer);
        return answer;
    }

    /** An unprovisioned gateway tells its miIO token in miIO.info: it must not reach the broker. */
    private static void redactTokens(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("token")) {
            object.put("token", "***");
        }
        if (node != null) {
            node.forEach(HomeAssistantCommands::redactTokens);
        }
    }

    /** The result after the producer failed: {@code {"status":"error","error":...}} with the producer's reason. */
    public void failed(Exchange exchange) {
        failed.increment();
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "the command failed" : String.valueOf(cause.getMessage());
        LOG.warn("An MQTT command failed: {}; {} failed so far", reason, failed.sum());
        result(exchange, reason);
    }

    /** The result of a refused command: {@code {"status":"error","error":<why>}}. */
    public void refused(Exchange exchange) {
        result(exchange, exchange.getIn().getHeader(REFUSAL, "refused", String.class));
    }

    /**
     * Whether the result can be published: a topic that is not a command topic at all has no
     * result topic (it cannot arrive through the route's filter, but a hostile one is not answered).
     */
    public boolean hasResultTopic(Exchange exchange) {
        return exchange.getIn().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC) != null;
    }

    private void result(Exchange exchange, String error) {
        Message in = exchange.getIn();
        // The code must not travel further than the producer.
        in.removeHeader(SIMPLISAFE_CODE);
        ObjectNode result = json.createObjectNode();
        result.put("status", error == null ? "ok" : "error");
        if (error != null) {
            result.put("error", error);
        } else if (answerOf(in) != null) {
            result.set("result", answerOf(in));
        }
        String topic = in.getHeader(RESULT_TOPIC, String.class);
        if (topic != null) {
            in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, topic);
        }
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, false);
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_QOS, 1);
        in.setBody(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Short and without control characters: a hostile topic must not forge log lines. */
    private static String printable(String value) {
        if (value == null) {
            return "none";
        }
        String cut = value.length() > 160 ? value.substring(0, 160) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
