package io.github.camelsmarthome.simulator.simplisafe;

import java.time.Instant;

/**
 * One request the simulator received. Query strings, headers and bodies are not kept: they carry
 * codes, verifiers and tokens.
 *
 * @param time   when the request arrived (wall clock of the simulator)
 * @param method HTTP method
 * @param path   the path, without query string
 * @param status the status answered (101 for an accepted websocket upgrade); 0 when the
 *               connection closed before any answer
 * @param kind   auth, REST, websocket or media
 */
public record RecordedRequest(Instant time, String method, String path, int status, RequestKind kind) {
}
