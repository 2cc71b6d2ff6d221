package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.miio.protocol.MiioEventMethod;
import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real events of the three systems, turned into their JSON form the way the routes will. */
final class DiscoveryFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Instant NOW = Instant.parse("2026-05-04T07:12:03Z");
    static final long SID = 1234567;
    static final String WASHER = "SIEMENS-WM14T6H9NL-AB1234567890";
    static final String GATEWAY = "192.168.1.20";
    static final Map<String, List<String>> CATALOG = Map.of(
            "lumi.sensor_switch.aq2", List.of("l_click_ch0", "click_ch0", "d_click_ch0"),
            "lumi.sensor_86sw2.v1", List.of("l_click_ch0", "click_ch0", "d_click_ch0", "l_click_ch1", "click_ch1",
                    "d_click_ch1", "both_l_click", "both_click", "both_d_click"),
            "lumi.sensor_switch.aq3", List.of("l_click_ch0", "click_ch0", "d_click_ch0", "l_click_pres", "shake"),
            "lumi.sensor_magnet.aq2", List.of("open", "close"),
            "lumi.sensor_motion.aq2", List.of("motion", "no_motion"));

    private DiscoveryFixtures() {
    }

    /** The options of the brief's examples, with the catalog above. */
    static DiscoveryOptions options(DiscoveryMode mode) {
        return DiscoveryOptions.defaults("1.0.0").withMode(mode)
                .withMiioActions(model -> CATALOG.getOrDefault(model, List.of()));
    }

    static ObjectNode json(DeviceEvent event) {
        return MAPPER.valueToTree(event);
    }

    static ObjectNode systemEvent(String type) {
        return json(SimplisafeEvent.builder().systemId(SID).type(type).info("System " + type).changedBy("Master PIN")
                .origin(SimplisafeEventOrigin.REALTIME).eventId(16803409109L).receivedAt(NOW).build());
    }

    static ObjectNode connectionMode(String mode) {
        return json(SimplisafeEvent.builder().systemId(SID).deviceId(Long.toString(SID)).type("connection_mode_changed")
                .info(mode).origin(SimplisafeEventOrigin.of("bridge")).receivedAt(NOW).build());
    }

    /** A poll event about one sensor, with the sensor object as {@code raw}. */
    static ObjectNode sensorEvent(String serial, SensorType type, String eventType, String name, String raw) {
        return json(SimplisafeEvent.builder().systemId(SID).deviceId(serial).type(eventType).sensorType(type)
                .sensorSerial(serial).sensorName(name).origin(SimplisafeEventOrigin.POLL).raw(tree(raw))
                .receivedAt(NOW).build());
    }

    static ObjectNode homeConnect(HomeConnectEventType type, String... keyValues) {
        return json(HomeConnectEvent.of(WASHER, type, items(keyValues), "{}", NOW));
    }

    static ObjectNode homeConnectResync(HomeConnectEventType type, String... keyValues) {
        return json(HomeConnectEvent.synthetic(WASHER, type, items(keyValues), NOW, EventOrigin.RESYNC));
    }

    /** Items from key, JSON value pairs. */
    static List<HomeConnectEventItem> items(String... keyValues) {
        return java.util.stream.IntStream.range(0, keyValues.length / 2)
                .mapToObj(i -> new HomeConnectEventItem(keyValues[2 * i], tree(keyValues[2 * i + 1]), null,
                        Instant.ofEpochSecond(1777878723), null, null, null, null, null, null, Map.of()))
                .toList();
    }

    static ObjectNode miio(String sid, String action, String model) {
        MiioEventMethod method = new MiioEventMethod(action, sid, null, action + ":" + sid.replace('.', '_'));
        return json(MiioPushEvent.of(GATEWAY, 619969154, method, null, model, NOW));
    }

    static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode payload(DiscoveryMessage message) {
        return tree(message.payload());
    }

    static Optional<DiscoveryMessage> on(List<DiscoveryMessage> messages, String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).findFirst();
    }

    static DiscoveryMessage only(List<DiscoveryMessage> messages, String topic) {
        return on(messages, topic).orElseThrow(() -> new AssertionError("no message on " + topic + " among "
                + messages.stream().map(DiscoveryMessage::topic).toList()));
    }

    static List<DiscoveryMessage> configs(List<DiscoveryMessage> messages) {
        return messages.stream().filter(m -> m.topic().startsWith("homeassistant/")).toList();
    }

    static ObjectNode object(String... fieldsAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return node;
    }
}
