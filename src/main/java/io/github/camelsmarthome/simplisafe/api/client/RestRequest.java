package io.github.camelsmarthome.simplisafe.api.client;

import io.vertx.core.http.HttpMethod;

/**
 * One REST request, already encoded.
 *
 * @param operation  the client method, for messages ({@code getSensors})
 * @param method     GET or POST
 * @param path       the encoded path below the API base, starting with {@code /}
 * @param query      the query string without {@code ?}, or {@code null}
 * @param body       the JSON body, or {@code null}
 * @param repeatable whether a 5xx or a lost connection may be answered by sending it again: only
 *                   reads, because a repeated arm or lock command could act twice or late
 */
record RestRequest(String operation, HttpMethod method, String path, String query, String body, boolean repeatable) {

    static RestRequest read(String operation, String path, String query) {
        return new RestRequest(operation, HttpMethod.GET, path, query, null, true);
    }

    static RestRequest write(String operation, String path, String body) {
        return new RestRequest(operation, HttpMethod.POST, path, null, body, false);
    }

    /** {@code getSensors GET /ss3/subscriptions/12345/sensors}: what messages and logs show. */
    String description() {
        return operation + " " + method.name() + " " + path;
    }
}
