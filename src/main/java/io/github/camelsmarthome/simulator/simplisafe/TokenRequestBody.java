package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a token request. The clients of the brief send JSON (section 3.2 step 5);
 * Auth0 also takes a form, so both are read.
 */
final class TokenRequestBody {

    private TokenRequestBody() {
    }

    static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            String body = ctx.body() == null ? null : ctx.body().asString();
            params.putAll(Auth0Tenant.queryOf(body));
            return params;
        }
        JsonNode json = RequestGate.jsonBody(ctx);
        if (json != null && json.isObject()) {
            json.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    params.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        return params;
    }
}
