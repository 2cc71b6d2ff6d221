package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The REST API under {@code /api/v1} (brief sections 1 and 4) over the one simulated V3 system.
 * Every route runs after the bearer check; mutations change what later GETs answer.
 */
final class RestRoutes {

    private static final String API = SimpliSafeSimulator.API_PATH;
    private static final String V3 = API + "/ss3/subscriptions/:sid";
    private static final int DEFAULT_EVENT_COUNT = 50;

    private final SimulatedSystem system;
    private final SimulatedTime time;

    RestRoutes(SimulatedSystem system, SimulatedTime time) {
        this.system = system;
        this.time = time;
    }

    void register(Router router) {
        router.get(API + "/api/authCheck").handler(this::authCheck);
        router.get(API + "/users/:uid/subscriptions").handler(this::subscriptions);
        router.get(API + "/subscriptions/:sid").handler(ctx -> withSystem(ctx, () -> {
            ObjectNode body = SimpliSafeJson.object();
            body.set("subscription", system.subscriptionView());
            RestAnswers.json(ctx, 200, body);
        }));
        router.get(V3 + "/sensors").handler(ctx -> withRemoteControl(ctx, () -> RestAnswers.json(ctx, 200, system.sensorsView())));
        router.get(V3 + "/settings/normal").handler(ctx -> withRemoteControl(ctx, () -> RestAnswers.json(ctx, 200, system.settingsView())));
        router.post(V3 + "/settings/normal").handler(ctx -> withRemoteControl(ctx, () -> {
            String refusal = system.applyNormalSettings(RequestGate.jsonBody(ctx), time.now());
            if (refusal != null) {
                RestAnswers.error(ctx, 400, "BadRequest", refusal);
            } else {
                RestAnswers.json(ctx, 200, system.settingsView());
            }
        }));
        router.post(V3 + "/settings/pins").handler(ctx -> withRemoteControl(ctx, () -> {
            String refusal = system.replacePins(RequestGate.jsonBody(ctx), time.now());
            if (refusal != null) {
                // The brief's table: a rejected PIN is HTTP 200 whose body says PinError.
                RestAnswers.json(ctx, 200, RestAnswers.errorBody("PinError", refusal, "200", 200));
            } else {
                RestAnswers.json(ctx, 200, system.settingsView());
            }
        }));
        router.post(V3 + "/state/:mode").handler(this::arm);
        router.delete(V3 + "/messages").handler(ctx -> withSystem(ctx, () -> {
            system.clearMessages();
            ObjectNode body = SimpliSafeJson.object();
            body.put("success", true);
            RestAnswers.json(ctx, 200, body);
        }));
        router.get(API + "/subscriptions/:sid/events").handler(this::events);
        router.get(API + "/doorlock/:sid").handler(ctx -> withSystem(ctx, () -> RestAnswers.json(ctx, 200, system.locks().doorlockView())));
        router.post(API + "/doorlock/:sid/:serial/state").handler(this::commandLock);
        for (String v2 : List.of("/subscriptions/:sid/state", "/subscriptions/:sid/settings", "/subscriptions/:sid/pins",
                "/subscriptions/:sid/messages")) {
            // Brief section 10: the V2 family on a V3 system is 406.
            router.route(API + v2).handler(ctx -> withSystem(ctx, () -> RestAnswers.error(ctx, 406, "NotAcceptable",
                    "This endpoint is for SimpliSafe 2 systems; system " + system.sid() + " is version 3")));
        }
    }

    private void authCheck(RoutingContext ctx) {
        ObjectNode body = (ObjectNode) SimpliSafeJson.fixture("auth_check_response.json");
        body.put("userId", (long) ctx.get(RequestGate.USER_ID));
        RestAnswers.json(ctx, 200, body);
    }

    private void subscriptions(RoutingContext ctx) {
        long caller = ctx.get(RequestGate.USER_ID);
        if (!ctx.pathParam("uid").equals(Long.toString(caller))) {
            RestAnswers.error(ctx, 403, "Forbidden", "The token does not belong to user " + ctx.pathParam("uid"));
            return;
        }
        ObjectNode body = SimpliSafeJson.object();
        var subscriptions = body.putArray("subscriptions");
        if (caller == system.userId()) {
            subscriptions.add(system.subscriptionView());
        }
        RestAnswers.json(ctx, 200, body);
    }

    private void arm(RoutingContext ctx) {
        withRemoteControl(ctx, () -> {
            AlarmMode mode = AlarmMode.ofPathName(ctx.pathParam("mode"));
            if (mode == null) {
                RestAnswers.error(ctx, 400, "BadRequest", "The state must be off, home or away");
                return;
            }
            RestAnswers.json(ctx, 200, system.armFromRemote(mode));
        });
    }

    private void events(RoutingContext ctx) {
        withSystem(ctx, () -> {
            Integer count = parse(ctx, "numEvents", DEFAULT_EVENT_COUNT);
            Long from = ctx.queryParams().contains("fromTimestamp") ? parseLong(ctx.queryParams().get("fromTimestamp")) : null;
            if (count == null || count < 1 || (ctx.queryParams().contains("fromTimestamp") && from == null)) {
                RestAnswers.error(ctx, 400, "BadRequest", "numEvents must be a positive integer and fromTimestamp Unix seconds");
                return;
            }
            List<SimulatedEvent> events = system.history().query(system.sid(), from, count);
            ObjectNode body = SimpliSafeJson.object();
            body.put("numEvents", count);
            if (!events.isEmpty()) {
                body.put("lastEventTimestamp", events.get(0).eventTimestamp());
            }
            var items = body.putArray("events");
            events.forEach(event -> items.add(event.historyItem()));
            RestAnswers.json(ctx, 200, body);
        });
    }

    private void commandLock(RoutingContext ctx) {
        withRemoteControl(ctx, () -> {
            String serial = ctx.pathParam("serial");
            if (!system.locks().isLock(serial)) {
                RestAnswers.error(ctx, 404, "NotFound", "No lock " + serial + " in system " + system.sid());
                return;
            }
            JsonNode body = RequestGate.jsonBody(ctx);
            String state = body == null ? "" : body.path("state").asText();
            if (!state.equals("lock") && !state.equals("unlock")) {
                RestAnswers.error(ctx, 400, "BadRequest", "The body must be {\"state\":\"lock\"} or {\"state\":\"unlock\"}");
                return;
            }
            system.locks().command(serial, state.equals("lock"));
            RestAnswers.emptyOk(ctx);
        });
    }

    private void withSystem(RoutingContext ctx, Runnable route) {
        if (!ctx.pathParam("sid").equals(Long.toString(system.sid()))) {
            RestAnswers.error(ctx, 404, "NotFound", "No subscription " + ctx.pathParam("sid") + " on this account");
            return;
        }
        route.run();
    }

    private void withRemoteControl(RoutingContext ctx, Runnable route) {
        withSystem(ctx, () -> {
            if (!system.remoteControlAllowed()) {
                RestAnswers.noRemoteManagement(ctx);
                return;
            }
            route.run();
        });
    }

    private static Integer parse(RoutingContext ctx, String name, int absent) {
        String value = ctx.queryParams().get(name);
        if (value == null) {
            return absent;
        }
        Long parsed = parseLong(value);
        return parsed == null || parsed > Integer.MAX_VALUE ? null : parsed.intValue();
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
