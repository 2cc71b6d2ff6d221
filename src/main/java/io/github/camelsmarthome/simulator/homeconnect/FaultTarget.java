package io.github.camelsmarthome.simulator.homeconnect;

/** Which requests a request fault applies to. */
public enum FaultTarget {
    /** REST calls under {@code /api}, not stream opens. */
    REST,
    /** Opening an event stream. */
    EVENT_STREAM,
    /** REST calls and stream opens. */
    API,
    /** {@code POST /security/oauth/token}. */
    TOKEN_ENDPOINT,
    /** Every request. */
    ANY;

    boolean covers(FaultTarget actual) {
        return this == ANY || this == actual || (this == API && (actual == REST || actual == EVENT_STREAM));
    }
}
