package io.github.camelsmarthome.homeconnect.api.state;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an {@link ApplianceStateStore} at most once per delay after it changes, and on demand at
 * stop, on Vert.x worker threads so the event loop never waits for the disk. A stream that
 * changes state many times a second still writes once per delay.
 */
public final class StateSaveScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(StateSaveScheduler.class);

    private final Vertx vertx;
    private final ApplianceStateStore store;
    private final long delayMillis;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong timer = new AtomicLong(-1);
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * Saves {@code store} at most once per {@code delay}; call {@link #changed()} after each change
     * (or register it with {@link ApplianceStateStore#addChangeListener}).
     */
    public StateSaveScheduler(Vertx vertx, ApplianceStateStore store, Duration delay) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.delayMillis = Math.max(1, delay.toMillis());
    }

    /** The state changed: a save is scheduled unless one already is. Any thread. */
    public void changed() {
        if (stopped || !scheduled.compareAndSet(false, true)) {
            return;
        }
        timer.set(vertx.setTimer(delayMillis, id -> {
            timer.set(-1);
            scheduled.set(false);
            saveNow();
        }));
    }

    /** Saves now if anything changed, and schedules no more saves; completes when written. */
    public Future<Void> flushAndStop() {
        stopped = true;
        long pending = timer.getAndSet(-1);
        if (pending >= 0) {
            vertx.cancelTimer(pending);
        }
        return saveNow();
    }

    private Future<Void> saveNow() {
        return vertx.<Void>executeBlocking(() -> {
            store.save();
            return null;
        }, true).onSuccess(saved -> {
            if (failing.compareAndSet(true, false)) {
                LOG.info("Appliance state is saved again to {}", store.file().orElse(null));
            }
        }).recover(failure -> {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Cannot save appliance state to {} ({}); a restart will read the appliances from Home Connect "
                        + "again. Retrying with the next change.", store.file().orElse(null), failure.toString());
            }
            return Future.succeededFuture();
        });
    }
}
