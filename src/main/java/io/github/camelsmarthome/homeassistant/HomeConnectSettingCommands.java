package io.github.camelsmarthome.homeassistant;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.homeassistant.discovery.HomeConnectSetting;
import org.apache.camel.Message;

/**
 * Home Connect's setting switches and numbers ({@code child_lock}, {@code ambient_light_brightness},
 * an oven's {@code setpoint} ..., docs/home-assistant.md) from {@code <base>/homeconnect/<haId>/<entity>/set}
 * to the producer: {@code homeconnect:setSetting}, or {@code setSelectedProgramOption} for a
 * program option. The entity must be one the appliance's discovery config offers, and the payload
 * must fit it (ON/OFF, a number in range on a step) before anything is called; otherwise the
 * command is refused with the reason. The power switch and program commands are not handled here.
 */
final class HomeConnectSettingCommands {

    private static final String SEGMENT = "[a-zA-Z0-9_-]{1,128}";
    private static final String HA_ID = "CamelHomeConnectHaId";
    private static final String KEY = "CamelHomeConnectKey";
    private static final String VALUE = "CamelHomeConnectValue";

    private final String baseTopic;
    private final HomeAssistantDiscovery discovery;
    private final Pattern topics;

    HomeConnectSettingCommands(String baseTopic, HomeAssistantDiscovery discovery) {
        this.baseTopic = Objects.requireNonNull(baseTopic, "baseTopic");
        this.discovery = discovery;
        this.topics = Pattern.compile(Pattern.quote(baseTopic + "/homeconnect/") + SEGMENT + "/" + SEGMENT + "/set");
    }

    /** Whether the topic is a Home Connect command of one level other than the power switch. */
    boolean handles(String topic) {
        return topic != null && topics.matcher(topic).matches() && !"power".equals(entityOf(topic));
    }

    /**
     * Sets the producer URI and its headers ({@code CamelHomeConnectHaId}, {@code CamelHomeConnectKey},
     * {@code CamelHomeConnectValue} as JSON) for a command {@link #handles} accepted.
     *
     * @throws MqttCommand.InvalidCommandException naming what is wrong; nothing was set then
     */
    void prepare(Message in, String topic, String payload, boolean retained) {
        if (retained) {
            throw new MqttCommand.InvalidCommandException("retained command refused: a command is only executed when sent live");
        }
        String[] parts = topic.substring(baseTopic.length() + 1).split("/");
        String haId = parts[1];
        String entity = parts[2];
        HomeConnectSetting setting = discovery == null ? null : discovery.commandFacts().homeConnectSetting(haId, entity).orElse(null);
        if (setting == null) {
            throw new MqttCommand.InvalidCommandException("unknown command homeconnect/" + entity + " for " + haId
                    + ": its settings are " + (discovery == null ? "unknown" : discovery.commandFacts().homeConnectSettings(haId))
                    + ", besides power and program");
        }
        if (payload == null || payload.isBlank() || payload.length() > MqttCommand.MAX_PAYLOAD_LENGTH) {
            throw new MqttCommand.InvalidCommandException("payload refused: " + entity + " takes "
                    + (setting.numeric() ? "a number" : "ON or OFF"));
        }
        JsonNode value;
        try {
            value = setting.valueOf(payload);
        } catch (IllegalArgumentException e) {
            throw new MqttCommand.InvalidCommandException(e.getMessage());
        }
        in.setHeader(HA_ID, haId);
        in.setHeader(KEY, setting.key());
        in.setHeader(VALUE, value);
        in.setHeader(HomeAssistantCommands.COMMAND_URI, "homeconnect:" + setting.operation());
    }

    private String entityOf(String topic) {
        String[] parts = topic.substring(baseTopic.length() + 1).split("/");
        return parts.length > 2 ? parts[2] : "";
    }
}
