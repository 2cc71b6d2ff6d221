package io.github.camelsmarthome.simulator.simplisafe;

/** Which requests an armed fault hits. */
public enum FaultTarget {
    /** {@code POST /auth/oauth/token}: code exchanges and refreshes. */
    TOKEN_ENDPOINT,
    /** The browser side of the tenant: {@code /auth/authorize} and the login form. */
    AUTHORIZE,
    /** Every REST call under {@code /api/v1}, arming included. */
    REST,
    /** Arming and disarming only: {@code POST …/state/{off|home|away}} (V3) and {@code POST subscriptions/{sid}/state} (V2). */
    ARMING,
    /** The websocket upgrade. */
    WEBSOCKET_UPGRADE,
    /** Camera media downloads. */
    MEDIA,
    /** Every request. */
    ANY;

    boolean covers(FaultTarget actual) {
        return this == ANY || this == actual || (this == REST && actual == ARMING);
    }
}
