package io.github.camelsmarthome.simulator.simplisafe;

/** What a recorded request was for. */
public enum RequestKind {
    /** The Auth0 tenant under {@code /auth}: authorize, login page, token endpoint. */
    AUTH,
    /** A REST call under {@code /api/v1}. */
    REST,
    /** A websocket upgrade at {@code /socketlink}. */
    WEBSOCKET,
    /** A camera clip or snapshot under {@code /media}. */
    MEDIA,
    /** Anything else (unknown paths). */
    OTHER;

    static RequestKind ofPath(String path) {
        if (path.startsWith(SimpliSafeSimulator.AUTH_PATH + "/")) {
            return AUTH;
        }
        if (path.startsWith(SimpliSafeSimulator.API_PATH + "/")) {
            return REST;
        }
        if (path.equals(SimpliSafeSimulator.SOCKET_PATH)) {
            return WEBSOCKET;
        }
        return path.startsWith(SimpliSafeSimulator.MEDIA_PATH + "/") ? MEDIA : OTHER;
    }
}
