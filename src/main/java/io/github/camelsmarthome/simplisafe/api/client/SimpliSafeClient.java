package io.github.camelsmarthome.simplisafe.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventReader;
import io.github.camelsmarthome.simplisafe.api.model.ArmResponse;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemSettings;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.rest.ArmResponseMapper;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryMapper;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryPage;
import io.github.camelsmarthome.simplisafe.api.rest.SensorsMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SettingsMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SubscriptionsMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The SimpliSafe REST client for V3 systems (brief sections 1, 2 and 4), non-blocking on Vert.x.
 *
 * <pre>{@code
 * SimpliSafeClient client = new SimpliSafeClient(vertx, SimpliSafeClientOptions.defaults(), refresher);
 * client.getSystems().thenCompose(systems -> client.setState(systems.get(0).sid(), TargetState.AWAY));
 * }</pre>
 *
 * <ul>
 *   <li><b>Tokens</b>: the bearer comes from the {@link TokenRefresher}; a 401 renews it and the call is
 *       sent once more. The refresher's own failures ({@code AuthorizationRequiredException},
 *       {@code TokenRefreshFailedException}) pass through unchanged.</li>
 *   <li><b>Retries</b>: only reads, only after a 5xx or no answer, at most
 *       {@link SimpliSafeClientOptions#readRetries()} times after a short doubling backoff. Arming and
 *       lock commands are never repeated (the first may have been applied), nor is a 409, which the
 *       caller sees as {@link SettingsInProgressException}.</li>
 *   <li><b>Errors</b>: every failure is a {@link SimpliSafeException} subclass (see {@link SimpliSafeErrors}),
 *       or an {@link IllegalArgumentException} for an id or serial that cannot be a path segment.</li>
 *   <li><b>Paths</b>: system ids are numbers and serials are percent-encoded as one segment, so input
 *       cannot reach another endpoint.</li>
 * </ul>
 *
 * <p>Futures complete on a Vert.x event loop: dependent stages must not block. The {@link Vertx} is
 * borrowed and never closed; {@link #close()} closes only this client's connection pool. No token
 * appears in any log line or message.
 */
public final class SimpliSafeClient implements AutoCloseable {

    private final Vertx vertx;
    private final SimpliSafeClientOptions options;
    private final TokenRefresher tokens;
    private final HttpClient httpClient;
    private final BoundedExchange http;
    private final SubscriptionsMapper subscriptions = new SubscriptionsMapper();
    private final SensorsMapper sensors = new SensorsMapper();
    private final SettingsMapper settings = new SettingsMapper();
    private final ArmResponseMapper armResponses = new ArmResponseMapper();
    private final EventHistoryMapper history;

    /** A client with its own event reader. */
    public SimpliSafeClient(Vertx vertx, SimpliSafeClientOptions options, TokenRefresher tokens) {
        this(vertx, options, tokens, new SimplisafeEventReader());
    }

    /** A client that reads history items with a shared reader, so unknown event codes are logged once per account. */
    public SimpliSafeClient(Vertx vertx, SimpliSafeClientOptions options, TokenRefresher tokens, SimplisafeEventReader reader) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.history = new EventHistoryMapper(Objects.requireNonNull(reader, "reader"));
        this.httpClient = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setMaxPoolSize(4));
        this.http = new BoundedExchange(vertx, httpClient);
    }

    /** The user id of the token's account ({@code GET api/authCheck}). */
    public CompletableFuture<Long> getUserId() {
        return call(RestRequest.read("getUserId", "/api/authCheck", null), body -> {
            JsonNode id = body.path("userId");
            if (!id.canConvertToLong() || id.asLong() <= 0) {
                throw new IllegalStateException("the answer has no userId");
            }
            return id.asLong();
        });
    }

    /** Every subscription of the account as a system, usable or not ({@code GET users/{uid}/subscriptions?activeOnly=true}). */
    public CompletableFuture<List<SimplisafeSystem>> getSystems(long userId) {
        return start(() -> RestRequest.read("getSystems", "/users/" + RestPath.sid(userId) + "/subscriptions",
                "activeOnly=true"), subscriptions::systems);
    }

    /** {@link #getUserId()}, then {@link #getSystems(long)}. */
    public CompletableFuture<List<SimplisafeSystem>> getSystems() {
        return getUserId().thenCompose(this::getSystems);
    }

    /** The live state of one system ({@code GET subscriptions/{sid}/}, its {@code location.system}). */
    public CompletableFuture<SystemStatus> getState(long sid) {
        return start(() -> RestRequest.read("getState", "/subscriptions/" + RestPath.sid(sid) + "/", null), body -> {
            SystemStatus status = subscriptions.status(body.path("subscription").path("location").path("system"));
            if (status == null) {
                throw new IllegalStateException("the subscription has no location.system");
            }
            return status;
        });
    }

    /**
     * Arms or disarms ({@code POST ss3/subscriptions/{sid}/state/{off|home|away}}); never repeated.
     * A busy base station fails with {@link SettingsInProgressException}.
     */
    public CompletableFuture<ArmResponse> setState(long sid, TargetState target) {
        Objects.requireNonNull(target, "target");
        return start(() -> RestRequest.write("setState", "/ss3/subscriptions/" + RestPath.sid(sid) + "/state/"
                + target.pathWord(), null), armResponses::response);
    }

    /** Sensors and locks ({@code GET ss3/subscriptions/{sid}/sensors?forceUpdate=...}); {@code forceUpdate=true} asks the base station and is slow (P14). */
    public CompletableFuture<SensorReadout> getSensors(long sid, boolean forceUpdate) {
        return start(() -> RestRequest.read("getSensors", "/ss3/subscriptions/" + RestPath.sid(sid) + "/sensors",
                "forceUpdate=" + forceUpdate), body -> sensors.readout(body, sid));
    }

    /** Locks the lock ({@code POST doorlock/{sid}/{serial}/state}); completes when the cloud accepted it, not when the bolt moved. */
    public CompletableFuture<Void> lock(long sid, String lockSerial) {
        return commandLock(sid, lockSerial, "lock");
    }

    /** Unlocks the lock; see {@link #lock}. */
    public CompletableFuture<Void> unlock(long sid, String lockSerial) {
        return commandLock(sid, lockSerial, "unlock");
    }

    /**
     * A page of event history ({@code GET subscriptions/{sid}/events}), newest first as the cloud sends it.
     *
     * @param numEvents     how many, 1 to 500; {@code null} for the cloud's default (50)
     * @param fromTimestamp the oldest event time wanted (whole seconds), or {@code null}
     */
    public CompletableFuture<EventHistoryPage> getEvents(long sid, Integer numEvents, Instant fromTimestamp) {
        return start(() -> {
            StringBuilder query = new StringBuilder();
            if (numEvents != null) {
                if (numEvents < 1 || numEvents > 500) {
                    throw new IllegalArgumentException("numEvents must be 1 to 500");
                }
                query.append("numEvents=").append(numEvents);
            }
            if (fromTimestamp != null) {
                query.append(query.length() > 0 ? "&" : "").append("fromTimestamp=").append(fromTimestamp.getEpochSecond());
            }
            return RestRequest.read("getEvents", "/subscriptions/" + RestPath.sid(sid) + "/events",
                    query.length() == 0 ? null : query.toString());
        }, body -> history.page(body, sid, Instant.now()));
    }

    /** The V3 settings ({@code GET ss3/subscriptions/{sid}/settings/normal}); empty when the cloud sent an empty body. */
    public CompletableFuture<Optional<SystemSettings>> getSettings(long sid, boolean forceUpdate) {
        return start(() -> RestRequest.read("getSettings", "/ss3/subscriptions/" + RestPath.sid(sid) + "/settings/normal",
                "forceUpdate=" + forceUpdate), settings::settings);
    }

    /** The options this client was made with. */
    public SimpliSafeClientOptions options() {
        return options;
    }

    /** Closes this client's connections; the borrowed {@link Vertx} stays open. */
    @Override
    public void close() {
        httpClient.close();
    }

    @Override
    public String toString() {
        return "SimpliSafeClient[" + options.apiUrl() + "]";
    }

    private CompletableFuture<Void> commandLock(long sid, String lockSerial, String state) {
        return start(() -> RestRequest.write(state, "/doorlock/" + RestPath.sid(sid) + "/"
                + RestPath.segment(lockSerial, "lock serial") + "/state", "{\"state\":\"" + state + "\"}"),
                body -> null);
    }

    /** Builds the request inside the future, so a bad id fails the future rather than throwing at the caller. */
    private <T> CompletableFuture<T> start(java.util.function.Supplier<RestRequest> request, Function<JsonNode, T> reader) {
        RestRequest built;
        try {
            built = request.get();
        } catch (IllegalArgumentException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        return call(built, reader);
    }

    private <T> CompletableFuture<T> call(RestRequest request, Function<JsonNode, T> reader) {
        return new SimpliSafeCall<>(vertx, http, options, tokens, request, reader).start();
    }
}
