package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.github.camelsmarthome.simulator.SimulatorHttp;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local fake of the SimpliSafe cloud on Vert.x, one server with the three faces of brief
 * section 12: the Auth0 tenant ({@link #authUrl()}), the REST API over one stateful SimpliSafe 3
 * system ({@link #apiUrl()}) and the real-time websocket ({@link #webSocketUrl()}), plus camera
 * media, fault injection and a log of every request.
 *
 * <pre>{@code
 * try (SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build())) {
 *     IssuedTokens tokens = cloud.auth().issueTokens();           // or the PKCE flow at cloud.authUrl()
 *     // point the client at cloud.authUrl(), cloud.apiUrl(), cloud.webSocketUrl() ...
 *     cloud.system().openSensor("14");                             // Front Door
 * }
 * }</pre>
 *
 * <p>Created with its own {@link Vertx} it closes that on {@link #close()}; given one, it leaves
 * it running (a borrowed Vert.x is never closed by the borrower).
 */
public final class SimpliSafeSimulator implements AutoCloseable {

    /** Prefix of the Auth0 tenant's paths ({@code /authorize}, {@code /oauth/token}). */
    public static final String AUTH_PATH = "/auth";
    /** Prefix of the REST API; the real one is {@code https://api.simplisafe.com/v1}. */
    public static final String API_PATH = "/api/v1";
    /** Path of the websocket; the real one has none. */
    public static final String SOCKET_PATH = "/socketlink";
    /** Prefix of camera media. */
    public static final String MEDIA_PATH = "/media";

    private static final Logger LOG = LoggerFactory.getLogger(SimpliSafeSimulator.class);
    private static final long BODY_LIMIT = 64 * 1024;
    private static final long BLOCKING_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final SimpliSafeSimulatorOptions options;
    private final SimulatedTime time;
    private final TokenRegistry tokens;
    private final Auth0Tenant auth;
    private final EventSocketHub sockets;
    private final CameraMedia media;
    private final SimpliSafeFaults faults;
    private final SystemScheduler scheduler;
    private final SimulatedSystem system;
    private final RequestLog requests = new RequestLog();
    private final RequestGate gate;
    private volatile HttpServer server;
    private volatile String baseUrl;

    /** A simulator with its own Vert.x; call {@link #start()}. */
    public SimpliSafeSimulator(SimpliSafeSimulatorOptions options) {
        this(Vertx.vertx(), true, options);
    }

    /** A simulator on a Vert.x the caller owns and closes; call {@link #start()}. */
    public SimpliSafeSimulator(Vertx vertx, SimpliSafeSimulatorOptions options) {
        this(vertx, false, options);
    }

    private SimpliSafeSimulator(Vertx vertx, boolean ownsVertx, SimpliSafeSimulatorOptions options) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = options;
        this.time = new SimulatedTime(options.clock(), options.timeScale());
        JsonNode subscription = SimpliSafeJson.fixture("subscriptions_response.json").path("subscriptions").path(0);
        this.tokens = new TokenRegistry(time, () -> baseUrl == null ? "https://auth.simplisafe.com/" : authUrl() + "/",
                options.email(), options.accessTokenLifetime(), options.rotateRefreshTokens());
        this.auth = new Auth0Tenant(subscription.path("uid").asLong(), time, options, tokens);
        this.sockets = new EventSocketHub(tokens, time, options);
        this.media = new CameraMedia(options.mediaNotFoundFetches());
        this.faults = new SimpliSafeFaults(sockets, media);
        this.scheduler = new SystemScheduler(vertx, time);
        EventHistory history = seededHistory();
        EventPublisher publisher = new EventPublisher(time, new EventFactory(subscription), history, sockets);
        this.system = new SimulatedSystem(time, scheduler, history, publisher, subscription, options, media, this::mediaUrl);
        this.gate = new RequestGate(vertx, time, requests, faults, tokens);
    }

    /** Creates a simulator with its own Vert.x and starts it; blocks until it listens. */
    public static SimpliSafeSimulator start(SimpliSafeSimulatorOptions options) {
        return new SimpliSafeSimulator(options).start();
    }

    /** Starts listening; blocks until it does. Not for an event-loop thread: use {@link #startAsync()}. */
    public SimpliSafeSimulator start() {
        return await(startAsync(), "start");
    }

    /** Starts listening. */
    public Future<SimpliSafeSimulator> startAsync() {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("The simulator is already started at " + baseUrl));
        }
        Router router = Router.router(vertx);
        router.route().handler(gate::record);
        // Bodies are read before any handler that may wait (a delay fault), so none of it is lost;
        // not on the websocket path, whose upgrade must find the request unread.
        router.route(AUTH_PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route(API_PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route().handler(gate::injectFaults);
        router.route(API_PATH + "/*").handler(gate::requireBearer);
        router.route(MEDIA_PATH + "/*").handler(gate::requireBearer);
        new AuthRoutes(auth).register(router);
        new RestRoutes(system, time).register(router);
        router.get(SOCKET_PATH).handler(sockets::upgrade);
        media.register(router);
        router.errorHandler(404, ctx -> RestAnswers.error(ctx, 404, "NotFound", "No resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> RestAnswers.error(ctx, 405, "MethodNotAllowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(500, ctx -> {
            LOG.warn("SimpliSafe simulator failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
            RestAnswers.error(ctx, 500, "InternalServerError", "The simulator failed; see its log");
        });
        return SimulatorHttp.listen(vertx, options.host(), options.port(), router).map(listening -> {
            this.server = listening;
            this.baseUrl = SimulatorHttp.baseUrl(options.host(), listening);
            LOG.info("SimpliSafe simulator listening on {}", baseUrl);
            return this;
        });
    }

    /** Closes sockets, stops timers and the server, and the Vert.x if it owns it; blocks until done. */
    @Override
    public void close() {
        await(closeAsync(), "close");
    }

    /** Closes the simulator. */
    public Future<Void> closeAsync() {
        scheduler.cancelAll();
        sockets.closeAll();
        return SimulatorHttp.close(server, vertx, ownsVertx);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return baseUrl;
    }

    /** The Auth0 tenant, in place of {@code https://auth.simplisafe.com}: {@code <authUrl>/authorize}, {@code <authUrl>/oauth/token}. */
    public String authUrl() {
        return baseUrl() + AUTH_PATH;
    }

    /** The REST API, in place of {@code https://api.simplisafe.com/v1}. */
    public String apiUrl() {
        return baseUrl() + API_PATH;
    }

    /** The websocket, in place of {@code wss://socketlink.prd.aser.simplisafe.com}. */
    public String webSocketUrl() {
        return baseUrl().replaceFirst("^http", "ws") + SOCKET_PATH;
    }

    /** Where camera media links point. */
    public String mediaUrl() {
        return baseUrl() + MEDIA_PATH;
    }

    /** The TCP port it listens on. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.actualPort();
    }

    /** The e-mail the login page accepts. */
    public String email() {
        return options.email();
    }

    /** The password the login page accepts. */
    public String password() {
        return options.password();
    }

    /** The signed-in user's id ({@code api/authCheck}). */
    public long userId() {
        return auth.userId();
    }

    /** The Auth0 tenant: login without a browser, token expiry and revocation, rotation. */
    public Auth0Tenant auth() {
        return auth;
    }

    /** The alarm system: arming, sensors, locks, cameras, events. */
    public SimulatedSystem system() {
        return system;
    }

    /** Shortcut for {@code system().emitEvent(cid)}: any event code, known or not. */
    public SimulatedEvent emitEvent(int cid) {
        return system.emitEvent(cid);
    }

    /** The websocket side: open sockets, subscribed message type, raw frames. */
    public EventSocketHub sockets() {
        return sockets;
    }

    /** Fault injection. */
    public SimpliSafeFaults faults() {
        return faults;
    }

    /** Every request received. */
    public RequestLog requests() {
        return requests;
    }

    /** Wall clock and the system-time scale. */
    public SimulatedTime time() {
        return time;
    }

    /** The Vert.x it runs on. */
    public Vertx vertx() {
        return vertx;
    }

    /** The fixture history, oldest first (the fixture lists newest first). */
    private static EventHistory seededHistory() {
        EventHistory history = new EventHistory();
        List<JsonNode> seeded = new ArrayList<>();
        SimpliSafeJson.fixture("events_response.json").path("events").forEach(seeded::add);
        for (int i = seeded.size() - 1; i >= 0; i--) {
            ObjectNode event = (ObjectNode) seeded.get(i);
            history.append(new SimulatedEvent(event.path("eventId").asLong(), event.path("eventTimestamp").asLong(),
                    event.path("eventCid").asInt(), event.path("sid").asLong(), event));
        }
        return history;
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
            throw new IllegalStateException("SimpliSafe simulator could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("SimpliSafe simulator did not " + what + " within " + BLOCKING_TIMEOUT_SECONDS + " s", e);
        }
    }
}
