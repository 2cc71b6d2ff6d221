package io.github.camelsmarthome.simplisafe.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the bridge learned what a {@link SimplisafeEvent} says:
 * <ul>
 *   <li>{@link #REALTIME}: pushed on the websocket;</li>
 *   <li>{@link #HISTORY}: read from the REST event history ({@code subscriptions/{sid}/events}),
 *       at start-up or to fill a gap after a reconnect;</li>
 *   <li>{@link #POLL}: made by the bridge from the difference of two REST polls (sensor, lock and
 *       alarm state changes the websocket never delivers, brief 11 P9).</li>
 * </ul>
 * The same upstream event read on the websocket and from the history has the same
 * {@link SimplisafeEvent#id()} but a different origin. A value type rather than an enum, so that an
 * origin a later version adds survives a JSON round trip.
 *
 * @param name the origin as written in JSON
 */
public record SimplisafeEventOrigin(String name) {

    /** Pushed on the websocket. */
    public static final SimplisafeEventOrigin REALTIME = new SimplisafeEventOrigin("realtime");
    /** Read from the REST event history. */
    public static final SimplisafeEventOrigin HISTORY = new SimplisafeEventOrigin("history");
    /** Derived by the bridge from two successive REST polls. */
    public static final SimplisafeEventOrigin POLL = new SimplisafeEventOrigin("poll");

    private static final Map<String, SimplisafeEventOrigin> KNOWN = List.of(REALTIME, HISTORY, POLL).stream()
            .collect(Collectors.toUnmodifiableMap(SimplisafeEventOrigin::name, Function.identity()));

    /** Rejects a missing or empty name. */
    public SimplisafeEventOrigin {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an origin needs a name");
        }
    }

    /** The constant for a known name, otherwise a value that keeps the name; rejects a missing name. */
    @JsonCreator
    public static SimplisafeEventOrigin of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("an origin needs a name");
        }
        SimplisafeEventOrigin known = KNOWN.get(name);
        return known != null ? known : new SimplisafeEventOrigin(name);
    }

    /** Whether SimpliSafe sent this event ({@link #REALTIME}, {@link #HISTORY}); {@code false} for {@link #POLL}. */
    public boolean isUpstream() {
        return equals(REALTIME) || equals(HISTORY);
    }

    /** The name, which is also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
