package io.github.camelsmarthome.homeconnect.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeconnect.api.ApplianceOfflineException;
import io.github.camelsmarthome.homeconnect.api.ApplianceStateSource;
import io.github.camelsmarthome.homeconnect.api.NoProgramActiveException;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeconnect.api.state.ApplianceStateStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the saved state up after events may have been lost (brief 8.7 rules 5 to 8), within the
 * request budget:
 * <ul>
 *   <li>after a reconnect, and once for an account never seen before: {@code GET /homeappliances}
 *       (pairing and {@code connected}), then for each connected appliance {@code status} and
 *       {@code settings}, and {@code programs/active} only while OperationState is DelayedStart,
 *       Run, Pause or ActionRequired;</li>
 *   <li>after CONNECTED: that appliance's reads; after PAIRED: the list (for its identity) and its
 *       reads;</li>
 *   <li>never a read of an appliance known to be disconnected; a depaired one is dropped;</li>
 *   <li>an appliance that went quiet while running: its status, and when its OperationState
 *       disagrees with the stream, the stream is reported stalled (rule 9).</li>
 * </ul>
 * Re-reads of one appliance are limited by {@link ApplianceRefreshLimiter}, the seeding of a new
 * account excepted. Answers become synthetic events (origin {@code resync}) handed to the sink,
 * minus keys an event changed while the answer was in flight. Reads run one at a time; the first
 * failure other than "appliance offline" or "no program active" (a budget refusal, a server error)
 * ends the resync, logged once, and the next reconnect tries again.
 *
 * <p>Runs on the stream's event loop: every method must be called there, and answers are handled
 * there ({@code onLoop}).
 */
final class ApplianceResync {

    private static final Logger LOG = LoggerFactory.getLogger(ApplianceResync.class);
    private static final String OPERATION_STATE = "BSH.Common.Status.OperationState";
    private static final List<String> PROGRAM_STATES = List.of("DelayedStart", "Run", "Pause", "ActionRequired");

    private final EventStreamOptions options;
    private final ApplianceStateSource source;
    private final ApplianceStateStore store;
    private final Consumer<HomeConnectEvent> sink;
    private final Consumer<String> stalled;
    private final Executor onLoop;
    private final EventStreamMetrics metrics;
    private final Clock clock;
    private final ApplianceRefreshLimiter limiter;
    private final Deque<Task> tasks = new ArrayDeque<>();
    private boolean running;
    private boolean failing;
    private boolean stopped;

    /**
     * @param sink takes the events made from answers
     * @param stalled told the appliance whose REST status shows the stream missed its events
     */
    ApplianceResync(EventStreamOptions options, ApplianceStateSource source, ApplianceStateStore store,
            Consumer<HomeConnectEvent> sink, Consumer<String> stalled, Executor onLoop, EventStreamMetrics metrics) {
        this.options = options;
        this.source = source;
        this.store = store;
        this.sink = sink;
        this.stalled = stalled;
        this.onLoop = onLoop;
        this.metrics = metrics;
        this.clock = options.clock();
        this.limiter = new ApplianceRefreshLimiter(options.applianceRefreshLimit(), options.applianceRefreshWindow());
    }

    /**
     * Re-reads the whole account: after a reconnect, or with {@code seeding} for an account whose
     * state was never saved (then new appliances are not reported as PAIRED and the refresh limit
     * does not apply). Reads still queued from before are dropped: this one covers them.
     */
    void resyncAll(boolean seeding) {
        tasks.clear();
        tasks.add(new ListTask(seeding, null));
        runNext();
    }

    /** Reacts to an event received on the stream, after the store has applied it. */
    void onStreamEvent(HomeConnectEvent event) {
        HomeConnectEventType type = event.eventType();
        String haId = event.deviceId();
        if (type.equals(HomeConnectEventType.CONNECTED)) {
            refresh(haId, false);
        } else if (type.equals(HomeConnectEventType.PAIRED)) {
            refresh(haId, true);
        } else if (type.equals(HomeConnectEventType.DISCONNECTED)) {
            tasks.removeIf(task -> task instanceof ApplianceTask appliance && appliance.haId.equals(haId));
        } else if (type.equals(HomeConnectEventType.DEPAIRED)) {
            tasks.removeIf(task -> task instanceof ApplianceTask appliance && appliance.haId.equals(haId));
            limiter.forget(haId);
        }
    }

    /**
     * Brief 8.7 rule 9: one status read of an appliance that went quiet while running. When its
     * OperationState disagrees with what the stream said, the fresh status is emitted and the
     * stream is reported stalled, so it is reopened and resynced. Counts as a re-read.
     */
    void checkQuiet(String haId) {
        boolean covered = tasks.stream().anyMatch(task -> task instanceof ListTask
                || task instanceof ApplianceTask appliance && appliance.haId.equals(haId)
                || task instanceof QuietTask quiet && quiet.haId.equals(haId));
        if (covered || stopped) {
            return;
        }
        if (!limiter.tryAcquire(haId, clock.instant())) {
            metrics.countSuppressedRefresh();
            return;
        }
        tasks.add(new QuietTask(haId));
        runNext();
    }

