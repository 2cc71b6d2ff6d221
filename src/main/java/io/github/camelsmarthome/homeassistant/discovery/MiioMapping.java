package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.EventFields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xiaomi gateway events (MiioPushEvent's JSON form) as Home Assistant devices (brief 7.3, 9.8,
 * 9.9): each gateway as a device, each Zigbee sub-device as its child. Door and window sensors
 * become a {@code door} binary sensor, motion sensors an event-driven {@code motion} binary sensor
 * with {@code off_delay}, and buttons, cubes, vibration sensors and unknown models an event entity.
 * Every sub-device gets one device trigger per action of its model, up front, from the options'
 * {@code miioActions} (the route layer passes the miio event catalog), plus actions seen.
 * Sub-devices are available while their gateway is (a third availability topic).
 */
final class MiioMapping implements SystemMapping {

    static final String SYSTEM = "miio";

    /** The component's events about the gateway itself (keepalives stopped, back, at a new address). */
    private static final java.util.Set<String> GATEWAY_STATUS = java.util.Set.of("gateway_offline", "gateway_online", "gateway_moved");

    private static final Pattern CHANNEL_CLICK = Pattern.compile("(l_|d_)?click_ch(\\d)");
    private static final Pattern BOTH_CLICK = Pattern.compile("both_(l_|d_)?click");

    @Override
    public void apply(ObjectNode event, EventContext context) {
        String sid = text(event, "deviceId");
        String action = text(event, "type");
        String gateway = text(event, "gateway");
        if (gateway == null) {
            throw new IllegalArgumentException("a miio event needs its gateway");
        }
        KnownDevice hub = gatewayDevice(context, gateway);
        hub.state().put("last_event_at", text(event, "time"));
        if (GATEWAY_STATUS.contains(action)) {
            // The bridge's own events about the gateway's keepalives: its availability, not a sub-device.
            hub.availability("gateway_offline".equals(action) ? DeviceTopics.OFFLINE : DeviceTopics.ONLINE);
            return;
        }
        String model = text(event, "model");
        KnownDevice device = context.device(SYSTEM, sid, () -> HaDevice.of(context.topics().identifier(SYSTEM, sid),
                "Xiaomi " + shortSid(sid)).via(hub.device().mainIdentifier()));
        device.parentAvailabilityTopic(context.topics().availability(SYSTEM, hub.deviceId()));
        if (model != null && device.fact("model").add(model)) {
            device.device(device.device().withModel(model.startsWith("lumi.") ? "Aqara" : "Xiaomi", model, null)
                    .withName(kindName(kind(model)) + " " + shortSid(sid)));
        }
        String kind = kind(device.fact("model").stream().findFirst().orElse(null));
        device.state().put("last_seen", text(event, "time"));
        if ("door".equals(kind) && ("open".equals(action) || "close".equals(action))) {
            device.state().put("contact", "open".equals(action) ? "open" : "closed");
        }
        device.fact("actions").add(action);
        define(device, kind, context);
        context.emitEvent(device, EventFields.eventMessage(event, action));
    }

    /** The device of a gateway (its host as the id), created with its entities the first time. */
    static KnownDevice gatewayDevice(EventContext context, String gateway) {
        String id = DeviceTopics.gatewayDeviceId(gateway);
        KnownDevice hub = context.device(SYSTEM, id, () -> HaDevice.of(context.topics().identifier(SYSTEM, id),
                "Xiaomi gateway " + gateway).withModel("Xiaomi", "Gateway", null).via(context.topics().bridgeIdentifier()));
        if (hub.entities().isEmpty()) {
            hub.state().putNull("last_event_at");
            hub.entity(new EntityDefinition.Sensor("last_event", "Last event", "timestamp", null, null, null,
                    context.topics().state(SYSTEM, id), EventFields.valueOf("last_event_at"), "diagnostic", true));
        }
        return hub;
    }

