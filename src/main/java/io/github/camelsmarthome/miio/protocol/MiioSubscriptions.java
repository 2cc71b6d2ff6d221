package io.github.camelsmarthome.miio.protocol;

import io.github.camelsmarthome.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the two options that say what to subscribe to, against an {@link MiioEventCatalog}, and
 * checks every resulting scene command against the gateway's limits at configuration time.
 *
 * <ul>
 *   <li>{@value #DEVICES} = {@code sid:model,sid:model,…}: every event the catalog knows for each
 *       model, e.g. {@code lumi.158d0001a2b3c4:lumi.sensor_switch.aq2}. The gateway's own events
 *       (the alarm) use the gateway did in decimal as sid: {@code 123456789:lumi.gateway.v3}.</li>
 *   <li>{@value #SUBSCRIPTIONS} = {@code sid:model:action,…}: single events; the action must be one
 *       the catalog has for the model, e.g. {@code lumi.158d0001a2b3c4:lumi.sensor_switch.aq2:click_ch0}.</li>
 * </ul>
 * Entries are separated by commas; spaces around entries and parts are ignored, empty entries
 * (a trailing comma) too. A sid may be given under only one model. Errors are
 * {@link InvalidConfigurationException}s naming the option, the entry and what to do.
 */
public final class MiioSubscriptions {

    /** The option listing whole devices. */
    public static final String DEVICES = "devices";

    /** The option listing single events. */
    public static final String SUBSCRIPTIONS = "subscriptions";

    private MiioSubscriptions() {
    }

    /**
     * Every event of every listed device, bound to its sid and model, in option then catalog order.
     *
     * @param devices the option value; {@code null} or blank gives an empty list
     */
    public static List<EventInfo> parseDevices(String devices, MiioEventCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        List<EventInfo> result = new ArrayList<>();
        Map<String, String> modelBySid = new LinkedHashMap<>();
        for (String entry : entries(devices)) {
            String[] parts = parts(entry, 2, DEVICES, "sid:model, e.g. lumi.158d0001a2b3c4:lumi.sensor_switch.aq2");
            String sid = parts[0];
            String model = parts[1];
            rememberModel(DEVICES, modelBySid, sid, model, entry);
            List<EventInfo> events = catalog.eventsOf(model);
            if (events.isEmpty()) {
                throw new InvalidConfigurationException(DEVICES, "entry '" + SceneCommand.printable(entry) + "': "
                        + catalog.unknownModelMessage(model));
            }
            for (EventInfo event : events) {
                result.add(checked(DEVICES, event.withSource(sid, model)));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The listed single events, bound to their sid and model, in option order; an entry given
     * twice counts once.
     *
     * @param subscriptions the option value; {@code null} or blank gives an empty list
     */
    public static List<EventInfo> parseSubscriptions(String subscriptions, MiioEventCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        List<EventInfo> result = new ArrayList<>();
        Map<String, String> modelBySid = new LinkedHashMap<>();
        for (String entry : entries(subscriptions)) {
            String[] parts = parts(entry, 3, SUBSCRIPTIONS,
                    "sid:model:action, e.g. lumi.158d0001a2b3c4:lumi.sensor_switch.aq2:click_ch0");
            String sid = parts[0];
            String model = parts[1];
            String action = parts[2];
            rememberModel(SUBSCRIPTIONS, modelBySid, sid, model, entry);
            if (!catalog.knows(model)) {
                throw new InvalidConfigurationException(SUBSCRIPTIONS, "entry '" + SceneCommand.printable(entry) + "': "
                        + catalog.unknownModelMessage(model));
            }
            EventInfo event = catalog.event(model, action).orElseThrow(() -> new InvalidConfigurationException(
                    SUBSCRIPTIONS, "entry '" + SceneCommand.printable(entry) + "': model " + model + " has no action '"
                            + SceneCommand.printable(action) + "' in the event catalog; its actions are "
                            + String.join(", ", catalog.actionsOf(model)) + ". Use one of them, or describe the event"
                            + " in a file given with the " + MiioEventCatalog.OPTION + " option"));
            EventInfo bound = checked(SUBSCRIPTIONS, event.withSource(sid, model));
            if (!result.contains(bound)) {
                result.add(bound);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Both options together: devices first, then single events not already covered by a device;
     * a sid must have the same model in both.
     */
    public static List<EventInfo> parse(String devices, String subscriptions, MiioEventCatalog catalog) {
        List<EventInfo> fromDevices = parseDevices(devices, catalog);
        List<EventInfo> fromSubscriptions = parseSubscriptions(subscriptions, catalog);
        Map<String, String> modelBySid = new LinkedHashMap<>();
        fromDevices.forEach(event -> modelBySid.put(event.sourceSid(), event.sourceModel()));
        List<EventInfo> result = new ArrayList<>(fromDevices);
        for (EventInfo event : fromSubscriptions) {
            String model = modelBySid.get(event.sourceSid());
            if (model != null && !model.equals(event.sourceModel())) {
                throw new InvalidConfigurationException(SUBSCRIPTIONS, "device " + event.sourceSid() + " is listed as "
                        + event.sourceModel() + " here but as " + model + " in " + DEVICES + "; give one model per device");
            }
            if (!result.contains(event)) {
                result.add(event);
            }
        }
        return List.copyOf(result);
    }

    private static List<String> entries(String option) {
        List<String> entries = new ArrayList<>();
        if (option == null) {
            return entries;
        }
        for (String entry : option.split(",", -1)) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static String[] parts(String entry, int count, String option, String shape) {
        String[] parts = entry.split(":", -1);
        boolean complete = parts.length == count;
        for (int i = 0; complete && i < count; i++) {
            parts[i] = parts[i].trim();
            complete = !parts[i].isEmpty();
        }
        if (!complete) {
            throw new InvalidConfigurationException(option, "entry '" + SceneCommand.printable(entry)
                    + "' is not of the form " + shape + "; separate entries with commas");
        }
        return parts;
    }

    private static void rememberModel(String option, Map<String, String> modelBySid, String sid, String model,
            String entry) {
        String previous = modelBySid.putIfAbsent(sid, model);
        if (previous != null && !previous.equals(model)) {
            throw new InvalidConfigurationException(option, "entry '" + SceneCommand.printable(entry) + "': device "
                    + sid + " is already listed as " + previous + "; give one model per device");
        }
        if (previous != null && option.equals(DEVICES)) {
            throw new InvalidConfigurationException(option, "entry '" + SceneCommand.printable(entry)
                    + "': device " + sid + " is listed twice; list each device once");
        }
    }

    private static EventInfo checked(String option, EventInfo event) {
        try {
            SceneCommand.of(event.action(), event.sourceSid());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(option, e.getMessage());
        }
        return event;
    }
}
