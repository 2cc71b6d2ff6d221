package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * What every request passes before its route: it is recorded, delayed or failed by armed faults,
 * and under {@code /api/v1} and {@code /media} checked for a live bearer token.
 */
final class RequestGate {

    /** The user id behind the request's bearer token. */
    static final String USER_ID = "simplisafe.userId";

    private static final String RECORDER = "simplisafe.recorder";
    private static final Pattern ARMING = Pattern.compile(
            SimpliSafeSimulator.API_PATH + "/(ss3/subscriptions/[^/]+/state/[^/]+|subscriptions/[^/]+/state)/?");

    private final Vertx vertx;
    private final SimulatedTime time;
    private final RequestLog log;
    private final SimpliSafeFaults faults;
    private final TokenRegistry tokens;

    RequestGate(Vertx vertx, SimulatedTime time, RequestLog log, SimpliSafeFaults faults, TokenRegistry tokens) {
        this.vertx = vertx;
        this.time = time;
        this.log = log;
        this.faults = faults;
        this.tokens = tokens;
    }

    /** First handler: records the request once its status line is written, or when told (websocket 101, no answer). */
    void record(RoutingContext ctx) {
        Instant arrived = time.now();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        AtomicBoolean recorded = new AtomicBoolean();
        IntConsumer recorder = status -> {
            if (recorded.compareAndSet(false, true)) {
                log.record(new RecordedRequest(arrived, method, path, status, RequestKind.ofPath(path)));
            }
        };
        ctx.addHeadersEndHandler(v -> recorder.accept(ctx.response().getStatusCode()));
        ctx.put(RECORDER, recorder);
        ctx.next();
    }

    /** Records a request the normal answer path does not see: an upgraded websocket (101) or a closed connection (0). */
    static void recordStatus(RoutingContext ctx, int status) {
        IntConsumer recorder = ctx.get(RECORDER);
        if (recorder != null) {
            recorder.accept(status);
        }
    }

    /** Second handler: the global delay, then the first armed fault that covers the request. */
    void injectFaults(RoutingContext ctx) {
        Duration delay = faults.delayAll();
        if (delay.isZero()) {
            applyArmedFault(ctx);
        } else {
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
                if (answerable(ctx)) {
                    applyArmedFault(ctx);
                }
            });
        }
    }

    /** On REST and media: a live bearer token, else 401 {@code "Unauthorized"}. */
    void requireBearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        TokenRegistry.AccessGrant grant = tokens.valid(token);
        if (grant == null) {
            RestAnswers.unauthorized(ctx);
            return;
        }
        ctx.put(USER_ID, grant.userId());
        ctx.next();
    }

    private void applyArmedFault(RoutingContext ctx) {
        FaultTarget target = targetOf(ctx);
        SimpliSafeFaults.RequestFault fault = faults.take(target);
        if (fault == null) {
            ctx.next();
            return;
        }
        switch (fault.kind) {
            case DELAY -> vertx.setTimer(Math.max(1, fault.delay.toMillis()), id -> {
                if (answerable(ctx)) {
                    ctx.next();
                }
            });
            case CLOSE_CONNECTION -> {
                recordStatus(ctx, 0);
                ctx.request().connection().close();
            }
            case STATUS -> answerFailure(ctx, target, fault.status);
            default -> throw new IllegalStateException("Unhandled fault kind " + fault.kind);
        }
    }

    private static void answerFailure(RoutingContext ctx, FaultTarget target, int status) {
        switch (target) {
            case TOKEN_ENDPOINT -> RestAnswers.tokenFailure(ctx, status, grantTypeOf(ctx));
            case REST, ARMING -> RestAnswers.restFailure(ctx, status);
            case AUTHORIZE -> RestAnswers.html(ctx, status, "<html><body><h1>" + status + " " + RestAnswers.reason(status) + "</h1></body></html>");
            default -> RestAnswers.text(ctx, status, RestAnswers.reason(status));
        }
    }

    /** A client that gave up while its answer was delayed gets none; the log says so with status 0. */
    private static boolean answerable(RoutingContext ctx) {
        if (ctx.response().closed()) {
            recordStatus(ctx, 0);
            return false;
        }
        return true;
    }

    private static FaultTarget targetOf(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals(SimpliSafeSimulator.AUTH_PATH + "/oauth/token")) {
            return FaultTarget.TOKEN_ENDPOINT;
        }
        return switch (RequestKind.ofPath(path)) {
            case AUTH -> FaultTarget.AUTHORIZE;
            case REST -> ctx.request().method() == HttpMethod.POST && ARMING.matcher(path).matches() ? FaultTarget.ARMING : FaultTarget.REST;
            case WEBSOCKET -> FaultTarget.WEBSOCKET_UPGRADE;
            case MEDIA -> FaultTarget.MEDIA;
            default -> FaultTarget.ANY;
        };
    }

    private static String grantTypeOf(RoutingContext ctx) {
        return TokenRequestBody.params(ctx).get("grant_type");
    }

    /** Reads a JSON tree from a request body, {@code null} if there is none or it is not JSON. */
    static JsonNode jsonBody(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? null : SimpliSafeJson.parseOrNull(ctx.body().asString());
    }
}
