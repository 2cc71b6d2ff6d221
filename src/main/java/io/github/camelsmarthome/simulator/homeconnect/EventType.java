package io.github.camelsmarthome.simulator.homeconnect;

/** The event names of the Home Connect stream (brief section 8.3), with their wire spelling. */
public enum EventType {
    KEEP_ALIVE("KEEP-ALIVE"),
    STATUS("STATUS"),
    NOTIFY("NOTIFY"),
    EVENT("EVENT"),
    CONNECTED("CONNECTED"),
    DISCONNECTED("DISCONNECTED"),
    PAIRED("PAIRED"),
    DEPAIRED("DEPAIRED");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name after {@code event:} on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Whether the event is about the appliance's link rather than carrying items. */
    public boolean isConnectionEvent() {
        return this == CONNECTED || this == DISCONNECTED || this == PAIRED || this == DEPAIRED;
    }

    /** Whether only the all-appliances stream carries the event (brief section 8.1). */
    public boolean isAccountLevel() {
        return this == PAIRED || this == DEPAIRED;
    }
}
