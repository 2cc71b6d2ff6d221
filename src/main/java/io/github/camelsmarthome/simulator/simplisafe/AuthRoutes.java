package io.github.camelsmarthome.simulator.simplisafe;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The tenant's HTTP face under {@code /auth}: {@code GET /authorize} (302 to the app callback, or
 * the login page), {@code POST /u/login} (the login form, the helper that completes the browser
 * step) and {@code POST /oauth/token}.
 */
final class AuthRoutes {

    static final String LOGIN_PATH = SimpliSafeSimulator.AUTH_PATH + "/u/login";

    private final Auth0Tenant tenant;

    AuthRoutes(Auth0Tenant tenant) {
        this.tenant = tenant;
    }

    void register(Router router) {
        router.get(SimpliSafeSimulator.AUTH_PATH + "/authorize").handler(this::authorize);
        router.post(LOGIN_PATH).handler(this::login);
        router.post(SimpliSafeSimulator.AUTH_PATH + "/oauth/token").handler(this::token);
    }

    private void authorize(RoutingContext ctx) {
        answer(ctx, tenant.authorize(Auth0Tenant.queryOf(ctx.request().query())));
    }

    private void login(RoutingContext ctx) {
        Map<String, String> form = Auth0Tenant.queryOf(ctx.body() == null ? null : ctx.body().asString());
        answer(ctx, tenant.login(form.get("login"), form.get("email"), form.get("password")));
    }

    private void token(RoutingContext ctx) {
        Auth0Tenant.TokenAnswer answer = tenant.token(TokenRequestBody.params(ctx));
        ctx.response().putHeader("Cache-Control", "no-store");
        RestAnswers.jsonBytes(ctx, answer.status(), answer.body());
    }

    private static void answer(RoutingContext ctx, Auth0Tenant.AuthorizeOutcome outcome) {
        if (outcome instanceof Auth0Tenant.Redirect redirect) {
            RestAnswers.redirect(ctx, redirect.location());
        } else if (outcome instanceof Auth0Tenant.LoginForm form) {
            RestAnswers.html(ctx, form.error() == null ? 200 : 401, LoginPage.render(form.loginId(), form.error()));
        } else if (outcome instanceof Auth0Tenant.Refusal refusal) {
            RestAnswers.html(ctx, refusal.status(), LoginPage.refusal(refusal.reason()));
        }
    }
}
