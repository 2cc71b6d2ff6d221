package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an appliance's state changes into STATUS, NOTIFY and EVENT messages with the right
 * {@code uri}, level and timestamp. While the appliance is offline nothing is sent: the real cloud
 * loses those events too, which is what a client's resync logic must cope with.
 */
final class ApplianceEmitter {

    private final String haId;
    private final String baseUri;
    private final SimulationClock clock;
    private final ApplianceEventSink sink;
    private volatile boolean online = true;

    ApplianceEmitter(String haId, SimulationClock clock, ApplianceEventSink sink) {
        this.haId = haId;
        this.baseUri = "/api/homeappliances/" + haId;
        this.clock = clock;
        this.sink = sink;
    }

    void setOnline(boolean online) {
        this.online = online;
    }

    void status(String key, JsonNode value) {
        publish(EventType.STATUS, List.of(item(key, value, null, "/status/" + key)));
    }

    Notification notification() {
        return new Notification();
    }

    /** An appliance event such as {@code BSH.Common.Event.ProgramFinished}; EVENT items carry no {@code uri}. */
    void event(String key, String presentState, String level, String handling) {
        publish(EventType.EVENT, List.of(new EventItem(key, SimulatorJson.NODES.textNode(presentState), null, level, handling,
                null, clock.epochSeconds())));
    }

    /** Connection events go out regardless of {@link #setOnline}: they are what announces the change. */
    void connection(EventType type) {
        sink.publish(ApplianceEvent.connection(type, haId, clock.epochSeconds()));
    }

    private void publish(EventType type, List<EventItem> items) {
        if (online && !items.isEmpty()) {
            sink.publish(new ApplianceEvent(type, haId, items, clock.epochSeconds()));
        }
    }

    private EventItem item(String key, JsonNode value, String unit, String uriSuffix) {
        return new EventItem(key, value, unit, "hint", "none", baseUri + uriSuffix, clock.epochSeconds());
    }

    /** Collects NOTIFY items that changed together, sent as one message like the cloud does. */
    final class Notification {
        private final List<EventItem> items = new ArrayList<>();

        Notification setting(String key, JsonNode value, String unit) {
            items.add(item(key, value, unit, "/settings/" + key));
            return this;
        }

        Notification activeProgram(String programKey) {
            items.add(item("BSH.Common.Root.ActiveProgram", text(programKey), null, "/programs/active"));
            return this;
        }

        Notification selectedProgram(String programKey) {
            items.add(item("BSH.Common.Root.SelectedProgram", text(programKey), null, "/programs/selected"));
            return this;
        }

        Notification activeOption(String key, JsonNode value, String unit) {
            items.add(item(key, value, unit, "/programs/active/options/" + key));
            return this;
        }

        Notification selectedOption(String key, JsonNode value, String unit) {
            items.add(item(key, value, unit, "/programs/selected/options/" + key));
            return this;
        }

        /** An option value as program bodies hold it, {@code {"key", "value", "unit"?}}. */
        Notification activeOption(ObjectNode option) {
            return activeOption(option.path("key").asText(), option.get("value"), unitOf(option));
        }

        /** An option value as program bodies hold it, {@code {"key", "value", "unit"?}}. */
        Notification selectedOption(ObjectNode option) {
            return selectedOption(option.path("key").asText(), option.get("value"), unitOf(option));
        }

        private String unitOf(ObjectNode option) {
            return option.hasNonNull("unit") ? option.get("unit").asText() : null;
        }

        void send() {
            publish(EventType.NOTIFY, items);
        }

        private JsonNode text(String value) {
            return value == null ? SimulatorJson.NODES.nullNode() : SimulatorJson.NODES.textNode(value);
        }
    }
}
