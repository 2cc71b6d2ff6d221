package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the bridge learned what a {@link HomeConnectEvent} says, so consumers can tell an event the
 * cloud pushed from one the bridge made up to keep them in step:
 * <ul>
 *   <li>{@link #STREAM}: received on the event stream as it is (the JSON form omits the field);</li>
 *   <li>{@link #RESYNC}: read over REST after a gap (reconnect, CONNECTED, PAIRED, first start of an
 *       account) and turned into an event, so downstream sees the current state;</li>
 *   <li>{@link #RESTORED}: the last known state saved before a restart, replayed at start;</li>
 *   <li>{@link #BRIDGE}: about the bridge's own connection, e.g. {@code stream_reconnected}.</li>
 * </ul>
 * A value type with constants rather than an enum, so that an origin a later version adds survives
 * a JSON round trip.
 *
 * @param name the origin as written in JSON
 */
public record EventOrigin(String name) {

    /** Pushed by the cloud on the event stream. */
    public static final EventOrigin STREAM = new EventOrigin("stream");
    /** Read over REST to catch up after a gap. */
    public static final EventOrigin RESYNC = new EventOrigin("resync");
    /** Replayed from the state saved before a restart. */
    public static final EventOrigin RESTORED = new EventOrigin("restored");
    /** Made by the bridge about its own connection. */
    public static final EventOrigin BRIDGE = new EventOrigin("bridge");

    private static final Map<String, EventOrigin> KNOWN = List.of(STREAM, RESYNC, RESTORED, BRIDGE).stream()
            .collect(Collectors.toUnmodifiableMap(EventOrigin::name, Function.identity()));

    /** Rejects a missing or empty name. */
    public EventOrigin {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an origin needs a name");
        }
    }

    /** The constant for a known name, otherwise a value that keeps the name; {@code null} means {@link #STREAM}. */
    @JsonCreator
    public static EventOrigin of(String name) {
        if (name == null) {
            return STREAM;
        }
        EventOrigin known = KNOWN.get(name);
        return known != null ? known : new EventOrigin(name);
    }

    /** Whether the cloud sent this event as it is; {@code false} for everything the bridge made. */
    public boolean isUpstream() {
        return equals(STREAM);
    }

    /** The name, which is also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
