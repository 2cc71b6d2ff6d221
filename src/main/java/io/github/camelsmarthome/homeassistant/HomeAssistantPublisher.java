package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;

/**
 * The runner's bean {@code homeAssistant}: the routes' door to the discovery core. It turns a
 * component's event into the core's messages, and one such message into what the
 * {@code paho-mqtt5} producer publishes (topic, retained flag and QoS as headers), so every route
 * publishes the same way.
 */
public final class HomeAssistantPublisher {

    private static final String BIRTH_ARRIVED = "smarthomeBirthArrivedNanos";
    /**
     * The header in which the {@code homeconnect} consumer names the appliance's type from the
     * appliance list; spelled out here because this package depends only on the event contract.
     */
    public static final String APPLIANCE_TYPE_HEADER = "CamelHomeConnectApplianceType";

    private final HomeAssistantDiscovery discovery;
    private final ObjectMapper json;
    private final Duration birthDelayMin;
    private final Duration birthDelayMax;
    private long lastRepublishNanos = Long.MIN_VALUE;

    /**
     * A publisher over {@code discovery}, reading events with {@code json} (which must know
     * java.time), that waits a random time between {@code birthDelayMin} and {@code birthDelayMax}
     * after Home Assistant's birth before publishing everything again (brief 4.3).
     */
    public HomeAssistantPublisher(HomeAssistantDiscovery discovery, ObjectMapper json, Duration birthDelayMin,
            Duration birthDelayMax) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.json = Objects.requireNonNull(json, "json");
        this.birthDelayMin = Objects.requireNonNull(birthDelayMin, "birthDelayMin");
        this.birthDelayMax = Objects.requireNonNull(birthDelayMax, "birthDelayMax");
        if (birthDelayMin.isNegative() || birthDelayMax.compareTo(birthDelayMin) < 0) {
            throw new IllegalArgumentException("birth delay: need 0 <= min <= max, not " + birthDelayMin + " and " + birthDelayMax);
        }
    }

    /**
     * How long to wait after a birth, at random between the configured bounds, so that many
     * bridges do not answer Home Assistant at the same instant. Records when the birth arrived
     * (exchange property), for {@link #republishAfterBirth}.
     */
    public long birthDelayMillis(Exchange exchange) {
        exchange.setProperty(BIRTH_ARRIVED, System.nanoTime());
        long min = birthDelayMin.toMillis();
        long max = birthDelayMax.toMillis();
        return max == min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }

    /**
     * Everything again after a birth, or nothing when another birth that arrived later was
     * already answered meanwhile: births within one delay are coalesced into one re-publication.
     */
    public synchronized List<DiscoveryMessage> republishAfterBirth(Exchange exchange) {
        long arrived = exchange.getProperty(BIRTH_ARRIVED, System.nanoTime(), Long.class);
        if (lastRepublishNanos != Long.MIN_VALUE && lastRepublishNanos - arrived > 0) {
            return List.of();
        }
        lastRepublishNanos = System.nanoTime();
        return discovery.republishAll();
    }

    /** The discovery core. */
    public HomeAssistantDiscovery discovery() {
        return discovery;
    }

    /** The messages for one event (configs when new, availability, state, the event message), in order. */
    public List<DiscoveryMessage> onEvent(DeviceEvent event) {
        JsonNode tree = json.valueToTree(event);
        if (!(tree instanceof ObjectNode fields)) {
            return List.of();
        }
        return discovery.onEvent(fields);
    }

    /**
     * As {@link #onEvent(DeviceEvent)} for a Home Connect event, with the appliance's type from the
     * appliance list (header {@code CamelHomeConnectApplianceType}; {@code null} while unknown), which
     * chooses the appliance's entities (docs/home-assistant.md).
     */
    public List<DiscoveryMessage> onEvent(DeviceEvent event, String applianceType) {
        JsonNode tree = json.valueToTree(event);
        if (!(tree instanceof ObjectNode fields)) {
            return List.of();
        }
        if (applianceType != null && !applianceType.isBlank() && !fields.has("applianceType")) {
            fields.put("applianceType", applianceType);
        }
        return discovery.onEvent(fields);
    }

    /**
     * The route step of the {@code *-to-mqtt} routes, bound as the processor
     * {@code homeAssistantEvents} ({@code <process ref="homeAssistantEvents"/>}): the exchange's
     * {@link DeviceEvent} body becomes its list of {@link DiscoveryMessage}s, as
     * {@link #onEvent(DeviceEvent, String)} with the type from header {@value #APPLIANCE_TYPE_HEADER}
     * (absent outside Home Connect). A processor rather than a bean call with parameter expressions,
     * which Camel evaluates again on every event (issue #8).
     *
     * @throws IllegalArgumentException when the body is not a {@link DeviceEvent}
     */
    public void eventToMessages(Exchange exchange) {
        Message in = exchange.getIn();
        if (!(in.getBody() instanceof DeviceEvent event)) {
            throw new IllegalArgumentException("expected a DeviceEvent body, got "
                                               + (in.getBody() == null ? "none" : in.getBody().getClass().getName()));
        }
        in.setBody(onEvent(event, in.getHeader(APPLIANCE_TYPE_HEADER, String.class)));
    }

    /** Every config, availability and state again, for Home Assistant's birth message. */
    public List<DiscoveryMessage> republishAll() {
        return discovery.republishAll();
    }

    /**
     * Makes the exchange's body, a {@link DiscoveryMessage}, ready for the {@code paho-mqtt5}
     * producer: the payload as the body, the topic, retained flag and QoS as the producer's
     * override headers; a config it clears is noted as the bridge's own clear
     * ({@link HomeAssistantDiscovery#ownClear}). Headers of an incoming MQTT message are removed,
     * so that its MQTT 5 properties are not copied onto the outgoing one. The {@code *-to-mqtt}
     * routes call it as the processor {@code homeAssistantToMqtt}, once per message.
     */
    public void toMqtt(Exchange exchange) {
        Message in = exchange.getIn();
        DiscoveryMessage message = in.getBody(DiscoveryMessage.class);
        if (message == null) {
            throw new IllegalArgumentException("expected a DiscoveryMessage body, got "
                                               + (in.getBody() == null ? "none" : in.getBody().getClass().getName()));
        }
        if (message.isRemoval() && discovery.topics().isOwnConfig(message.topic())) {
            discovery.ownClear(message.topic());
        }
        in.removeHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_PROPERTIES);
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, message.topic());
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, message.retained());
        in.setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_QOS, message.qos());
        in.setBody(message.payload().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the exchange's incoming MQTT message was retained: camel-paho-mqtt5 sets no header
     * for it (build notes, pitfall 5), so it is read from the Paho message the consumer keeps.
     * {@code false} when the exchange did not come from a {@code paho-mqtt5} consumer.
     */
    public static boolean retained(Exchange exchange) {
        return exchange.getIn() instanceof PahoMqtt5Message paho && paho.getMqttMessage() != null
               && paho.getMqttMessage().isRetained();
    }

    /** Whether the exchange is Home Assistant's birth: payload {@code online}, not a retained replay. */
    public boolean isBirth(Exchange exchange) {
        String payload = exchange.getIn().getBody(String.class);
        return !retained(exchange) && payload != null && "online".equals(payload.trim());
    }
}
