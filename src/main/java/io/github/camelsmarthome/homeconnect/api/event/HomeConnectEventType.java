package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of a Home Connect stream event, named as on the wire ({@code NOTIFY},
 * {@code KEEP-ALIVE} ...).
 *
 * <p>A value type with well-known constants instead of a Java enum, so that a type BSH adds later
 * is kept as it was sent rather than failing the parse (the way aiohomeconnect's enums keep
 * unknown values); {@link #isKnown()} tells the two apart. Compare with {@code equals}.
 *
 * @param wireName the type exactly as the {@code event:} line names it
 */
public record HomeConnectEventType(String wireName) {

    /** Sent at least every 55 s when nothing else is; no appliance, no data. */
    public static final HomeConnectEventType KEEP_ALIVE = new HomeConnectEventType("KEEP-ALIVE");
    /** Status keys changed (operation state, door, remote-control flags). */
    public static final HomeConnectEventType STATUS = new HomeConnectEventType("STATUS");
    /** Appliance events ({@code *.Event.*}) such as ProgramFinished. */
    public static final HomeConnectEventType EVENT = new HomeConnectEventType("EVENT");
    /** Settings, selected/active program, options and program progress changed. */
    public static final HomeConnectEventType NOTIFY = new HomeConnectEventType("NOTIFY");
    /** The appliance (re)connected to the cloud. */
    public static final HomeConnectEventType CONNECTED = new HomeConnectEventType("CONNECTED");
    /** The appliance lost its cloud link. */
    public static final HomeConnectEventType DISCONNECTED = new HomeConnectEventType("DISCONNECTED");
    /** An appliance was added to the account (all-appliances stream only). */
    public static final HomeConnectEventType PAIRED = new HomeConnectEventType("PAIRED");
    /** An appliance was removed from the account (all-appliances stream only). */
    public static final HomeConnectEventType DEPAIRED = new HomeConnectEventType("DEPAIRED");
    /**
     * Made by the bridge, never sent by the cloud: the event stream was reconnected and events
     * between the two times its items name may be missing (design section 4, gap markers). Not
     * {@linkplain #isKnown() known} as a wire type, so an upstream event of this name is skipped
     * rather than taken for the bridge's own marker.
     */
    public static final HomeConnectEventType STREAM_RECONNECTED = new HomeConnectEventType("stream_reconnected");

    /**
     * Made by the bridge, never sent by the cloud: the account's refresh token was refused and a
     * person must authorise it again ({@code authorize homeconnect}); nothing flows until then.
     * Not a known wire type, like {@link #STREAM_RECONNECTED}.
     */
    public static final HomeConnectEventType AUTH_REQUIRED = new HomeConnectEventType("auth_required");

    private static final Map<String, HomeConnectEventType> KNOWN = List.of(
                    KEEP_ALIVE, STATUS, EVENT, NOTIFY, CONNECTED, DISCONNECTED, PAIRED, DEPAIRED)
            .stream()
            .collect(Collectors.toUnmodifiableMap(HomeConnectEventType::wireName, Function.identity()));

    /** Rejects a missing name; any other name, known or not, is a valid type. */
    public HomeConnectEventType {
        if (wireName == null) {
            throw new IllegalArgumentException("wireName must not be null");
        }
    }

    /** The constant for a known name, otherwise a new value that keeps the name as sent. */
    @JsonCreator
    public static HomeConnectEventType of(String wireName) {
        HomeConnectEventType known = KNOWN.get(wireName);
        return known != null ? known : new HomeConnectEventType(wireName);
    }

    /** Whether this is one of the wire types the protocol brief documents; the bridge's own types are not. */
    public boolean isKnown() {
        return KNOWN.containsKey(wireName);
    }

    /** CONNECTED, DISCONNECTED, PAIRED, DEPAIRED: data is empty, {@code ""} or one flat object. */
    public boolean isConnectionEvent() {
        return equals(CONNECTED) || equals(DISCONNECTED) || equals(PAIRED) || equals(DEPAIRED);
    }

    /** STATUS, EVENT, NOTIFY: data carries {@code items}. */
    public boolean carriesItems() {
        return equals(STATUS) || equals(EVENT) || equals(NOTIFY);
    }

    /** The wire name, which is also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return wireName;
    }
}
