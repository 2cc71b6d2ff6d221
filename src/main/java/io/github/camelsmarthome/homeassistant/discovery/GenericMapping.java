package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Any system this version has no mapping for (design 1: a fourth system must not need changes
 * here): one device per device id with an event entity and device triggers for the event types
 * seen so far, and the time it was last seen.
 */
final class GenericMapping implements SystemMapping {

    @Override
    public void apply(ObjectNode event, EventContext context) {
        String system = text(event, "system");
        String deviceId = text(event, "deviceId");
        String type = text(event, "type");
        KnownDevice device = context.device(system, deviceId, () -> HaDevice.of(context.topics().identifier(system, deviceId),
                system + " " + deviceId).via(context.topics().bridgeIdentifier()));
        device.state().put("last_seen", text(event, "time"));
        device.fact("event_types").add(type);
        DeviceTopics topics = context.topics();
        String eventTopic = topics.event(system, deviceId);
        device.entity(new EntityDefinition.Event("event", "Event", null, List.copyOf(device.fact("event_types")), eventTopic));
        for (String seen : device.fact("event_types")) {
            device.entity(new EntityDefinition.DeviceTrigger("trigger_" + DeviceTopics.segment(seen), seen, "device",
                    eventTopic, seen));
        }
        device.entity(new EntityDefinition.Sensor("last_seen", "Last seen", "timestamp", null, null, null,
                topics.state(system, deviceId), EventFields.valueOf("last_seen"), "diagnostic", true));
        context.emitEvent(device, EventFields.eventMessage(event, type));
    }
}
