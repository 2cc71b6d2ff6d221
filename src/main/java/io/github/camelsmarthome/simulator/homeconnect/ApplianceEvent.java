package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One event an appliance (or the account) produced, before it is framed for a particular stream.
 *
 * @param type      the event name
 * @param haId      the appliance the event is about
 * @param items     the items of STATUS, NOTIFY and EVENT; empty for connection events
 * @param timestamp Unix seconds when it happened
 */
public record ApplianceEvent(EventType type, String haId, List<EventItem> items, long timestamp) {

    /** Compact constructor: items are copied so a published event cannot change later. */
    public ApplianceEvent {
        items = List.copyOf(items);
    }

    static ApplianceEvent connection(EventType type, String haId, long timestamp) {
        return new ApplianceEvent(type, haId, List.of(), timestamp);
    }

    /** The first item with this key, or {@code null}. */
    public EventItem item(String key) {
        return items.stream().filter(item -> item.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * The {@code data} line's value for one stream, or {@code null} for no data line.
     *
     * @param withHaId whether the stream is the all-appliances one, whose item events name the appliance
     */
    String data(boolean withHaId, ConnectionEventShape connectionShape) {
        if (type.isConnectionEvent()) {
            return connectionData(connectionShape);
        }
        boolean eventOrder = type == EventType.EVENT;
        ObjectNode data = SimulatorJson.object();
        if (withHaId && !eventOrder) {
            data.put("haId", haId);
        }
        ArrayNode array = data.putArray("items");
        items.forEach(item -> array.add(item.toJson(eventOrder)));
        if (withHaId && eventOrder) {
            data.put("haId", haId);
        }
        return SimulatorJson.write(data);
    }

    private String connectionData(ConnectionEventShape shape) {
        return switch (shape) {
            case EMPTY -> "";
            case QUOTES -> "\"\"";
            case NO_DATA_LINE -> null;
            case FLAT_JSON -> {
                ObjectNode flat = SimulatorJson.object();
                flat.put("haId", haId);
                flat.put("handling", "none");
                flat.put("key", connectionKey());
                flat.put("level", "hint");
                flat.put("timestamp", timestamp);
                flat.put("value", true);
                yield SimulatorJson.write(flat);
            }
        };
    }

    private String connectionKey() {
        return switch (type) {
            case CONNECTED -> "BSH.Common.Appliance.Connected";
            case DISCONNECTED -> "BSH.Common.Appliance.Disconnected";
            case PAIRED -> "BSH.Common.Appliance.Paired";
            case DEPAIRED -> "BSH.Common.Appliance.Depaired";
            default -> throw new IllegalStateException("Not a connection event: " + type);
        };
    }
}
