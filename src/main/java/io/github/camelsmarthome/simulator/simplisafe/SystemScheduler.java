package io.github.camelsmarthome.simulator.simplisafe;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x timers in system time (exit and entry delays, alarm duration, lock motors). Tasks run on
 * an event loop and only take the system's monitor for the moment a state change needs.
 */
final class SystemScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    private final Vertx vertx;
    private final SimulatedTime time;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    SystemScheduler(Vertx vertx, SimulatedTime time) {
        this.vertx = vertx;
        this.time = time;
    }

    void after(Duration systemTime, Runnable task) {
        long timer = vertx.setTimer(time.realMillis(systemTime), id -> {
            pending.remove(id);
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failed tick must not take the event loop's other work with it.
                LOG.warn("SimpliSafe simulator timer task failed", e);
            }
        });
        pending.add(timer);
    }

    /** Cancels every pending timer: a borrowed Vert.x outlives the simulator, its timers must not. */
    void cancelAll() {
        pending.forEach(vertx::cancelTimer);
        pending.clear();
    }
}
