package io.github.camelsmarthome.simulator.homeconnect;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.github.camelsmarthome.simulator.SimulatorHttp;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local fake of the Home Connect cloud on Vert.x: OAuth, the REST API over five stateful
 * appliances, the event stream, rate limits, fault injection and a log of every request.
 *
 * <pre>{@code
 * try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
 *     TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
 *     // point the client at cloud.baseUrl() with tokens.accessToken() ...
 *     cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");
 * }
 * }</pre>
 *
 * <p>Created with its own {@link Vertx} it closes that on {@link #close()}; given one, it leaves
 * it running (a borrowed Vert.x is never closed by the borrower).
 */
public final class HomeConnectSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectSimulator.class);
    private static final long BODY_LIMIT = 256 * 1024;
    private static final long BLOCKING_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final SimulatorOptions options;
    private final SimulationClock clock;
    private final AuthorizationServer authorization;
    private final RequestQuota quota;
    private final RequestLog requests = new RequestLog();
    private final EventStreamHub events;
    private final FaultInjector faults;
    private final SimulatedHousehold household;
    private final RequestGate gate;
    private volatile HttpServer server;
    private volatile String baseUrl;

    /** A simulator with its own Vert.x; call {@link #start()}. */
    public HomeConnectSimulator(SimulatorOptions options) {
        this(Vertx.vertx(), true, options);
    }

    /** A simulator on a Vert.x the caller owns and closes; call {@link #start()}. */
    public HomeConnectSimulator(Vertx vertx, SimulatorOptions options) {
        this(vertx, false, options);
    }

    private HomeConnectSimulator(Vertx vertx, boolean ownsVertx, SimulatorOptions options) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = options;
        this.clock = new SimulationClock(options.clock(), options.timeScale());
        SimulationScheduler scheduler = new SimulationScheduler(vertx, clock);
        this.authorization = new AuthorizationServer(clock, options);
        this.quota = new RequestQuota(clock, options.rateLimits());
        this.events = new EventStreamHub(clock, scheduler, authorization.tokens(), quota, options);
        this.faults = new FaultInjector(events);
        this.household = new SimulatedHousehold(clock, events, scheduler,
                new ApplianceTiming(options.progressCadence(), options.finishedHold()));
        this.gate = new RequestGate(clock, scheduler, requests, faults, authorization.tokens(), quota);
    }

    /** Creates a simulator with its own Vert.x and starts it; blocks until it listens. */
    public static HomeConnectSimulator start(SimulatorOptions options) {
        return new HomeConnectSimulator(options).start();
    }

    /** Starts listening; blocks until it does. Not for an event-loop thread: use {@link #startAsync()}. */
    public HomeConnectSimulator start() {
        return await(startAsync(), "start");
    }

    /** Starts listening. */
    public Future<HomeConnectSimulator> startAsync() {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("The simulator is already started at " + baseUrl));
        }
        Router router = Router.router(vertx);
        // The body is read before any handler that may wait (a delay fault), so none of it is lost.
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route().handler(gate::record);
        router.route().handler(gate::injectFaults);
        router.route("/api/*").handler(gate::authorizeApi);
        new OAuthEndpoints(authorization, quota, this::baseUrl).register(router);
        new ApiRoutes(household, events).register(router);
        router.errorHandler(404, ctx -> ApiResponses.sendError(ctx,
                ApiError.notFound("SDK.Error.ResourceNotFound", "No resource at " + ctx.request().path())));
        router.errorHandler(405, ctx -> ApiResponses.sendError(ctx,
                new ApiError(405, "SDK.Error.MethodNotAllowed", ctx.request().method() + " is not allowed on " + ctx.request().path())));
        router.errorHandler(500, ctx -> {
            LOG.warn("Home Connect simulator failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
            ApiResponses.sendError(ctx, ApiError.serverFailure(500));
        });
        return SimulatorHttp.listen(vertx, options.host(), options.port(), router).map(listening -> {
            this.server = listening;
            this.baseUrl = SimulatorHttp.baseUrl(options.host(), listening);
            LOG.info("Home Connect simulator listening on {}", baseUrl);
            return this;
        });
    }

    /** Closes streams, stops timers and the server, and the Vert.x if it owns it; blocks until done. */
    @Override
    public void close() {
        await(closeAsync(), "close");
    }

    /** Closes the simulator. */
    public Future<Void> closeAsync() {
        household.shutdown();
        events.closeAll();
        return SimulatorHttp.close(server, vertx, ownsVertx);
    }

    /** {@code http://127.0.0.1:<port>}: the base URL of both the API and OAuth (brief section 1). */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return baseUrl;
    }

    /** {@code <baseUrl>/api}. */
    public String apiBaseUrl() {
        return baseUrl() + "/api";
    }

    /** The TCP port it listens on. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.actualPort();
    }

    /** The client id of the first registered app. */
    public String clientId() {
        return options.clients().get(0).clientId();
    }

    /** The client secret of the first registered app ({@code null} if it has none). */
    public String clientSecret() {
        return options.clients().get(0).clientSecret();
    }

    /** The first redirect URI of the first registered app. */
    public String redirectUri() {
        var uris = options.clients().get(0).redirectUris();
        return uris.isEmpty() ? null : uris.get(0);
    }

    /** The appliances. */
    public SimulatedHousehold household() {
        return household;
    }

    /** The OAuth side: approvals, token expiry and revocation, lifetimes. */
    public AuthorizationServer authorization() {
        return authorization;
    }

    /** The user approves a device-flow login with this user code. */
    public boolean approveDeviceCode(String userCode) {
        return authorization.approveDeviceCode(userCode);
    }

    /** The open streams, the published events, keep-alive cadence and framing. */
    public EventStreamHub events() {
        return events;
    }

    /** Fault injection. */
    public FaultInjector faults() {
        return faults;
    }

    /** Every request received. */
    public RequestLog requests() {
        return requests;
    }

    /** Rate limits and their counters. */
    public RequestQuota quota() {
        return quota;
    }

    /** Wall clock and the appliance time scale. */
    public SimulationClock clock() {
        return clock;
    }

    /** The Vert.x it runs on. */
    public Vertx vertx() {
        return vertx;
    }

    private static <T> T await(Future<T> future, String what) {
        if (Vertx.currentContext() != null && Vertx.currentContext().isEventLoopContext()) {
            throw new IllegalStateException("Blocking " + what + " on an event loop; use the async variant");
        }
        try {
            return future.toCompletionStage().toCompletableFuture().get(BLOCKING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during simulator " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Home Connect simulator could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Home Connect simulator did not " + what + " within " + BLOCKING_TIMEOUT_SECONDS + " s", e);
        }
    }
}