    /** Drops queued reads and ignores answers still in flight. */
    void stop() {
        stopped = true;
        tasks.clear();
    }

    private void refresh(String haId, boolean paired) {
        boolean queued = tasks.stream().anyMatch(task -> task instanceof ApplianceTask appliance && appliance.haId.equals(haId)
                || task instanceof ListTask list && list.onlyHaId == null);
        if (queued) {
            return;
        }
        if (!limiter.tryAcquire(haId, clock.instant())) {
            metrics.countSuppressedRefresh();
            if (limiter.shouldReport(haId, clock.instant())) {
                LOG.info("Not re-reading {} of account {} after {}: it was re-read {} times within {}; until that window "
                        + "passes its state comes from events only", haId, options.account(), paired ? "PAIRED" : "CONNECTED",
                        options.applianceRefreshLimit(), options.applianceRefreshWindow());
            }
            return;
        }
        tasks.add(paired ? new ListTask(false, haId) : new ApplianceTask(haId));
        runNext();
    }

    private void runNext() {
        if (running || stopped || tasks.isEmpty()) {
            return;
        }
        Task task = tasks.poll();
        running = true;
        CompletableFuture<Void> done;
        if (task instanceof ListTask list) {
            done = readList(list);
        } else if (task instanceof ApplianceTask appliance) {
            done = readAppliance(appliance.haId);
        } else {
            done = readQuiet(((QuietTask) task).haId);
        }
        done.whenComplete((ignored, failure) -> onLoop.execute(() -> {
            running = false;
            if (stopped) {
                return;
            }
            if (failure != null) {
                giveUp(unwrap(failure));
            } else if (failing) {
                failing = false;
                LOG.info("Resync of Home Connect account {} works again", options.account());
            }
            runNext();
        }));
    }

    private CompletableFuture<Void> readList(ListTask task) {
        return call(() -> source.appliances(options.resyncPriority())).thenAcceptAsync(data -> {
            if (!stopped) {
                applyList(task, data.path("homeappliances"));
            }
        }, onLoop);
    }

    private void applyList(ListTask task, JsonNode listed) {
        Set<String> before = store.applianceIds();
        Set<String> present = new LinkedHashSet<>();
        for (JsonNode appliance : listed) {
            String haId = appliance.path("haId").asText("");
            if (haId.isEmpty() || task.onlyHaId != null && !task.onlyHaId.equals(haId)) {
                continue;
            }
            present.add(haId);
            boolean connected = appliance.path("connected").asBoolean(false);
            boolean known = before.contains(haId);
            if (!known && !task.seeding) {
                sink.accept(SyntheticEvents.inferredConnection(haId, HomeConnectEventType.PAIRED, clock.instant()));
            }
            store.updateIdentity(appliance);
            if (store.isConnected(haId) != connected || task.seeding && !connected) {
                sink.accept(SyntheticEvents.inferredConnection(haId,
                        connected ? HomeConnectEventType.CONNECTED : HomeConnectEventType.DISCONNECTED, clock.instant()));
            }
        }
        if (task.onlyHaId == null) {
            for (String gone : before) {
                if (!present.contains(gone)) {
                    sink.accept(SyntheticEvents.inferredConnection(gone, HomeConnectEventType.DEPAIRED, clock.instant()));
                    limiter.forget(gone);
                }
            }
            store.markListed();
        }
        for (String haId : present) {
            if (!store.isConnected(haId)) {
                continue;
            }
            if (task.seeding) {
                limiter.record(haId, clock.instant());
            } else if (task.onlyHaId == null && !limiter.tryAcquire(haId, clock.instant())) {
                metrics.countSuppressedRefresh();
                LOG.debug("Resync of account {} leaves out {}: re-read too often recently", options.account(), haId);
                continue;
            }
            tasks.add(new ApplianceTask(haId));
        }
    }

    private CompletableFuture<Void> readAppliance(String haId) {
        if (!store.isConnected(haId)) {
            return CompletableFuture.completedFuture(null);
        }
        return readResource(haId, "status", () -> source.status(haId, options.resyncPriority()))
                .thenComposeAsync(ignored -> readResource(haId, "settings", () -> source.settings(haId, options.resyncPriority())),
                        onLoop)
                .thenComposeAsync(ignored -> readActiveProgramIfRunning(haId), onLoop)
                .thenRunAsync(() -> {
                    if (!stopped && store.isConnected(haId)) {
                        store.markSynced(haId);
                    }
                }, onLoop)
                .exceptionallyComposeAsync(failure -> offlineIsAnAnswer(haId, failure), onLoop);
    }

