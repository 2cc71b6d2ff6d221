package io.github.camelsmarthome.simulator.homeconnect;

/**
 * The shapes in which the cloud has been seen to send the data of CONNECTED, DISCONNECTED,
 * PAIRED and DEPAIRED events (brief section 8.5, rule 2).
 */
public enum ConnectionEventShape {
    /** A flat JSON object: {@code haId}, {@code handling}, {@code key}, {@code level}, {@code timestamp}, {@code value}. */
    FLAT_JSON,
    /** An empty {@code data:} line. */
    EMPTY,
    /** {@code data:""}, the two quote characters openHAB calls {@code EMPTY_DATA}. */
    QUOTES,
    /** No {@code data:} line at all, as in older recordings. */
    NO_DATA_LINE
}
