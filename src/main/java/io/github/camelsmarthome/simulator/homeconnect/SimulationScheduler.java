package io.github.camelsmarthome.simulator.homeconnect;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x timers in appliance time or in real time. Tasks run on an event loop, so they must not
 * block; they only take an appliance's monitor for the microseconds a state change needs.
 */
final class SimulationScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationScheduler.class);

    private final Vertx vertx;
    private final SimulationClock clock;

    SimulationScheduler(Vertx vertx, SimulationClock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    long afterApplianceTime(Duration applianceTime, Runnable task) {
        return vertx.setTimer(clock.realMillis(applianceTime), id -> runLogged(task));
    }

    long afterRealTime(Duration realTime, Runnable task) {
        return vertx.setTimer(Math.max(1, realTime.toMillis()), id -> runLogged(task));
    }

    long everyRealTime(Duration period, Runnable task) {
        return vertx.setPeriodic(Math.max(1, period.toMillis()), id -> runLogged(task));
    }

    void cancel(long timerId) {
        vertx.cancelTimer(timerId);
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A failed tick must not kill the event loop's other work; the simulator stays usable.
            LOG.warn("Simulator timer task failed", e);
        }
    }
}