    private void define(KnownDevice device, String kind, EventContext context) {
        DeviceTopics topics = context.topics();
        String id = device.deviceId();
        String stateTopic = topics.state(SYSTEM, id);
        String eventTopic = topics.event(SYSTEM, id);
        Set<String> actions = new LinkedHashSet<>();
        device.fact("model").forEach(model -> actions.addAll(context.options().miioActions().apply(model)));
        actions.addAll(device.fact("actions"));
        switch (kind) {
            case "door" -> {
                if (!device.state().has("contact")) {
                    device.state().putNull("contact");
                }
                device.entity(new EntityDefinition.BinarySensor("contact", null, "door", stateTopic,
                        EventFields.onWhenEquals("contact", "open"), null, null));
            }
            case "motion" -> device.entity(new EntityDefinition.BinarySensor("motion", null, "motion", eventTopic,
                    EventFields.eventSwitch(List.of("motion"), "no_motion"), context.options().motionOffDelaySeconds(), null));
            default -> device.entity(new EntityDefinition.Event("action", "Action", "button".equals(kind) ? "button" : null,
                    List.copyOf(actions), eventTopic));
        }
        device.entity(new EntityDefinition.Sensor("last_seen", "Last seen", "timestamp", null, null, null, stateTopic,
                EventFields.valueOf("last_seen"), "diagnostic", false));
        Set<String> usedPairs = new HashSet<>();
        for (String action : actions) {
            String[] pair = triggerPair(action, kind);
            if (!usedPairs.add(pair[0] + "/" + pair[1])) {
                // (type, subtype) must be unique per device (brief 6.5): fall back to the raw action.
                pair = new String[] {action, kind};
                usedPairs.add(pair[0] + "/" + pair[1]);
            }
            device.entity(new EntityDefinition.DeviceTrigger("trigger_" + DeviceTopics.segment(action), pair[0], pair[1],
                    eventTopic, action));
        }
    }

    /** HA's translated trigger names for button clicks ({@code d_click_ch1} → double press of button 2); else the raw action. */
    static String[] triggerPair(String action, String kind) {
        Matcher channel = CHANNEL_CLICK.matcher(action);
        if (channel.matches()) {
            return new String[] {pressType(channel.group(1)), "button_" + (Integer.parseInt(channel.group(2)) + 1)};
        }
        Matcher both = BOTH_CLICK.matcher(action);
        if (both.matches()) {
            return new String[] {pressType(both.group(1)), "both_buttons"};
        }
        return new String[] {action, kind};
    }

    private static String pressType(String prefix) {
        if (prefix == null) {
            return "button_short_press";
        }
        return "d_".equals(prefix) ? "button_double_press" : "button_long_press";
    }

    /** The kind of sub-device a model names: {@code door}, {@code motion}, {@code button}, {@code cube}, {@code vibration}, {@code device}. */
    static String kind(String model) {
        if (model == null) {
            return "device";
        }
        String lower = model.toLowerCase(Locale.ROOT);
        if (lower.contains("magnet")) {
            return "door";
        }
        if (lower.contains("motion")) {
            return "motion";
        }
        if (lower.contains("cube")) {
            return "cube";
        }
        if (lower.contains("vibration")) {
            return "vibration";
        }
        if (lower.contains("switch") || lower.contains("remote") || lower.contains("86sw")) {
            return "button";
        }
        return "device";
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "door" -> "Door sensor";
            case "motion" -> "Motion sensor";
            case "button" -> "Button";
            case "cube" -> "Cube";
            case "vibration" -> "Vibration sensor";
            default -> "Xiaomi";
        };
    }

    /** {@code lumi.158d0001ab6d65} → {@code 158d0001ab6d65}: the vendor prefix says nothing to a user. */
    private static String shortSid(String sid) {
        int dot = sid.lastIndexOf('.');
        return dot < 0 ? sid : sid.substring(dot + 1);
    }
}
