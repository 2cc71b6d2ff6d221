package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home Connect REST client: every endpoint of brief section 4 through one
 * {@link #execute(HomeConnectRequest)}, non-blocking on Vert.x.
 *
 * <pre>{@code
 * HomeConnectClient client = new HomeConnectClient(vertx, HomeConnectClientOptions.defaults(), refresher, budget);
 * client.execute(HomeConnectRequest.of(HomeConnectOperation.getStatus, haId))
 *       .thenAccept(response -> use(response.data()));
 * }</pre>
 *
 * <ul>
 *   <li><b>Budget first</b>: each attempt asks the {@link RequestBudget}; a refusal fails the call
 *       with {@link RequestBudgetRefusedException} before anything is sent. Every answer's status is
 *       reported to it, and a 429 blocks it ({@link RateLimitedException}).</li>
 *   <li><b>Tokens</b>: the bearer token comes from the {@link TokenRefresher}; a 401 renews it and
 *       repeats the call once. Its failures ({@code AuthorizationRequiredException}, ...) pass through.</li>
 *   <li><b>Retries</b>: only reads, only after a 5xx, a 408 or a broken connection, at most twice,
 *       after a short doubling backoff. Our own timeout is not repeated.</li>
 *   <li><b>Errors</b>: every other non-2xx becomes the {@link HomeConnectException} subclass
 *       {@link HomeConnectErrors} names.</li>
 *   <li><b>Safe starts</b>: {@code startProgram} first checks the appliance's status (brief
 *       section 9) and fails with {@link ProgramStartRefusedException} without sending the start when it
 *       would fail. The status comes from {@code knownStatus} (the event stream's state) or, when
 *       that knows nothing, from one {@code GET .../status} at HIGH priority.</li>
 * </ul>
 *
 * <p>Futures complete on a Vert.x event loop: dependent stages must not block (use the
 * {@code *Async} variants with an executor for blocking work). The {@link Vertx} is borrowed and
 * never closed here; {@link #close()} closes only the client's own connection pool. No token
 * appears in any log line, exception message or {@code toString}.
 */
public final class HomeConnectClient implements ApplianceStateSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectClient.class);

    private final Vertx vertx;
    private final HomeConnectClientOptions options;
    private final TokenRefresher tokens;
    private final RequestBudget budget;
    private final Function<String, Optional<JsonNode>> knownStatus;
    private final HttpClient httpClient;
    private final HttpRoundTrip http;

    /** A client that reads the appliance status itself before each program start. */
    public HomeConnectClient(Vertx vertx, HomeConnectClientOptions options, TokenRefresher tokens, RequestBudget budget) {
        this(vertx, options, tokens, budget, haId -> Optional.empty());
    }

    /**
     * A client that asks {@code knownStatus} for an appliance's current status before a program
     * start, and reads it only when that answers empty.
     *
     * @param knownStatus the cached status of an appliance by haId, in a shape {@code ProgramStartCheck}
     *                    accepts: the {@code data} of {@code GET .../status}, a list of {@code {key, value}} items
     *                    or an object of keys to values, each optionally with a boolean {@code connected}
     */
    public HomeConnectClient(Vertx vertx, HomeConnectClientOptions options, TokenRefresher tokens, RequestBudget budget,
            Function<String, Optional<JsonNode>> knownStatus) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.knownStatus = Objects.requireNonNull(knownStatus, "knownStatus");
        this.httpClient = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setMaxPoolSize(4)
                .setTryUseCompression(true));
        this.http = new HttpRoundTrip(vertx, httpClient);
    }

    /**
     * Makes the call. Completes with the answer, or fails with a {@link HomeConnectException}
     * subclass, an {@code AuthorizationRequiredException} / {@code TokenRefreshFailedException}
     * from the refresher, or an {@link IllegalArgumentException} for an id or key that cannot be a
     * path segment ({@code ..}, blank, over 256 characters). Never throws.
     */
    public CompletableFuture<HomeConnectResponse> execute(HomeConnectRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.operation() == HomeConnectOperation.startProgram && options.checkPreconditions()) {
            return startProgramSafely(request);
        }
        return new HomeConnectCall(vertx, http, options, tokens, budget, request).start();
    }

    /** The options this client was made with. */
    public HomeConnectClientOptions options() {
        return options;
    }

    /** The budget every call of this client draws on. */
    public RequestBudget budget() {
        return budget;
    }

    @Override
    public CompletableFuture<JsonNode> appliances(RequestPriority priority) {
        return read(() -> HomeConnectRequest.builder(HomeConnectOperation.listAppliances).priority(priority).build());
    }

    @Override
    public CompletableFuture<JsonNode> status(String haId, RequestPriority priority) {
        return read(() -> HomeConnectRequest.builder(HomeConnectOperation.getStatus).haId(haId).priority(priority).build());
    }

    @Override
    public CompletableFuture<JsonNode> settings(String haId, RequestPriority priority) {
        return read(() -> HomeConnectRequest.builder(HomeConnectOperation.getSettings).haId(haId).priority(priority).build());
    }

    @Override
    public CompletableFuture<JsonNode> activeProgram(String haId, RequestPriority priority) {
        return read(() -> HomeConnectRequest.builder(HomeConnectOperation.getActiveProgram).haId(haId).priority(priority).build());
    }

    /** Closes the client's connections; the borrowed {@link Vertx} stays open. */
    @Override
    public void close() {
        httpClient.close();
    }

    @Override
    public String toString() {
        return "HomeConnectClient[" + options.baseUrl() + "]";
    }

    /** The resync contract answers through the future only, even for a blank id or a missing priority. */
    private CompletableFuture<JsonNode> read(Supplier<HomeConnectRequest> request) {
        try {
            return execute(request.get()).thenApply(HomeConnectResponse::data);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
    }

    private CompletableFuture<HomeConnectResponse> startProgramSafely(HomeConnectRequest start) {
        String haId = start.haId();
        String description = "startProgram PUT " + ApiPath.API_PREFIX + "/homeappliances/" + safeSegment(haId)
                + "/programs/active";
        Optional<JsonNode> cached = cachedStatus(haId);
        CompletableFuture<JsonNode> state;
        String source;
        if (cached.isPresent()) {
            state = CompletableFuture.completedFuture(cached.get());
            source = "known from the event stream";
        } else {
            source = "read just now";
            state = execute(HomeConnectRequest.builder(HomeConnectOperation.getStatus).haId(haId)
                    .priority(RequestPriority.HIGH).acceptLanguage(start.acceptLanguage()).build())
                    .thenApply(HomeConnectResponse::data);
        }
        return state.handle((status, failure) -> {
            Throwable cause = failure == null ? null : HomeConnectCall.unwrap(failure);
            if (cause instanceof ApplianceOfflineException) {
                return Optional.of(new ProgramStartCheck.Refusal(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE,
                        "the status read answered " + cause.getClass().getSimpleName()));
            }
            if (cause != null) {
                throw new CompletionException(cause);
            }
            return ProgramStartCheck.judge(status);
        }).thenCompose(refusal -> {
            if (refusal.isPresent()) {
                ProgramStartRefusedException refused = new ProgramStartRefusedException(description, haId,
                        refusal.get().reason(), refusal.get().detail(), source);
                LOG.info("Home Connect: not starting a program on {}: {} (state {})", safeSegment(haId),
                        refusal.get().reason(), source);
                return CompletableFuture.<HomeConnectResponse>failedFuture(refused);
            }
            return new HomeConnectCall(vertx, http, options, tokens, budget, start).start();
        });
    }

    private Optional<JsonNode> cachedStatus(String haId) {
        try {
            Optional<JsonNode> known = knownStatus.apply(haId);
            return known == null ? Optional.empty() : known.filter(node -> !node.isNull() && !node.isMissingNode());
        } catch (RuntimeException broken) {
            LOG.warn("Home Connect: the known status of {} could not be read ({}); reading it from the cloud",
                    safeSegment(haId), broken.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** An id as it may appear in a log line or message: encoded, so it cannot break a line. */
    private static String safeSegment(String value) {
        try {
            return ApiPath.segment(value, "haId");
        } catch (IllegalArgumentException invalid) {
            return "(invalid id)";
        }
    }
}
