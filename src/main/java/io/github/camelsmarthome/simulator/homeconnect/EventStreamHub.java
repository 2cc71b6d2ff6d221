package io.github.camelsmarthome.simulator.homeconnect;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * The open event streams and what goes out on them (brief section 8): publishes appliance events
 * to every stream that wants them, sends KEEP-ALIVEs on a cadence, closes streams whose token
 * expired, and counts them against the app's channel limit.
 */
public final class EventStreamHub implements ApplianceEventSink {

    private final SimulationClock clock;
    private final SimulationScheduler scheduler;
    private final TokenAuthority tokens;
    private final RequestQuota quota;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final List<PublishedEvent> published = new CopyOnWriteArrayList<>();
    private volatile Duration keepAliveInterval;
    private volatile SseFraming defaultFraming;
    private volatile ConnectionEventShape connectionEventShape;
    private volatile boolean connectionEventsCarryId;

    EventStreamHub(SimulationClock clock, SimulationScheduler scheduler, TokenAuthority tokens, RequestQuota quota,
            SimulatorOptions options) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.tokens = tokens;
        this.quota = quota;
        this.keepAliveInterval = options.keepAliveInterval();
        this.defaultFraming = options.framing();
        this.connectionEventShape = options.connectionEventShape();
        this.connectionEventsCarryId = options.connectionEventsCarryId();
        tokens.onForcedExpiry(this::closeStreamsWithExpiredTokens);
    }

    /** Streams open right now. */
    public List<EventStream> openStreams() {
        return List.copyOf(streams);
    }

    /** How many streams are open. */
    public int openStreamCount() {
        return streams.size();
    }

    /** Every appliance event published so far, in order. */
    public List<PublishedEvent> publishedEvents() {
        return List.copyOf(published);
    }

    /** Forgets the published-event log. */
    public void clearPublishedEvents() {
        published.clear();
    }

    /** KEEP-ALIVE spacing for every stream, the open ones included (their cadence restarts now). */
    public void setKeepAliveInterval(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("Keep-alive interval must be positive, got " + interval);
        }
        this.keepAliveInterval = interval;
        streams.forEach(stream -> stream.restartKeepAlive(interval));
    }

    /** Framing of streams opened from now on; use {@link EventStream#useFraming} for an open one. */
    public void setDefaultFraming(SseFraming framing) {
        this.defaultFraming = Objects.requireNonNull(framing);
    }

    /** Data shape of connection events from now on. */
    public void setConnectionEventShape(ConnectionEventShape shape) {
        this.connectionEventShape = Objects.requireNonNull(shape);
    }

    /** Whether connection events carry an {@code id:} line from now on. */
    public void setConnectionEventsCarryId(boolean carryId) {
        this.connectionEventsCarryId = carryId;
    }

    /** Sends a KEEP-ALIVE on every open stream now, besides the cadence. */
    public void sendKeepAliveNow() {
        streams.forEach(EventStream::sendKeepAlive);
    }

    /**
     * Writes one event, framed per stream, to every open stream: for replaying captured streams
     * and recorded sessions ({@code event}, {@code data}, {@code appliance_id} map to the three
     * SSE fields). {@code data} or {@code id} {@code null} leaves that line out.
     */
    public void sendFrame(String event, String data, String id) {
        streams.forEach(stream -> stream.sendFrame(event, data, id));
    }

    /**
     * Replays a recorded session (JSON lines with {@code event}, {@code data}, {@code appliance_id})
     * on every open stream, in each stream's framing; returns how many events were written per stream.
     */
    public int replayRecording(String jsonLines) {
        List<RecordedSession.Frame> frames = RecordedSession.parse(jsonLines);
        frames.forEach(frame -> sendFrame(frame.event(), frame.data(), frame.id()));
        return frames.size();
    }

    /** Writes text exactly as given to every open stream. */
    public void sendRaw(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        streams.forEach(stream -> stream.sendRaw(bytes));
    }

    /**
     * Flood mode, for benchmarks: writes {@code count} STATUS events of appliance {@code haId} to
     * every open stream that wants them, as fast as each client reads ({@code eventsPerSecond} 0)
     * or at that rate. Event {@code i} reports {@code BSH.Common.Option.RemainingProgramTime} =
     * {@code i} seconds, so every event is distinct (a client that de-duplicates keeps them all).
     * A client that reads slowly slows its own flood down; nothing is buffered without bound.
     * Flooded events are not added to {@link #publishedEvents()}.
     *
     * @return completes with the events written, summed over the streams, once every stream's
     *         flood ended (all written, or the stream closed)
     */
    public CompletableFuture<Integer> flood(String haId, int count, int eventsPerSecond) {
        if (count < 0 || eventsPerSecond < 0) {
            throw new IllegalArgumentException("Flood count and rate must not be negative, got " + count + " at " + eventsPerSecond + "/s");
        }
        String uri = "/api/homeappliances/" + haId + "/status/BSH.Common.Option.RemainingProgramTime";
        IntFunction<ApplianceEvent> events = i -> new ApplianceEvent(EventType.STATUS, haId,
                List.of(new EventItem("BSH.Common.Option.RemainingProgramTime", SimulatorJson.NODES.numberNode(i), "seconds",
                        null, null, uri, clock.epochSeconds())), clock.epochSeconds());
        ApplianceEvent probe = events.apply(0);
        List<CompletableFuture<Integer>> floods = streams.stream().filter(stream -> stream.wants(probe))
                .map(stream -> stream.flood(events, count, eventsPerSecond, connectionEventShape)).toList();
        return CompletableFuture.allOf(floods.toArray(CompletableFuture[]::new))
                .thenApply(v -> floods.stream().mapToInt(CompletableFuture::join).sum());
    }

    /** Ends every open stream cleanly. */
    public void closeAll() {
        streams.forEach(EventStream::close);
    }

    @Override
    public void publish(ApplianceEvent event) {
        int delivered = 0;
        for (EventStream stream : streams) {
            if (stream.wants(event)) {
                stream.sendEvent(event, connectionEventShape, connectionEventsCarryId);
                delivered++;
            }
        }
        published.add(new PublishedEvent(clock.now(), event, delivered));
    }

    /**
     * Opens a stream on an authorised request; the caller has checked the path, the appliance and
     * the {@code Accept} header. Answers 429 itself when the app has no channel left.
     */
    void open(RoutingContext ctx, String haIdFilter, AccessGrant grant, String accessToken) {
        QuotaRefusal refusal = quota.openChannel(grant.clientId());
        if (refusal != null) {
            ApiResponses.sendError(ctx, refusal.apiError(), refusal.retryAfterSeconds());
            return;
        }
        var response = ctx.response();
        response.setChunked(true);
        response.putHeader("Content-Type", "text/event-stream;charset=utf-8");
        response.putHeader("Cache-Control", "no-cache");
        EventStream stream = new EventStream(this, response, ctx.request().connection(), Vertx.currentContext(),
                ctx.request().path(), haIdFilter, grant.clientId(), accessToken, defaultFraming, clock.now());
        // Started before it is registered, so the head and preamble are queued ahead of any event.
        stream.start(keepAliveInterval, grant.expiresAt());
        streams.add(stream);
        response.closeHandler(v -> streamGone(stream));
    }

    /** Called by a stream that closed itself. */
    void streamClosed(EventStream stream) {
        if (streams.remove(stream)) {
            quota.closeChannel(stream.clientId());
        }
    }

    Instant now() {
        return clock.now();
    }

    SimulationScheduler scheduler() {
        return scheduler;
    }

    boolean tokenStillValid(String accessToken) {
        return tokens.isValid(accessToken);
    }

    private void streamGone(EventStream stream) {
        stream.markClosed();
        streamClosed(stream);
    }

    private void closeStreamsWithExpiredTokens() {
        streams.stream().filter(stream -> !tokens.isValid(stream.accessToken())).forEach(EventStream::close);
    }
}