    private CompletableFuture<Void> readQuiet(String haId) {
        if (stopped || !store.isConnected(haId)) {
            return CompletableFuture.completedFuture(null);
        }
        long mark = store.changeMark();
        String streamSaid = operationState(haId);
        return call(() -> source.status(haId, options.resyncPriority())).thenAcceptAsync(data -> {
            if (stopped || !store.isConnected(haId) || store.changedSince(haId, OPERATION_STATE, mark)) {
                return;
            }
            String restSays = null;
            for (JsonNode element : data.path("status")) {
                if (OPERATION_STATE.equals(element.path("key").asText())) {
                    restSays = element.path("value").asText();
                }
            }
            if (restSays != null && !restSays.equals(streamSaid)) {
                LOG.info("{} of account {} went quiet while the stream said {}, but Home Connect says {}: the stream "
                        + "has stopped carrying events", haId, options.account(), streamSaid, restSays);
                SyntheticEvents.fromList(haId, "status", data, key -> !store.changedSince(haId, key, mark), clock.instant())
                        .forEach(sink);
                stalled.accept(haId);
            }
        }, onLoop).exceptionallyComposeAsync(failure -> offlineIsAnAnswer(haId, failure), onLoop);
    }

    /** A 409 "offline" ends the reads of that appliance, marking it unavailable; any other failure stays one. */
    private CompletableFuture<Void> offlineIsAnAnswer(String haId, Throwable failure) {
        if (unwrap(failure) instanceof ApplianceOfflineException) {
            LOG.debug("Resync of account {}: {} is offline", options.account(), haId);
            if (!stopped && store.isConnected(haId)) {
                sink.accept(SyntheticEvents.inferredConnection(haId, HomeConnectEventType.DISCONNECTED, clock.instant()));
            }
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(failure);
    }

    /** Reads {@code status} or {@code settings} unless the appliance went away meanwhile. */
    private CompletableFuture<Void> readResource(String haId, String resource, Supplier<CompletableFuture<JsonNode>> read) {
        if (stopped || !store.isConnected(haId)) {
            return CompletableFuture.completedFuture(null);
        }
        long mark = store.changeMark();
        return call(read).thenAcceptAsync(data -> {
            if (!stopped && store.isConnected(haId)) {
                SyntheticEvents.fromList(haId, resource, data, key -> !store.changedSince(haId, key, mark), clock.instant())
                        .forEach(sink);
            }
        }, onLoop);
    }

    private CompletableFuture<Void> readActiveProgramIfRunning(String haId) {
        if (stopped || !store.isConnected(haId) || !programMayRun(haId)) {
            return CompletableFuture.completedFuture(null);
        }
        long mark = store.changeMark();
        SyntheticEvents.KeyFilter keep = key -> !store.changedSince(haId, key, mark);
        return call(() -> source.activeProgram(haId, options.resyncPriority()))
                .exceptionallyCompose(failure -> unwrap(failure) instanceof NoProgramActiveException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure))
                .thenAcceptAsync(program -> {
                    if (!stopped && store.isConnected(haId)) {
                        SyntheticEvents.fromActiveProgram(haId, program, keep, clock.instant()).forEach(sink);
                    }
                }, onLoop);
    }

    private boolean programMayRun(String haId) {
        String state = operationState(haId);
        return PROGRAM_STATES.stream().anyMatch(name -> state.endsWith("." + name));
    }

    /** Whether the stream last said the appliance runs a program: the case rule 9 watches. */
    boolean isRunning(String haId) {
        return operationState(haId).endsWith(".Run");
    }

    private String operationState(String haId) {
        return store.value(haId, OPERATION_STATE).map(JsonNode::asText).orElse("");
    }

    /** Counts the request and turns a throwing or null-returning source into a failed future. */
    private CompletableFuture<JsonNode> call(Supplier<CompletableFuture<JsonNode>> read) {
        metrics.countResyncRequest();
        try {
            CompletableFuture<JsonNode> answer = read.get();
            return answer != null ? answer : CompletableFuture.failedFuture(new IllegalStateException("no answer"));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private void giveUp(Throwable failure) {
        tasks.clear();
        metrics.countResyncIncomplete();
        String reason = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (!failing) {
            failing = true;
            LOG.warn("Resync of Home Connect account {} skipped the rest of its reads ({}); appliance state may be stale "
                    + "until the next reconnect tries again", options.account(), reason);
        } else {
            LOG.debug("Resync of Home Connect account {} skipped again ({})", options.account(), reason);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A queued piece of resync work. */
    private sealed interface Task permits ListTask, ApplianceTask, QuietTask {
    }

    /** Read the appliance list; {@code onlyHaId} limits it to one appliance (after PAIRED). */
    private record ListTask(boolean seeding, String onlyHaId) implements Task {
    }

    /** Read one appliance's status, settings and, while it runs, its program. */
    private record ApplianceTask(String haId) implements Task {
    }

    /** Read the status of an appliance that went quiet while running, to find a stalled stream. */
    private record QuietTask(String haId) implements Task {
    }
}
