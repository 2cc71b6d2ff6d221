package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every REST path of brief section 4 and the two event-stream paths, mapped onto the household.
 * Checks run in this order: {@code Accept} (406), appliance known and paired (404), scope (403),
 * then the appliance's own rules (404/409), each as the envelope of brief section 6.
 */
final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final String APPLIANCE = "/api/homeappliances/:haId";

    /** A read: builds the {@code data} body under the appliance's lock. */
    @FunctionalInterface
    private interface Read {
        ObjectNode body(RoutingContext ctx, SimulatedAppliance appliance);
    }

    /** A write: applies the {@code data} body under the appliance's lock; answered 204. */
    @FunctionalInterface
    private interface Write {
        void apply(RoutingContext ctx, SimulatedAppliance appliance, JsonNode data);
    }

    private final SimulatedHousehold household;
    private final EventStreamHub streams;

    ApiRoutes(SimulatedHousehold household, EventStreamHub streams) {
        this.household = household;
        this.streams = streams;
    }

    void register(Router router) {
        router.get("/api/homeappliances").handler(ctx -> answer(ctx, () -> {
            ApiResponses.requireAccepts(ctx, ApiResponses.BSH_JSON);
            ApiScope.IDENTIFY_APPLIANCE.require(ctx.get(RequestGate.GRANT), null);
            ApiResponses.sendData(ctx, household.listBody());
        }));
        router.get("/api/homeappliances/events").handler(ctx -> answer(ctx, () -> openStream(ctx, null)));
        get(router, APPLIANCE, ApiScope.IDENTIFY_APPLIANCE, (ctx, a) -> a.describe());
        router.get(APPLIANCE + "/events").handler(ctx -> answer(ctx, () -> openStream(ctx, appliance(ctx))));

        get(router, APPLIANCE + "/status", ApiScope.MONITOR, (ctx, a) -> a.state().statusBody());
        get(router, APPLIANCE + "/status/:key", ApiScope.MONITOR, (ctx, a) -> a.state().statusItem(ctx.pathParam("key")));

        get(router, APPLIANCE + "/settings", ApiScope.SETTINGS, (ctx, a) -> a.state().settingsBody());
        write(router, HttpMethod.PUT, APPLIANCE + "/settings", ApiScope.SETTINGS, (ctx, a, data) -> {
            for (JsonNode setting : bulkList(data)) {
                a.state().writeSetting(requiredKey(setting, null), setting.get("value"), a.programs().programActive());
            }
        });
        get(router, APPLIANCE + "/settings/:key", ApiScope.SETTINGS, (ctx, a) -> a.state().settingItem(ctx.pathParam("key")));
        write(router, HttpMethod.PUT, APPLIANCE + "/settings/:key", ApiScope.SETTINGS, (ctx, a, data) -> {
            String key = requiredKey(data, ctx.pathParam("key"));
            a.state().writeSetting(key, data.get("value"), a.programs().programActive());
        });

        registerPrograms(router);

        get(router, APPLIANCE + "/commands", ApiScope.MONITOR, (ctx, a) -> a.commands().commandsBody());
        write(router, HttpMethod.PUT, APPLIANCE + "/commands", ApiScope.CONTROL, (ctx, a, data) -> {
            for (JsonNode command : bulkList(data)) {
                a.commands().execute(requiredKey(command, null), command.get("value"));
            }
        });
        write(router, HttpMethod.PUT, APPLIANCE + "/commands/:key", ApiScope.CONTROL, (ctx, a, data) ->
                a.commands().execute(requiredKey(data, ctx.pathParam("key")), data.get("value")));

        get(router, APPLIANCE + "/images", ApiScope.IMAGES, (ctx, a) -> a.imagesBody());
        router.get(APPLIANCE + "/images/:imageKey").handler(ctx -> answer(ctx, () -> {
            SimulatedAppliance appliance = appliance(ctx);
            ApiScope.IMAGES.require(ctx.get(RequestGate.GRANT), appliance.type());
            ApplianceImage image = appliance.locked(() -> appliance.image(ctx.pathParam("imageKey")));
            ctx.response().putHeader("Content-Type", "image/jpeg").end(Buffer.buffer(image.bytes()));
        }));
    }

    private void registerPrograms(Router router) {
        String programs = APPLIANCE + "/programs";
        get(router, programs, ApiScope.MONITOR, (ctx, a) -> a.programs().listingBody());
        get(router, programs + "/available", ApiScope.MONITOR, (ctx, a) -> a.programs().availableBody());
        get(router, programs + "/available/:key", ApiScope.MONITOR, (ctx, a) -> a.programs().definitionBody(ctx.pathParam("key")));

        get(router, programs + "/active", ApiScope.MONITOR, (ctx, a) -> a.programs().activeBody());
        write(router, HttpMethod.PUT, programs + "/active", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().start(requiredKey(data, null), data.get("options"), ProgramControl.Origin.API));
        write(router, HttpMethod.DELETE, programs + "/active", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().stop(ProgramControl.Origin.API));
        get(router, programs + "/active/options", ApiScope.MONITOR, (ctx, a) -> a.programs().activeOptionsBody());
        write(router, HttpMethod.PUT, programs + "/active/options", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().putActiveOptions(optionList(data)));
        get(router, programs + "/active/options/:key", ApiScope.MONITOR, (ctx, a) -> a.programs().activeOption(ctx.pathParam("key")));
        write(router, HttpMethod.PUT, programs + "/active/options/:key", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().putActiveOptions(singleOption(data, ctx.pathParam("key"))));

        get(router, programs + "/selected", ApiScope.MONITOR, (ctx, a) -> a.programs().selectedBody());
        write(router, HttpMethod.PUT, programs + "/selected", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().select(requiredKey(data, null), data.get("options")));
        get(router, programs + "/selected/options", ApiScope.MONITOR, (ctx, a) -> a.programs().selectedOptionsBody());
        write(router, HttpMethod.PUT, programs + "/selected/options", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().putSelectedOptions(optionList(data)));
        get(router, programs + "/selected/options/:key", ApiScope.MONITOR, (ctx, a) -> a.programs().selectedOption(ctx.pathParam("key")));
        write(router, HttpMethod.PUT, programs + "/selected/options/:key", ApiScope.CONTROL, (ctx, a, data) ->
                a.programs().putSelectedOptions(singleOption(data, ctx.pathParam("key"))));
    }

    private void get(Router router, String path, ApiScope scope, Read read) {
        router.get(path).handler(ctx -> answer(ctx, () -> {
            ApiResponses.requireAccepts(ctx, ApiResponses.BSH_JSON);
            SimulatedAppliance appliance = appliance(ctx);
            scope.require(ctx.get(RequestGate.GRANT), appliance.type());
            ApiResponses.sendData(ctx, appliance.locked(() -> read.body(ctx, appliance)));
        }));
    }

    private void write(Router router, HttpMethod method, String path, ApiScope scope, Write write) {
        router.route(method, path).handler(ctx -> answer(ctx, () -> {
            ApiResponses.requireAccepts(ctx, ApiResponses.BSH_JSON);
            SimulatedAppliance appliance = appliance(ctx);
            scope.require(ctx.get(RequestGate.GRANT), appliance.type());
            JsonNode data = method == HttpMethod.DELETE ? null : ApiResponses.readData(ctx);
            appliance.locked(() -> write.apply(ctx, appliance, data));
            ApiResponses.sendNoContent(ctx);
        }));
    }

    private void openStream(RoutingContext ctx, SimulatedAppliance appliance) {
        if (!ApiResponses.accepts(ctx.request().getHeader("Accept"), ApiResponses.EVENT_STREAM)) {
            throw new ApiErrorException(new ApiError(406, "SDK.Error.NotAcceptable",
                    "The Accept header must allow " + ApiResponses.EVENT_STREAM));
        }
        AccessGrant grant = ctx.get(RequestGate.GRANT);
        ApiScope.MONITOR.require(grant, appliance == null ? null : appliance.type());
        streams.open(ctx, appliance == null ? null : appliance.haId(), grant, ctx.get(RequestGate.ACCESS_TOKEN));
    }

    private SimulatedAppliance appliance(RoutingContext ctx) {
        String haId = ctx.pathParam("haId");
        SimulatedAppliance appliance = household.findPaired(haId);
        if (appliance == null) {
            throw new ApiErrorException(ApiError.notFound("SDK.Error.ResourceNotFound", "No home appliance with id " + haId));
        }
        return appliance;
    }

    /** The {@code key} of a body, checked against the path's key when there is one. */
    private static String requiredKey(JsonNode data, String pathKey) {
        JsonNode key = data == null ? null : data.get("key");
        if (key == null || !key.isTextual()) {
            if (pathKey != null && data != null && data.isObject()) {
                return pathKey;
            }
            throw new ApiErrorException(ApiError.badRequest("The body needs a \"key\""));
        }
        if (pathKey != null && !pathKey.equals(key.asText())) {
            throw new ApiErrorException(ApiError.badRequest("The key in the body differs from the key in the path"));
        }
        return key.asText();
    }

    /** Bulk bodies come as {@code {"data": [...]}} or, from OpenAPI-generated clients, {@code {"data": {"data": [...]}}}. */
    private static JsonNode bulkList(JsonNode data) {
        JsonNode list = data != null && data.isObject() ? data.get("data") : data;
        if (list == null || !list.isArray()) {
            throw new ApiErrorException(ApiError.badRequest("A bulk body is a list of {key, value} objects"));
        }
        return list;
    }

    private static JsonNode optionList(JsonNode data) {
        JsonNode options = data == null ? null : data.get("options");
        if (options == null || !options.isArray()) {
            throw new ApiErrorException(ApiError.badRequest("The body needs an \"options\" list"));
        }
        return options;
    }

    private static JsonNode singleOption(JsonNode data, String pathKey) {
        String key = requiredKey(data, pathKey);
        if (!data.has("value")) {
            throw new ApiErrorException(ApiError.badRequest("The body needs a \"value\""));
        }
        ObjectNode option = SimulatorJson.object();
        option.put("key", key);
        option.set("value", data.get("value"));
        return SimulatorJson.NODES.arrayNode().add(option);
    }

    private static void answer(RoutingContext ctx, Runnable handler) {
        try {
            handler.run();
        } catch (ApiErrorException e) {
            ApiResponses.sendError(ctx, e.error());
        } catch (RuntimeException e) {
            LOG.warn("Simulator failed on {} {}", ctx.request().method(), ctx.request().path(), e);
            ApiResponses.sendError(ctx, ApiError.serverFailure(500));
        }
    }
}
