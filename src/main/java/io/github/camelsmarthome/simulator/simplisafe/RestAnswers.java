package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * The answers of brief sections 2 and 10: JSON bodies, the quoted-string {@code "Unauthorized"},
 * the SimpliSafe error object {@code {type, message, code, statusCode, props}}, and the non-JSON
 * gateway pages that a client must survive (parsing rule 2).
 */
final class RestAnswers {

    static final String JSON = "application/json; charset=utf-8";

    private RestAnswers() {
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        send(ctx, status, JSON, SimpliSafeJson.write(body).getBytes(StandardCharsets.UTF_8));
    }

    static void jsonBytes(RoutingContext ctx, int status, byte[] body) {
        send(ctx, status, JSON, body);
    }

    /** 200 with no body at all, as the lock endpoint answers (brief section 4.5). */
    static void emptyOk(RoutingContext ctx) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(200).end();
        }
    }

    /** 401 with the body {@code "Unauthorized"}: a bare JSON string, parsing rule 3. */
    static void unauthorized(RoutingContext ctx) {
        send(ctx, 401, JSON, "\"Unauthorized\"".getBytes(StandardCharsets.UTF_8));
    }

    /** 403 NoRemoteManagement, the fixture's bytes. */
    static void noRemoteManagement(RoutingContext ctx) {
        jsonBytes(ctx, 403, SimpliSafeJson.fixtureBytes("unavailable_endpoint_response.json"));
    }

    /** 409 SettingsInProgress, the body homebridge-simplisafe3 issue #85 quotes. */
    static void settingsInProgress(RoutingContext ctx) {
        json(ctx, 409, errorBody("SettingsInProgress",
                "The Settings Requested are already being modified and cannot be accessed at this time", "200", 409));
    }

    /** A SimpliSafe error object with this status. */
    static void error(RoutingContext ctx, int status, String type, String message) {
        json(ctx, status, errorBody(type, message, Integer.toString(status), status));
    }

    /** What a load balancer answers for 5xx: an HTML page, not JSON. */
    static void gatewayPage(RoutingContext ctx, int status) {
        String title = status + " " + reason(status);
        String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        send(ctx, status, "text/html", page.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer of an armed REST fault. */
    static void restFailure(RoutingContext ctx, int status) {
        switch (status) {
            case 401 -> unauthorized(ctx);
            case 403 -> noRemoteManagement(ctx);
            case 409 -> settingsInProgress(ctx);
            default -> {
                if (status >= 500) {
                    gatewayPage(ctx, status);
                } else {
                    error(ctx, status, reason(status).replace(" ", ""), reason(status));
                }
            }
        }
    }

    /** The answer of an armed token-endpoint fault; 403 is the fixture {@code invalid_grant} of the grant tried. */
    static void tokenFailure(RoutingContext ctx, int status, String grantType) {
        if (status == 401) {
            unauthorized(ctx);
        } else if (status == 403) {
            jsonBytes(ctx, 403, SimpliSafeJson.fixtureBytes("refresh_token".equals(grantType)
                    ? "invalid_refresh_token_response.json" : "invalid_authorization_code_response.json"));
        } else if (status >= 500) {
            ObjectNode body = SimpliSafeJson.object();
            body.put("error", "server_error");
            body.put("error_description", reason(status));
            json(ctx, status, body);
        } else {
            ObjectNode body = SimpliSafeJson.object();
            body.put("error", status == 429 ? "too_many_requests" : "invalid_request");
            body.put("error_description", reason(status));
            json(ctx, status, body);
        }
    }

    /** A plain-text answer, for refused websocket upgrades and media. */
    static void text(RoutingContext ctx, int status, String text) {
        send(ctx, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void html(RoutingContext ctx, int status, String html) {
        send(ctx, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(RoutingContext ctx, String location) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
        }
    }

    static ObjectNode errorBody(String type, String message, String code, int statusCode) {
        ObjectNode body = SimpliSafeJson.object();
        body.put("type", type);
        body.put("message", message);
        body.put("code", code);
        body.put("statusCode", statusCode);
        body.putObject("props");
        return body;
    }

    static String reason(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private static void send(RoutingContext ctx, int status, String contentType, byte[] body) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", contentType).end(Buffer.buffer(body));
    }
}
