package io.github.camelsmarthome.simplisafe.api.feed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.AuthStateListener;
import io.github.camelsmarthome.auth.AuthStatus;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.change.PollEventTypes;
import io.github.camelsmarthome.simplisafe.api.client.ForbiddenException;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStats;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of a SimpliSafe account, whatever works today (brief 9, 11 P1): every system is polled
 * (state, sensors and locks, compared with the previous poll), the websocket adds events within a
 * second where SimpliSafe still accepts it, and the event history fills what either missed. Each
 * upstream event is emitted once, by {@code eventId}, whichever path brought it first; a state
 * change seen both as an upstream event and by polling is announced once ({@link AnnouncedStates}).
 *
 * <ul>
 *   <li>Polling adapts: {@code fastPollInterval} while armed, arming, pending or alarming,
 *       {@code slowPollInterval} while disarmed; sensors rest for {@code armCooldown} after the alarm
 *       state changed on a system with locks. An HTTP 403 pauses polling for 60 s, doubling to 2 h.</li>
 *   <li>The event history is read at every poll while the websocket is not live, and once each
 *       time it becomes live (the back-fill of the gap).</li>
 *   <li>{@link ConnectionMode} is {@code REALTIME} while the websocket is live, {@code REST_ONLY}
 *       otherwise, {@code AUTH_REQUIRED} when the cloud refused the refresh token; each change is
 *       logged and emitted as a {@code connection_mode_changed} event per system. After a websocket
 *       gap a {@code stream_reconnected} event per system marks it (design 4).</li>
 *   <li>At start a {@code state_snapshot} event per system tells the state before any change.</li>
 * </ul>
 * Start-up does not block and does not fail on a cloud that is down: it retries, and
 * {@link #problem()} says why nothing flows yet.
 */
public final class SimplisafeEventFeed implements AutoCloseable {

    /** The type of the event emitted when the {@link ConnectionMode} changes; {@code info} holds the new mode. */
    public static final String CONNECTION_MODE_CHANGED = "connection_mode_changed";
    /** The type of the gap marker emitted per system after the websocket came back. */
    public static final String STREAM_RECONNECTED = "stream_reconnected";
    /** The origin of events the bridge makes about itself. */
    public static final SimplisafeEventOrigin BRIDGE = SimplisafeEventOrigin.of("bridge");

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeEventFeed.class);

    private final Vertx vertx;
    private final SimpliSafeClient client;
    private final TokenRefresher tokens;
    private final SimplisafeFeedOptions options;
    private final BiFunction<Long, RealtimeSink, RealtimeSource> realtimeFactory;
    private final SimplisafeFeedListener listener;
    private final Clock clock;
    private final FeedCheckpointFile checkpoints;
    private final SeenEventIds seen = new SeenEventIds();
    private final FeedStats stats = new FeedStats();
    private final AuthStateListener authListener = this::onAuthStateChange;

    // Guarded by this.
    private final Map<Long, SystemWatch> watches = new LinkedHashMap<>();
    private final Set<Long> timers = new HashSet<>();
    private RealtimeSource realtime;
    private boolean realtimeLive;
    private String realtimeProblem;
    private ConnectionMode mode;
    private String problem = "starting";
    private String lastLoggedProblem;
    private Duration forbiddenPause;
    private boolean started;
    private boolean closed;

    /**
     * A feed; nothing happens before {@link #start()}.
     *
     * @param vertx timers run on it
     * @param client the account's REST client
     * @param tokens the account's tokens (their state drives {@code AUTH_REQUIRED})
     * @param options what and how often to poll
     * @param realtimeFactory makes the websocket for the account's user id; {@code null} for REST only
     * @param listener receives the events
     * @param clock for event times and cooldowns
     */
    public SimplisafeEventFeed(Vertx vertx, SimpliSafeClient client, TokenRefresher tokens, SimplisafeFeedOptions options,
            BiFunction<Long, RealtimeSink, RealtimeSource> realtimeFactory, SimplisafeFeedListener listener, Clock clock) {
        this(vertx, client, tokens, options, realtimeFactory, listener, clock, FeedCheckpointFile.none());
    }

    /**
     * A feed that resumes from {@code checkpoints} after a restart and saves to it before it hands
     * upstream events to the listener, so a crash never makes it emit an event twice and the events of
     * the downtime are back-filled from the history.
     *
     * @param checkpoints the account's checkpoint file, {@link FeedCheckpointFile#none()} for none
     */
    public SimplisafeEventFeed(Vertx vertx, SimpliSafeClient client, TokenRefresher tokens, SimplisafeFeedOptions options,
            BiFunction<Long, RealtimeSink, RealtimeSource> realtimeFactory, SimplisafeFeedListener listener, Clock clock,
            FeedCheckpointFile checkpoints) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.options = Objects.requireNonNull(options, "options");
        this.realtimeFactory = realtimeFactory;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts in the background: reads the account's systems (retrying until it can), then polls and listens. */
    public void start() {
        tokens.addListener(authListener);
        begin();
    }

    /** The current mode; {@code REST_ONLY} until the websocket is live. */
    public synchronized ConnectionMode mode() {
        return mode != null ? mode : computeMode();
    }

    /** Why events may not be flowing, or {@code null} when the last poll worked. */
    public synchronized String problem() {
        if (mode() == ConnectionMode.AUTH_REQUIRED) {
            return "authorization required: run 'authorize simplisafe' (the cloud refused the refresh token)";
        }
        return problem;
    }

    /** The websocket's state in one line, or {@code null} when the feed runs without it. */
    public synchronized String realtimeDescription() {
        return realtime == null ? null : realtime.describe() + (realtimeProblem == null ? "" : " (" + realtimeProblem + ")");
    }

    /** The systems being watched (empty until the start has read them). */
    public synchronized Set<Long> systemIds() {
        return Set.copyOf(watches.keySet());
    }

    /**
     * Every device of the watched systems (systems, sensors, locks, cameras) once the start has
     * read the systems and every system's sensors and locks were read by a poll; empty before.
     */
    public Optional<Set<String>> completeDeviceIds() {
        List<SystemWatch> current;
        synchronized (this) {
            if (!started || watches.isEmpty()) {
                return Optional.empty();
            }
            current = List.copyOf(watches.values());
        }
        Set<String> ids = new HashSet<>();
        for (SystemWatch watch : current) {
            Optional<Set<String>> devices = watch.deviceIds();
            if (devices.isEmpty()) {
                return Optional.empty();
            }
            ids.addAll(devices.get());
        }
        return Optional.of(Set.copyOf(ids));
    }

    /** The counters. */
    public FeedStats stats() {
        return stats;
    }

    /** The websocket's counters, while the feed runs with one. */
    public synchronized Optional<RealtimeStats> realtimeStats() {
        return realtime == null ? Optional.empty() : realtime.stats();
    }

    /** A command changed the alarm state of {@code systemId}: rest the sensors for the cooldown (brief 11). */
    public void noteArmingCommand(long systemId) {
        SystemWatch watch;
        synchronized (this) {
            watch = watches.get(systemId);
        }
        if (watch != null) {
            watch.pauseSensorsAfterArming();
        }
    }

    private void begin() {
        if (isClosed()) {
            return;
        }
        client.getUserId()
                .thenCompose(userId -> client.getSystems(userId).thenCompose(systems -> watch(userId, systems)))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        reportProblem("cannot read the account's systems: " + SystemWatch.describe(failure)
                                      + "; retrying every " + options.startRetryInterval().toSeconds() + " s");
                        later(options.startRetryInterval(), this::begin);
                    }
                });
    }

    private CompletableFuture<Void> watch(long userId, List<SimplisafeSystem> systems) {
        List<SimplisafeSystem> chosen = systems.stream()
                .filter(SimplisafeSystem::isUsable)
                .filter(system -> options.systemId() == null || options.systemId() == system.sid())
                .toList();
        if (chosen.isEmpty()) {
            String known = systems.stream().map(s -> Long.toString(s.sid())).collect(Collectors.joining(", "));
            return CompletableFuture.failedFuture(new IllegalStateException(options.systemId() == null
                    ? "the account has no usable system (systems: " + (known.isEmpty() ? "none" : known) + ")"
                    : "system " + options.systemId() + " is not a usable system of this account (systems: "
                      + (known.isEmpty() ? "none" : known) + "); check the systemId option"));
        }
        List<SystemWatch> created = chosen.stream().map(system -> {
            FeedCheckpointFile.SystemCheckpoint restored = checkpoints.restored(system.sid()).orElse(null);
            if (restored != null) {
                seen.restore(system.sid(), restored.emittedIds());
            }
            return new SystemWatch(system.sid(), client, options, seen, clock, restored);
        }).toList();
        List<CompletableFuture<Void>> baselines = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            baselines.add(created.get(i).baseline(chosen.get(i)));
        }
        return CompletableFuture.allOf(baselines.toArray(CompletableFuture[]::new)).thenRun(() -> {
            synchronized (this) {
                if (closed) {
                    return;
                }
                created.forEach(watch -> watches.put(watch.systemId(), watch));
                started = true;
                problem = null;
                lastLoggedProblem = null;
            }
            LOG.info("SimpliSafe: watching system(s) {}; {}", systemIds(),
                    realtimeFactory == null ? "REST polling only (realtime off)" : "polling, and connecting the websocket");
            updateMode("started");
            // The history position from now on, so that a crash before the first event still back-fills the downtime.
            checkpoint();
            created.forEach(this::announceSnapshot);
            created.forEach(watch -> schedule(watch, watch.nextInterval()));
            if (realtimeFactory != null) {
                RealtimeSource source = realtimeFactory.apply(userId, new Sink());
                synchronized (this) {
                    if (closed) {
                        source.close();
                        return;
                    }
                    realtime = source;
                }
                source.start();
            }
        });
    }

    /** The state a system is in when watching starts, so consumers (Home Assistant's panel) know it before any change. */
    private void announceSnapshot(SystemWatch watch) {
        SystemStatus status = watch.status();
        if (status == null) {
            return;
        }
        Instant now = clock.instant();
        deliver(SimplisafeEvent.builder().systemId(watch.systemId()).deviceId(Long.toString(watch.systemId()))
                .type(PollEventTypes.STATE_SNAPSHOT).info(status.alarmState() == null ? null : status.alarmState().name())
                .origin(SimplisafeEventOrigin.POLL).raw(status.raw()).time(now).receivedAt(now).build());
    }

    private void schedule(SystemWatch watch, Duration delay) {
        later(delay, () -> tick(watch));
    }

    private void later(Duration delay, Runnable task) {
        synchronized (this) {
            if (closed) {
                return;
            }
            long[] id = new long[1];
            id[0] = vertx.setTimer(Math.max(1, delay.toMillis()), fired -> {
                synchronized (this) {
                    timers.remove(id[0]);
                }
                task.run();
            });
            timers.add(id[0]);
        }
    }

    private void tick(SystemWatch watch) {
        if (isClosed()) {
            return;
        }
        if (tokens.status().state() == AuthState.AUTH_REQUIRED) {
            // Someone may have run authorize simplisafe meanwhile; the store tells.
            tokens.adoptNewerStoredTokens();
            schedule(watch, options.slowPollInterval());
            return;
        }
        stats.polls.increment();
        boolean readHistory = !isRealtimeLive();
        watch.poll(readHistory).handle((events, failure) -> {
            if (failure == null) {
                clearProblem();
                return deliverAll(events).thenRun(() -> schedule(watch, watch.nextInterval()));
            }
            stats.failedPolls.increment();
            Throwable cause = SystemWatch.cause(failure);
            List<SimplisafeEvent> salvaged = cause instanceof SystemWatch.PollFailure pf ? pf.events() : List.of();
            Throwable root = cause instanceof SystemWatch.PollFailure && cause.getCause() != null ? cause.getCause() : cause;
            Duration next = watch.nextInterval();
            if (root instanceof ForbiddenException) {
                next = nextForbiddenPause();
                reportProblem("SimpliSafe answered 403 (rate limit or account restriction) for system " + watch.systemId()
                              + "; polling pauses " + next.toSeconds() + " s");
            } else {
                reportProblem("poll of system " + watch.systemId() + " failed: " + SystemWatch.describe(root));
            }
            Duration wait = next;
            return deliverAll(salvaged).thenRun(() -> schedule(watch, wait));
        }).thenCompose(stage -> stage).exceptionally(bug -> {
            LOG.warn("SimpliSafe system {}: unexpected failure in the poll loop, polling goes on: {}", watch.systemId(), bug.toString());
            schedule(watch, options.slowPollInterval());
            return null;
        });
    }

    private synchronized Duration nextForbiddenPause() {
        forbiddenPause = forbiddenPause == null ? options.forbiddenBackoff()
                : min(forbiddenPause.multipliedBy(2), options.maxForbiddenBackoff());
        return forbiddenPause;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private CompletableFuture<Void> deliverAll(List<SimplisafeEvent> events) {
        CompletableFuture<Void> chain = events.stream().anyMatch(event -> event.eventId() != null) ? checkpoint()
                : CompletableFuture.completedFuture(null);
        for (SimplisafeEvent event : events) {
            chain = chain.thenCompose(previous -> deliver(event));
        }
        return chain;
    }

    private CompletableFuture<Void> deliver(SimplisafeEvent event) {
        if (isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        stats.emitted.increment();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            listener.onEvent(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    stats.listenerFailures.increment();
                    LOG.warn("SimpliSafe event {} ({}) of system {}: the consumer failed: {}", event.id(), event.type(),
                            event.systemId(), failure.toString());
                }
                done.complete(null);
            });
        } catch (RuntimeException e) {
            stats.listenerFailures.increment();
            LOG.warn("SimpliSafe event {} ({}): the consumer threw: {}", event.id(), event.type(), e.toString());
            done.complete(null);
        }
        return done;
    }

    /**
     * Saves every watched system's history position and seen ids, off the event loop; completes when
     * written (or failed: the file logs it and the feed goes on). Called before upstream events are
     * handed on, so every event a sink received is in the file.
     */
    private CompletableFuture<Void> checkpoint() {
        if (!checkpoints.isPersistent()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        vertx.executeBlocking(() -> {
            Map<Long, FeedCheckpointFile.SystemCheckpoint> systems = new LinkedHashMap<>();
            List<SystemWatch> all;
            synchronized (this) {
                all = List.copyOf(watches.values());
            }
            // Read when writing, not when asked: a later write never carries older state than an earlier one.
            all.forEach(watch -> systems.put(watch.systemId(), watch.checkpoint()));
            checkpoints.save(systems);
            return null;
        }, true).onComplete(done -> written.complete(null));
        return written;
    }

    private synchronized void clearProblem() {
        forbiddenPause = null;
        if (problem != null && started) {
            LOG.info("SimpliSafe: polling works again");
        }
        problem = null;
        lastLoggedProblem = null;
    }

    private void reportProblem(String text) {
        boolean log;
        synchronized (this) {
            problem = text;
            log = !text.equals(lastLoggedProblem);
            lastLoggedProblem = text;
        }
        if (log) {
            LOG.warn("SimpliSafe: {}", text);
        }
    }

    private synchronized boolean isRealtimeLive() {
        return realtimeLive;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized ConnectionMode computeMode() {
        if (tokens.status().state() == AuthState.AUTH_REQUIRED) {
            return ConnectionMode.AUTH_REQUIRED;
        }
        return realtimeLive ? ConnectionMode.REALTIME : ConnectionMode.REST_ONLY;
    }

    private void updateMode(String reason) {
        ConnectionMode previous;
        ConnectionMode current;
        List<Long> systems;
        synchronized (this) {
            if (!started || closed) {
                return;
            }
            previous = mode;
            current = computeMode();
            if (current == previous) {
                return;
            }
            mode = current;
            systems = List.copyOf(watches.keySet());
        }
        LOG.info("SimpliSafe connection mode {}{} ({})", current, previous == null ? "" : " (was " + previous + ")", reason);
        Instant now = clock.instant();
        for (long systemId : systems) {
            ObjectNode raw = JsonNodeFactory.instance.objectNode();
            raw.put("connection_mode", current.name());
            if (previous != null) {
                raw.put("previous", previous.name());
            }
            raw.put("reason", reason);
            deliver(bridgeEvent(systemId, CONNECTION_MODE_CHANGED, current.name(), raw, now));
        }
    }

    private static SimplisafeEvent bridgeEvent(long systemId, String type, String info, ObjectNode raw, Instant now) {
        return SimplisafeEvent.builder().systemId(systemId).deviceId(Long.toString(systemId)).type(type).info(info)
                .origin(BRIDGE).raw(raw).time(now).receivedAt(now).build();
    }

    private void onAuthStateChange(String account, AuthStatus previous, AuthStatus current) {
        updateMode("authorization " + current.state());
        RealtimeSource source;
        synchronized (this) {
            source = realtime;
        }
        if (previous.state() == AuthState.AUTH_REQUIRED && current.state() != AuthState.AUTH_REQUIRED && source != null) {
            source.reconnect("authorized again");
        }
    }

    /** Stops polling and the websocket; no event is delivered after it returns. */
    @Override
    public void close() {
        RealtimeSource source;
        List<Long> cancel;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            source = realtime;
            realtime = null;
            cancel = List.copyOf(timers);
            timers.clear();
        }
        tokens.removeListener(authListener);
        cancel.forEach(vertx::cancelTimer);
        if (source != null) {
            source.close();
        }
    }

    @Override
    public String toString() {
        return "SimplisafeEventFeed[" + mode() + ", systems " + systemIds() + "]";
    }

    /** The websocket's reports, applied to the feed. */
    private final class Sink implements RealtimeSink {

        @Override
        public void onEvent(SimplisafeEvent event) {
            stats.realtimeEvents.increment();
            SystemWatch watch;
            synchronized (SimplisafeEventFeed.this) {
                watch = watches.get(event.systemId());
            }
            if (watch == null) {
                LOG.debug("SimpliSafe: websocket event {} of system {} is not for a watched system", event.id(), event.systemId());
                return;
            }
            if (watch.admitUpstream(event)) {
                checkpoint().thenCompose(saved -> deliver(event));
            } else {
                stats.duplicates.increment();
            }
        }

        @Override
        public void onLive(boolean afterGap) {
            List<SystemWatch> all;
            synchronized (SimplisafeEventFeed.this) {
                realtimeLive = true;
                realtimeProblem = null;
                all = List.copyOf(watches.values());
            }
            updateMode(afterGap ? "websocket live again" : "websocket live");
            Instant now = clock.instant();
            for (SystemWatch watch : all) {
                CompletableFuture<Void> marker = CompletableFuture.completedFuture(null);
                if (afterGap) {
                    ObjectNode raw = JsonNodeFactory.instance.objectNode().put("reason", "websocket reconnected");
                    marker = deliver(bridgeEvent(watch.systemId(), STREAM_RECONNECTED, "events may have been missed; back-filled"
                                                                                       + " from the event history", raw, now));
                }
                // Events between the last poll and now may have passed on neither path: the history has them.
                stats.backfills.increment();
                marker.thenCompose(ok -> watch.backfill()).thenCompose(SimplisafeEventFeed.this::deliverAll)
                        .exceptionally(failure -> {
                            LOG.info("SimpliSafe system {}: back-fill from the event history failed ({}); the next polls read it",
                                    watch.systemId(), SystemWatch.describe(failure));
                            return null;
                        }).whenComplete((ok, bug) -> stats.backfillsDone.increment());
            }
        }

        @Override
        public void onLost(String reason) {
            synchronized (SimplisafeEventFeed.this) {
                realtimeLive = false;
                realtimeProblem = reason;
            }
            updateMode("websocket lost: " + reason);
        }

        @Override
        public void onRefused(int consecutiveRefusals, Instant retryAt) {
            synchronized (SimplisafeEventFeed.this) {
                realtimeLive = false;
                realtimeProblem = "refused with HTTP 403 " + consecutiveRefusals + " times; next try at " + retryAt;
            }
            LOG.warn("SimpliSafe refuses the websocket (HTTP 403, {} times in a row), as it does for many accounts since 2025:"
                     + " events keep flowing by REST polling; the websocket is tried again at {}", consecutiveRefusals, retryAt);
            updateMode("websocket refused");
        }
    }
}
