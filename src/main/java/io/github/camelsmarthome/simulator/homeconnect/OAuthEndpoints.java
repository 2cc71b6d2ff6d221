package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /security/oauth/*} (brief section 2): authorize and grant (authorization-code flow),
 * device authorization and its verification page (device flow), and the token endpoint for the
 * {@code authorization_code}, {@code device_code} and {@code refresh_token} grants. Inputs are
 * form-encoded (415 otherwise), errors are plain OAuth JSON. Log lines name apps by a shortened
 * client id and never carry codes, tokens or secrets.
 */
final class OAuthEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthEndpoints.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final AuthorizationServer auth;
    private final RequestQuota quota;
    private final Supplier<String> baseUrl;

    OAuthEndpoints(AuthorizationServer auth, RequestQuota quota, Supplier<String> baseUrl) {
        this.auth = auth;
        this.quota = quota;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.get("/security/oauth/authorize").handler(ctx -> answer(ctx, () -> authorize(ctx)));
        router.post("/security/oauth/grant").handler(ctx -> answer(ctx, () -> grant(ctx)));
        router.post("/security/oauth/token").handler(ctx -> answer(ctx, () -> token(ctx)));
        router.post("/security/oauth/device_authorization").handler(ctx -> answer(ctx, () -> deviceAuthorization(ctx)));
        router.get("/security/oauth/device").handler(ctx -> ApiResponses.sendHtml(ctx, 200,
                OAuthPages.verificationPage(ctx.request().getParam("user_code"), null)));
        router.post("/security/oauth/device").handler(ctx -> answer(ctx, () -> verify(ctx)));
    }

    private void authorize(RoutingContext ctx) {
        var request = ctx.request();
        OAuthClientRegistration client = auth.clients().require(request.getParam("client_id"));
        String redirectUri = request.getParam("redirect_uri");
        if (redirectUri == null && !client.redirectUris().isEmpty()) {
            redirectUri = client.redirectUris().get(0);
        }
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            // Never redirect to an unregistered URI: the error is shown, not sent anywhere.
            throw new OAuthError(400, "unauthorized_client", "client or redirection URI not authorized").exception();
        }
        String state = request.getParam("state");
        if (!client.authorizationCodeFlow()) {
            redirect(ctx, redirectUri, Map.of("error", "unauthorized_client",
                    "error_description", "client not authorized for this oauth flow (grant_type)"), state);
            return;
        }
        if (!"code".equals(request.getParam("response_type"))) {
            redirect(ctx, redirectUri, Map.of("error", "unsupported_response_type",
                    "error_description", "response_type must be code"), state);
            return;
        }
        String scope = scopeOrDefault(request.getParam("scope"));
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("client_id", client.clientId());
        grant.put("redirect_uri", redirectUri);
        grant.put("scope", scope);
        grant.put("state", state);
        grant.put("code_challenge", request.getParam("code_challenge"));
        grant.put("code_challenge_method", request.getParam("code_challenge_method"));
        if ("me".equals(request.getParam("user"))) {
            issueCode(ctx, grant);
        } else {
            ApiResponses.sendHtml(ctx, 200, OAuthPages.grantPage(grant, scope));
        }
    }

    private void grant(RoutingContext ctx) {
        requireForm(ctx);
        var form = ctx.request();
        OAuthClientRegistration client = auth.clients().require(form.getFormAttribute("client_id"));
        String redirectUri = form.getFormAttribute("redirect_uri");
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            throw new OAuthError(400, "unauthorized_client", "client or redirection URI not authorized").exception();
        }
        if (!"approve".equals(form.getFormAttribute("action"))) {
            redirect(ctx, redirectUri, Map.of("error", "access_denied", "error_description", "The user denied access"),
                    form.getFormAttribute("state"));
            return;
        }
        Map<String, String> grant = new LinkedHashMap<>();
        for (String name : new String[] {"client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"}) {
            grant.put(name, form.getFormAttribute(name));
        }
        issueCode(ctx, grant);
    }

    private void issueCode(RoutingContext ctx, Map<String, String> grant) {
        String method = grant.get("code_challenge_method");
        String code = auth.codes().issue(grant.get("client_id"), grant.get("redirect_uri"),
                TokenAuthority.parseScopes(scopeOrDefault(grant.get("scope"))), grant.get("code_challenge"),
                method == null ? "plain" : method);
        redirect(ctx, grant.get("redirect_uri"), Map.of("code", code), grant.get("state"));
    }

    private void token(RoutingContext ctx) {
        requireForm(ctx);
        var form = ctx.request();
        String clientId = form.getFormAttribute("client_id");
        QuotaRefusal refusal = quota.admitTokenRequest(clientId);
        if (refusal != null) {
            ApiResponses.sendOAuthError(ctx, refusal.oauthError(), refusal.retryAfterSeconds());
            return;
        }
        String grantType = form.getFormAttribute("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("missing or invalid request parameters").exception();
        }
        String secret = form.getFormAttribute("client_secret");
        TokenSet tokens;
        switch (grantType) {
            case "authorization_code" -> {
                OAuthClientRegistration client = auth.clients().require(clientId);
                if (!client.authorizationCodeFlow()) {
                    throw OAuthError.flowNotAllowed().exception();
                }
                if (client.clientSecret() != null && !client.secretMatches(secret)) {
                    throw OAuthError.invalidClientSecret().exception();
                }
                var redeemed = auth.codes().redeem(form.getFormAttribute("code"), clientId,
                        form.getFormAttribute("redirect_uri"), form.getFormAttribute("code_verifier"));
                tokens = auth.tokens().issue(redeemed.clientId(), redeemed.scopes(), client.clientSecret() != null);
            }
            case "device_code", "urn:ietf:params:oauth:grant-type:device_code" -> {
                OAuthClientRegistration client = auth.clients().require(clientId);
                if (!client.deviceFlow()) {
                    throw OAuthError.flowNotAllowed().exception();
                }
                if (secret != null && !client.secretMatches(secret)) {
                    throw OAuthError.invalidClientSecret().exception();
                }
                var approved = auth.devices().poll(form.getFormAttribute("device_code"), clientId);
                tokens = auth.tokens().issue(approved.clientId(), approved.scopes(), false);
            }
            case "refresh_token" -> tokens = auth.tokens().refresh(form.getFormAttribute("refresh_token"), clientId, secret,
                    form.getFormAttribute("scope"), auth.clients());
            default -> throw new OAuthError(400, "unsupported_grant_type", "grant_type " + grantType + " is not supported").exception();
        }
        LOG.info("Home Connect simulator issued tokens ({} grant) to client {}", grantType, shortId(clientId));
        ApiResponses.sendOAuth(ctx, 200, tokens.toJson());
    }

    private void deviceAuthorization(RoutingContext ctx) {
        requireForm(ctx);
        OAuthClientRegistration client = auth.clients().require(ctx.request().getFormAttribute("client_id"));
        if (!client.deviceFlow()) {
            throw OAuthError.flowNotAllowed().exception();
        }
        Set<String> scopes = TokenAuthority.parseScopes(scopeOrDefault(ctx.request().getFormAttribute("scope")));
        var started = auth.devices().start(client.clientId(), scopes, baseUrl.get() + "/security/oauth/device");
        LOG.info("Home Connect simulator started a device login for client {}", shortId(client.clientId()));
        ObjectNode body = SimulatorJson.object();
        body.put("device_code", started.deviceCode());
        body.put("user_code", started.request().userCode());
        body.put("verification_uri", started.request().verificationUri());
        body.put("verification_uri_complete", started.request().verificationUriComplete());
        body.put("expires_in", started.expiresInSeconds());
        body.put("interval", started.intervalSeconds());
        ApiResponses.sendOAuth(ctx, 200, body);
    }

    private void verify(RoutingContext ctx) {
        String userCode = ctx.request().getFormAttribute("user_code");
        boolean approve = "approve".equals(ctx.request().getFormAttribute("action"));
        boolean done = approve ? auth.approveDeviceCode(userCode) : auth.denyDeviceCode(userCode);
        String message = !done ? "Unknown or expired user code." : approve ? "Approved: the device is logged in." : "Denied.";
        ApiResponses.sendHtml(ctx, done ? 200 : 400, OAuthPages.verificationPage(done ? null : userCode, message));
    }

    private static void requireForm(RoutingContext ctx) {
        if (!FORM.equals(ApiResponses.mediaTypeOf(ctx.request().getHeader("Content-Type")))) {
            throw new OAuthError(415, "invalid_request", "Content-Type must be " + FORM).exception();
        }
    }

    private static String scopeOrDefault(String scope) {
        return scope == null || scope.isBlank() ? SimulatorOptions.DEFAULT_SCOPE : scope;
    }

    private static void redirect(RoutingContext ctx, String redirectUri, Map<String, String> params, String state) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        all.forEach((name, value) -> location.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        location.setLength(location.length() - 1);
        ctx.response().setStatusCode(302).putHeader("Location", location.toString()).end();
    }

    /** Enough of a client id to tell apps apart in a log, not the whole identifier. */
    static String shortId(String clientId) {
        if (clientId == null) {
            return "(none)";
        }
        return clientId.length() <= 8 ? clientId : clientId.substring(0, 8) + "…";
    }

    private static void answer(RoutingContext ctx, Runnable handler) {
        try {
            handler.run();
        } catch (OAuthException e) {
            ApiResponses.sendOAuthError(ctx, e.error(), 0);
        } catch (RuntimeException e) {
            LOG.warn("Home Connect simulator failed on {} {}", ctx.request().method(), ctx.request().path(), e);
            ApiResponses.sendOAuthError(ctx, new OAuthError(500, "server_error", "internal error"), 0);
        }
    }
}
