package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;

/**
 * The REST conventions of brief section 3: the media type, the {@code {"data": …}} and
 * {@code {"error": …}} envelopes, 204 for writes, 406 and 415 for wrong media types; and the
 * plain JSON of the OAuth endpoints.
 */
final class ApiResponses {

    static final String BSH_JSON = "application/vnd.bsh.sdk.v1+json";
    static final String EVENT_STREAM = "text/event-stream";

    private ApiResponses() {
    }

    static void sendData(RoutingContext ctx, JsonNode body) {
        send(ctx, 200, BSH_JSON, SimulatorJson.write(SimulatorJson.data(body)));
    }

    static void sendNoContent(RoutingContext ctx) {
        if (!ctx.response().closed()) {
            ctx.response().setStatusCode(204).end();
        }
    }

    static void sendError(RoutingContext ctx, ApiError error) {
        sendError(ctx, error, 0);
    }

    static void sendError(RoutingContext ctx, ApiError error, long retryAfterSeconds) {
        if (retryAfterSeconds > 0 && !ctx.response().closed()) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        if (error.status() == 401 && !ctx.response().closed()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        send(ctx, error.status(), BSH_JSON, SimulatorJson.write(error.body()));
    }

    static void sendOAuth(RoutingContext ctx, int status, JsonNode body) {
        if (!ctx.response().closed()) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        send(ctx, status, "application/json;charset=utf-8", SimulatorJson.write(body));
    }

    static void sendOAuthError(RoutingContext ctx, OAuthError error, long retryAfterSeconds) {
        if (retryAfterSeconds > 0 && !ctx.response().closed()) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        sendOAuth(ctx, error.status(), error.body());
    }

    static void sendHtml(RoutingContext ctx, int status, String html) {
        send(ctx, status, "text/html;charset=utf-8", html);
    }

    /** 406 unless the client accepts the BSH media type (no header, a wildcard or the type itself). */
    static void requireAccepts(RoutingContext ctx, String mediaType) {
        if (!accepts(ctx.request().getHeader("Accept"), mediaType)) {
            throw new ApiErrorException(new ApiError(406, "SDK.Error.NotAcceptable",
                    "The Accept header must allow " + mediaType));
        }
    }

    static boolean accepts(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String family = mediaType.substring(0, mediaType.indexOf('/'));
        for (String range : accept.split(",")) {
            String type = mediaTypeOf(range);
            if (type.equals(mediaType) || type.equals("*/*") || type.equals(family + "/*")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code data} member of a PUT body, after the 415 and 400 checks. */
    static JsonNode readData(RoutingContext ctx) {
        if (!BSH_JSON.equals(mediaTypeOf(ctx.request().getHeader("Content-Type")))) {
            throw new ApiErrorException(new ApiError(415, "SDK.Error.UnsupportedMediaType",
                    "The Content-Type must be " + BSH_JSON));
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new ApiErrorException(ApiError.badRequest("The request needs a body {\"data\": …}"));
        }
        JsonNode tree;
        try {
            tree = SimulatorJson.MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            throw new ApiErrorException(ApiError.badRequest("The body is not valid JSON"));
        }
        if (tree == null || !tree.has("data")) {
            throw new ApiErrorException(ApiError.badRequest("The body must be wrapped as {\"data\": …}"));
        }
        return tree.get("data");
    }

    static String mediaTypeOf(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static void send(RoutingContext ctx, int status, String contentType, String body) {
        var response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }
}
