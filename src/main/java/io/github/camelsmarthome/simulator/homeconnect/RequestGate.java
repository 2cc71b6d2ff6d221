package io.github.camelsmarthome.simulator.homeconnect;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every request passes before its route: it is recorded, delayed or failed by armed faults,
 * and on {@code /api} checked for a bearer token and counted against the app's quota.
 */
final class RequestGate {

    static final String GRANT = "simulator.grant";
    static final String ACCESS_TOKEN = "simulator.accessToken";

    private final SimulationClock clock;
    private final SimulationScheduler scheduler;
    private final RequestLog log;
    private final FaultInjector faults;
    private final TokenAuthority tokens;
    private final RequestQuota quota;

    RequestGate(SimulationClock clock, SimulationScheduler scheduler, RequestLog log, FaultInjector faults,
            TokenAuthority tokens, RequestQuota quota) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.log = log;
        this.faults = faults;
        this.tokens = tokens;
        this.quota = quota;
    }

    /** First handler: records the request once its status line is written. */
    void record(RoutingContext ctx) {
        Instant arrived = clock.now();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        AtomicBoolean recorded = new AtomicBoolean();
        ctx.addHeadersEndHandler(v -> {
            if (recorded.compareAndSet(false, true)) {
                log.record(new RecordedRequest(arrived, method, path, ctx.response().getStatusCode(), RecordedRequest.kindOf(path)));
            }
        });
        ctx.put("simulator.unanswered", (Runnable) () -> {
            if (recorded.compareAndSet(false, true)) {
                log.record(new RecordedRequest(arrived, method, path, 0, RecordedRequest.kindOf(path)));
            }
        });
        ctx.next();
    }

    /** Second handler: the global delay, then the first armed fault that covers the request. */
    void injectFaults(RoutingContext ctx) {
        Duration delay = faults.delayAll();
        if (delay.isZero()) {
            applyArmedFault(ctx);
        } else {
            scheduler.afterRealTime(delay, () -> {
                if (answerable(ctx)) {
                    applyArmedFault(ctx);
                }
            });
        }
    }

    /** On {@code /api}: the bearer token (401) and the quota (429); the route then checks scopes. */
    void authorizeApi(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            ApiResponses.sendError(ctx, ApiError.invalidToken("Missing or invalid access token"));
            return;
        }
        AccessGrant grant;
        try {
            grant = tokens.check(token);
        } catch (ApiErrorException e) {
            ApiResponses.sendError(ctx, e.error());
            return;
        }
        QuotaRefusal refusal = quota.admit(grant.clientId(), costOf(ctx));
        if (refusal != null) {
            ApiResponses.sendError(ctx, refusal.apiError(), refusal.retryAfterSeconds());
            return;
        }
        String clientId = grant.clientId();
        ctx.addHeadersEndHandler(v -> quota.recordOutcome(clientId, ctx.response().getStatusCode()));
        ctx.put(GRANT, grant);
        ctx.put(ACCESS_TOKEN, token);
        ctx.next();
    }

    private void applyArmedFault(RoutingContext ctx) {
        FaultInjector.RequestFault fault = faults.take(targetOf(ctx));
        if (fault == null) {
            ctx.next();
            return;
        }
        switch (fault.kind) {
            case DELAY -> scheduler.afterRealTime(fault.delay, () -> {
                if (answerable(ctx)) {
                    ctx.next();
                }
            });
            case CLOSE_CONNECTION -> {
                markUnanswered(ctx);
                ctx.request().connection().close();
            }
            case STATUS -> {
                if (targetOf(ctx) == FaultTarget.TOKEN_ENDPOINT) {
                    ApiResponses.sendOAuthError(ctx, oauthFailure(fault.status, fault.retryAfterSeconds), fault.retryAfterSeconds);
                } else {
                    ApiResponses.sendError(ctx, apiFailure(fault.status, fault.retryAfterSeconds), fault.retryAfterSeconds);
                }
            }
            default -> throw new IllegalStateException("Unhandled fault kind " + fault.kind);
        }
    }

    /** A client that gave up while its answer was delayed gets none; the log says so with status 0. */
    private boolean answerable(RoutingContext ctx) {
        if (ctx.response().closed()) {
            markUnanswered(ctx);
            return false;
        }
        return true;
    }

    private static void markUnanswered(RoutingContext ctx) {
        Runnable unanswered = ctx.get("simulator.unanswered");
        if (unanswered != null) {
            unanswered.run();
        }
    }

    private static FaultTarget targetOf(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals("/security/oauth/token")) {
            return FaultTarget.TOKEN_ENDPOINT;
        }
        return switch (RecordedRequest.kindOf(path)) {
            case REST -> FaultTarget.REST;
            case EVENT_STREAM -> FaultTarget.EVENT_STREAM;
            default -> FaultTarget.ANY;
        };
    }

    private static RequestQuota.Cost costOf(RoutingContext ctx) {
        if (ctx.request().path().endsWith("/programs/active")) {
            if (ctx.request().method() == HttpMethod.PUT) {
                return RequestQuota.Cost.PROGRAM_START;
            }
            if (ctx.request().method() == HttpMethod.DELETE) {
                return RequestQuota.Cost.PROGRAM_STOP;
            }
        }
        return RequestQuota.Cost.CALL;
    }

    private static ApiError apiFailure(int status, long retryAfterSeconds) {
        return switch (status) {
            case 401 -> ApiError.invalidToken("The access token expired");
            case 403 -> ApiError.insufficientScope("Monitor");
            case 404 -> ApiError.notFound("SDK.Error.ResourceNotFound", "The requested resource was not found");
            case 409 -> ApiError.offline();
            case 429 -> new QuotaRefusal("1000 calls in 1 day", retryAfterSeconds).apiError();
            default -> status >= 500 ? ApiError.serverFailure(status) : new ApiError(status, Integer.toString(status), null);
        };
    }

    private static OAuthError oauthFailure(int status, long retryAfterSeconds) {
        return switch (status) {
            case 400 -> OAuthError.invalidGrant("invalid refresh_token");
            case 401 -> OAuthError.invalidClientSecret();
            case 403 -> new OAuthError(403, "access_denied", "access denied");
            case 429 -> new QuotaRefusal("10 token requests in 1 minute", retryAfterSeconds).oauthError();
            case 503 -> new OAuthError(503, "temporarily_unavailable", "The authorization server is temporarily unavailable");
            default -> new OAuthError(status, status >= 500 ? "server_error" : "invalid_request", "simulated failure");
        };
    }
}
