package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Instant;

/**
 * One request the simulator received. Query strings and bodies are not kept: they can carry
 * codes and secrets.
 *
 * @param time   when the request arrived
 * @param method HTTP method
 * @param path   the path, without query string
 * @param status the status answered; 0 when the connection closed before any answer
 * @param kind   OAuth, REST or event stream
 */
public record RecordedRequest(Instant time, String method, String path, int status, RequestKind kind) {

    static RequestKind kindOf(String path) {
        if (path.startsWith("/security/oauth/")) {
            return RequestKind.OAUTH;
        }
        if (path.equals("/api/homeappliances/events")
                || (path.startsWith("/api/homeappliances/") && path.endsWith("/events"))) {
            return RequestKind.EVENT_STREAM;
        }
        return path.startsWith("/api/") ? RequestKind.REST : RequestKind.OTHER;
    }
}
