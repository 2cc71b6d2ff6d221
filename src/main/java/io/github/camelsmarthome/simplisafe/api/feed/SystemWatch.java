package io.github.camelsmarthome.simplisafe.api.feed;

import io.github.camelsmarthome.simplisafe.api.change.SimplisafeChangeDetector;
import io.github.camelsmarthome.simplisafe.api.change.SystemSnapshot;
import io.github.camelsmarthome.simplisafe.api.client.NoRemoteManagementException;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeException;
import io.github.camelsmarthome.simplisafe.api.event.EventHistoryCursor;
import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import io.github.camelsmarthome.simplisafe.api.model.Camera;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the feed knows of one system between polls — the last snapshot, the history position,
 * the announced states, the cooldown — and one poll of it: state, sensors and locks, optionally
 * the event history, turned into the events to emit, oldest first.
 */
final class SystemWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SystemWatch.class);

    private final long systemId;
    private final SimpliSafeClient client;
    private final SimplisafeFeedOptions options;
    private final SeenEventIds seen;
    private final Clock clock;
    private final SimplisafeChangeDetector detector = new SimplisafeChangeDetector();
    private final EventHistoryCursor cursor;
    private final boolean positionRestored;
    private final AnnouncedStates announced = new AnnouncedStates();

    // Guarded by this.
    private SystemSnapshot previous;
    private Set<String> cameraIds = Set.of();
    private boolean hasLocks;
    private boolean sensorsAllowed;
    private Instant sensorsPausedUntil = Instant.MIN;

    SystemWatch(long systemId, SimpliSafeClient client, SimplisafeFeedOptions options, SeenEventIds seen, Clock clock) {
        this(systemId, client, options, seen, clock, null);
    }

    /**
     * A watch resuming from a checkpoint: with a saved history position the first history page is
     * read as new since that position (the downtime's events), not as a baseline.
     */
    SystemWatch(long systemId, SimpliSafeClient client, SimplisafeFeedOptions options, SeenEventIds seen, Clock clock,
            FeedCheckpointFile.SystemCheckpoint restored) {
        this.systemId = systemId;
        this.positionRestored = restored != null && restored.hasPosition();
        this.cursor = positionRestored ? EventHistoryCursor.at(restored.lastEventIdOrNull(), restored.lastEventTimeOrNull())
                : new EventHistoryCursor();
        this.client = client;
        this.options = options;
        this.seen = seen;
        this.clock = clock;
        this.sensorsAllowed = options.pollSensors();
    }

    long systemId() {
        return systemId;
    }

    /** The phase of the last poll, {@link AlarmPhase#UNKNOWN} before the first. */
    synchronized AlarmPhase phase() {
        return previous == null || previous.status() == null ? AlarmPhase.UNKNOWN : previous.status().phase();
    }

    /**
     * The system's devices (the system, its sensors, locks and cameras) once a poll has read its
     * sensors and locks; empty before, or while sensors are not read at all (pollSensors off, no
     * remote management): without them the list would not be complete.
     */
    synchronized Optional<Set<String>> deviceIds() {
        if (previous == null || previous.sensors() == null || previous.locks() == null) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>(cameraIds);
        ids.add(Long.toString(systemId));
        previous.sensors().forEach(sensor -> ids.add(sensor.serial()));
        previous.locks().forEach(lock -> ids.add(lock.serial()));
        return Optional.of(Set.copyOf(ids));
    }

    /** Events name a camera by its serial, media by its uuid: both, so that neither is taken for a removed device. */
    private static Set<String> cameraIds(SimplisafeSystem system) {
        Set<String> ids = new HashSet<>();
        for (Camera camera : system.cameras()) {
            if (camera.uuid() != null) {
                ids.add(camera.uuid());
            }
            if (camera.serial() != null) {
                ids.add(camera.serial());
            }
        }
        return Set.copyOf(ids);
    }

    /** The last state a poll read, if any. */
    synchronized SystemStatus status() {
        return previous == null ? null : previous.status();
    }

    /** What to save of this system: its history position and the ids seen, oldest first. */
    FeedCheckpointFile.SystemCheckpoint checkpoint() {
        return new FeedCheckpointFile.SystemCheckpoint(cursor.lastEventId().isPresent() ? cursor.lastEventId().getAsLong() : null,
                cursor.lastEventTime().orElse(null), seen.ids(systemId));
    }

    /**
     * The first poll: its answers are the comparison base and the history position; nothing from it
     * is emitted (the bridge reports changes, not the past). With a restored position the history is
     * not read here: the next history read returns what happened since, the downtime included.
     */
    CompletableFuture<Void> baseline(SimplisafeSystem system) {
        CompletableFuture<SensorReadout> sensors = readSensors();
        CompletableFuture<EventHistoryPage> history = positionRestored ? CompletableFuture.completedFuture(null)
                : client.getEvents(systemId, options.historyPageSize(), null);
        return CompletableFuture.allOf(sensors.exceptionally(e -> null), history.exceptionally(e -> null)).thenAccept(done -> {
            Instant now = clock.instant();
            SensorReadout readout = sensors.isCompletedExceptionally() ? null : sensors.join();
            synchronized (this) {
                previous = SystemSnapshot.of(system, readout, now);
                cameraIds = cameraIds(system);
                hasLocks = readout != null && !readout.locks().isEmpty();
                if (system.status() != null) {
                    announced.baseline(systemId, system.status().phase());
                }
            }
            if (!history.isCompletedExceptionally() && history.join() != null) {
                history.join().events().forEach(seen::firstSighting);
                cursor.advance(history.join().events());
            }
        });
    }

    /**
     * One poll.
     *
     * @param readHistory also read the event history (REST-only mode, and after a gap)
     * @return the events to emit, oldest first; fails only when the system state could not be read
     */
    CompletableFuture<List<SimplisafeEvent>> poll(boolean readHistory) {
        CompletableFuture<EventHistoryPage> history = readHistory
                ? client.getEvents(systemId, options.historyPageSize(), null) : CompletableFuture.completedFuture(null);
        CompletableFuture<SystemStatus> state = client.getState(systemId);
        CompletableFuture<SensorReadout> sensors = readSensors();
        return CompletableFuture.allOf(history.exceptionally(e -> null), state.exceptionally(e -> null), sensors.exceptionally(e -> null))
                .thenApply(done -> {
                    List<SimplisafeEvent> events = new ArrayList<>();
                    if (!history.isCompletedExceptionally() && history.join() != null) {
                        events.addAll(fromHistory(history.join()));
                    } else if (history.isCompletedExceptionally()) {
                        LOG.info("SimpliSafe system {}: the event history could not be read this time: {}", systemId,
                                describe(history));
                    }
                    if (state.isCompletedExceptionally()) {
                        // History events already read are not lost: they are emitted with the failure.
                        throw new PollFailure(cause(state), events);
                    }
                    SensorReadout readout = sensors.isCompletedExceptionally() ? null : sensors.join();
                    if (sensors.isCompletedExceptionally()) {
                        LOG.debug("SimpliSafe system {}: sensors not read this time: {}", systemId, describe(sensors));
                    }
                    events.addAll(fromPoll(state.join(), readout));
                    return events;
                });
    }

    /** A back-fill after a gap: the history's events since the last known one, not yet emitted. */
    CompletableFuture<List<SimplisafeEvent>> backfill() {
        return client.getEvents(systemId, options.historyPageSize(), null).thenApply(this::fromHistory);
    }

    /** An upstream event (websocket): whether to emit it, recording it as seen and announced. */
    boolean admitUpstream(SimplisafeEvent event) {
        return seen.firstSighting(event) && announced.admit(event, null);
    }

    /** The alarm state is changing (a command, or a poll saw it): on systems with locks, leave the sensors alone a while. */
    synchronized void pauseSensorsAfterArming() {
        if (hasLocks && !options.armCooldown().isZero()) {
            sensorsPausedUntil = clock.instant().plus(options.armCooldown());
        }
    }

    private List<SimplisafeEvent> fromHistory(EventHistoryPage page) {
        EventHistoryCursor.Delta delta = cursor.advance(page.events());
        if (delta.gapPossible()) {
            LOG.info("SimpliSafe system {}: all {} history events are new; older ones may have been missed (raise"
                     + " historyPageSize or poll more often)", systemId, page.events().size());
        }
        List<SimplisafeEvent> events = new ArrayList<>();
        for (SimplisafeEvent event : delta.newEvents()) {
            if (seen.firstSighting(event) && announced.admit(event, null)) {
                events.add(event);
            }
        }
        return events;
    }

    private List<SimplisafeEvent> fromPoll(SystemStatus status, SensorReadout readout) {
        Instant now = clock.instant();
        SystemSnapshot current = new SystemSnapshot(systemId, status, readout == null ? null : readout.sensors(),
                readout == null ? null : readout.locks(), now);
        List<SimplisafeEvent> changes;
        AlarmPhase before;
        synchronized (this) {
            before = phase();
            changes = detector.changes(previous, current);
            previous = current.orElse(previous);
            if (readout != null) {
                hasLocks = !readout.locks().isEmpty();
            }
        }
        if (status != null && before != AlarmPhase.UNKNOWN && status.phase() != before) {
            pauseSensorsAfterArming();
        }
        AlarmPhase phase = status == null ? null : status.phase();
        List<SimplisafeEvent> events = new ArrayList<>(changes.size());
        for (SimplisafeEvent change : changes) {
            if (announced.admit(change, phase)) {
                events.add(change);
            }
        }
        return events;
    }

    private CompletableFuture<SensorReadout> readSensors() {
        synchronized (this) {
            if (!sensorsAllowed) {
                return CompletableFuture.completedFuture(null);
            }
            if (clock.instant().isBefore(sensorsPausedUntil)) {
                LOG.debug("SimpliSafe system {}: sensors not read during the cooldown after arming", systemId);
                return CompletableFuture.completedFuture(null);
            }
        }
        return client.getSensors(systemId, false).whenComplete((readout, failure) -> {
            if (cause(failure) instanceof NoRemoteManagementException) {
                synchronized (this) {
                    sensorsAllowed = false;
                }
                LOG.info("SimpliSafe system {}: the plan does not allow reading sensors (NoRemoteManagement); sensor, battery"
                         + " and lock events come only from the event history and the websocket", systemId);
            }
        });
    }

    static Throwable cause(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof java.util.concurrent.ExecutionException)
               && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static Throwable cause(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException e) {
            return cause(e);
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause == null) {
            return "no failure";
        }
        if (cause instanceof SimpliSafeException simplisafe) {
            return simplisafe.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String describe(CompletableFuture<?> failed) {
        return describe(cause(failed));
    }

    /** The state could not be read; carries the history events read in the same poll. */
    static final class PollFailure extends RuntimeException {
        private final transient List<SimplisafeEvent> events;

        PollFailure(Throwable cause, List<SimplisafeEvent> events) {
            super(describe(cause), cause, false, false);
            this.events = List.copyOf(events);
        }

        List<SimplisafeEvent> events() {
            return events;
        }
    }

    /** How long to wait before the next poll of this system in the given phase. */
    Duration nextInterval() {
        return switch (phase()) {
            case ARMING, ARMED_HOME, ARMED_AWAY, PENDING, TRIGGERED -> options.fastPollInterval();
            case DISARMED, UNKNOWN -> options.slowPollInterval();
        };
    }
}
