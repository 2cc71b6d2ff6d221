package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;

/**
 * Appliance-time spacings of program runs, shared by every appliance and changeable while the
 * simulator runs.
 */
final class ApplianceTiming {

    /** How long an appliance says {@code Aborting} after a stop before it is {@code Ready}. */
    static final Duration ABORTING = Duration.ofSeconds(5);

    private volatile Duration progressCadence;
    private volatile Duration finishedHold;

    ApplianceTiming(Duration progressCadence, Duration finishedHold) {
        this.progressCadence = progressCadence;
        this.finishedHold = finishedHold;
    }

    Duration progressCadence() {
        return progressCadence;
    }

    Duration finishedHold() {
        return finishedHold;
    }

    void setProgressCadence(Duration cadence) {
        this.progressCadence = cadence;
    }

    void setFinishedHold(Duration hold) {
        this.finishedHold = hold;
    }
}
