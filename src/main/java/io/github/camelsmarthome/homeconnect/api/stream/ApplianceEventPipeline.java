package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.state.ApplianceStateStore;
import io.github.camelsmarthome.homeconnect.api.state.StateSaveScheduler;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What happens to every event of one account, whichever way it came: the state store applies it
 * (and a save is scheduled), the resync reacts to it, and the listener gets it in order with
 * backpressure. Also makes the events the stream owes its listener: the saved state at start,
 * the gap marker and the resync after a reconnect, the seeding of an account never seen.
 *
 * <p>The connection side ({@link HomeConnectEventStream}) decides when the stream is open; this
 * side decides what consumers see. Not thread-safe: used on the stream's event loop only.
 */
final class ApplianceEventPipeline {

    private final HomeConnectEventStreamBuilder config;
    private final EventStreamOptions options;
    private final EventStreamMetrics metrics;
    private final Executor onLoop;
    private final EventDelivery delivery;
    private final QuietApplianceWatch quietWatch;
    private final Consumer<String> stalled;
    private volatile ApplianceStateStore store;
    private StateSaveScheduler saver;
    private ApplianceResync resync;

    /**
     * @param blocking run when the listener has all it may take: stop reading
     * @param unblocked run when the listener can take events again: read again
     * @param stalled told the appliance whose status shows the stream silently stopped carrying events
     */
    ApplianceEventPipeline(HomeConnectEventStreamBuilder config, EventStreamMetrics metrics, Executor onLoop, Runnable blocking,
            Runnable unblocked, Consumer<String> stalled) {
        this.config = config;
        this.stalled = stalled;
        this.quietWatch = new QuietApplianceWatch(config.options.silentStallTimeout());
        this.options = config.options;
        this.metrics = metrics;
        this.onLoop = onLoop;
        this.delivery = new EventDelivery(options.account(), config.listener, options.maxEventsInFlight(), onLoop, blocking,
                unblocked);
        this.store = config.stateStore;
        if (store != null) {
            store.addChangeListener(this::stateChanged);
        }
    }

    /**
     * Loads the saved state unless it is loaded already (a worker thread reads the file), then
     * hands it to the listener as {@code restored} events; completes with the number of known
     * appliances.
     */
    Future<Integer> open() {
        Future<ApplianceStateStore> loaded;
        if (store != null) {
            loaded = Future.succeededFuture(store);
        } else if (config.stateDirectory == null) {
            loaded = Future.succeededFuture(ApplianceStateStore.inMemory(options.account(), options.clock()));
        } else {
            loaded = config.vertx.executeBlocking(
                    () -> ApplianceStateStore.open(config.stateDirectory, options.account(), options.clock()), false);
        }
        return loaded.map(ready -> {
            if (store == null) {
                store = ready;
                store.addChangeListener(this::stateChanged);
            }
            saver = new StateSaveScheduler(config.vertx, store, options.stateSaveDelay());
            resync = new ApplianceResync(options, config.stateSource, store, this::emitSynthetic, stalled, onLoop, metrics);
            Instant now = options.clock().instant();
            store.appliances().forEach(appliance -> SyntheticEvents.restored(appliance, now).forEach(this::emitSynthetic));
            return store.applianceIds().size();
        });
    }

    /** The store, or {@code null} before the first {@link #open()} unless one was given. */
    ApplianceStateStore store() {
        return store;
    }

    /**
     * The stream is open. After a reconnect the gap marker goes to the listener ahead of every
     * event of the new connection, then the account is resynced; an account with no saved state
     * and nothing known is seeded once.
     */
    void connected(boolean reconnect, Instant disconnectedAt, Instant now, DisconnectReason reason) {
        quietWatch.connected(now);
        if (reconnect) {
            emitSynthetic(SyntheticEvents.streamReconnected(options.account(), disconnectedAt, now, reason));
        }
        boolean neverSeen = !store.restoredFromFile() && store.applianceIds().isEmpty();
        if (reconnect || neverSeen) {
            resync.resyncAll(store.applianceIds().isEmpty());
        }
    }

    /** An event received on the stream. */
    void received(HomeConnectEvent event) {
        quietWatch.heardFrom(event.deviceId(), event.receivedAt());
        store.apply(event);
        resync.onStreamEvent(event);
        delivery.offer(event);
    }

    /** A KEEP-ALIVE arrived: the moment to look for running appliances that went quiet (brief 8.7 rule 9). */
    void keepAlive(Instant at) {
        quietWatch.quiet(store.applianceIds(), resync::isRunning, at).forEach(resync::checkQuiet);
    }

    /** Whether the listener has all it may take: reading must pause. */
    boolean isBlocked() {
        return delivery.isBlocked();
    }

    /** Drops what was not handed over, stops resyncing and saves; completes when the state is written. */
    Future<Void> close() {
        if (resync != null) {
            resync.stop();
        }
        delivery.clear();
        return saver == null ? Future.succeededFuture() : saver.flushAndStop();
    }

    private void emitSynthetic(HomeConnectEvent event) {
        metrics.countSynthetic();
        store.apply(event);
        delivery.offer(event);
    }

    private void stateChanged() {
        StateSaveScheduler current = saver;
        if (current != null) {
            current.changed();
        }
    }
}
