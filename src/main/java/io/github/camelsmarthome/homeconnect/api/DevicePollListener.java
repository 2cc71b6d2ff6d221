package io.github.camelsmarthome.homeconnect.api;

import java.time.Duration;

/**
 * Hears how a device-flow login is progressing, to show a person something while they log in.
 * Called on a Vert.x thread: do not block.
 */
@FunctionalInterface
public interface DevicePollListener {

    /** What one poll of the token endpoint found. */
    enum Outcome {
        /** {@code authorization_pending}: the user has not finished yet. */
        PENDING,
        /** {@code slow_down}: the server asked for more spacing; the interval grew. */
        SLOW_DOWN,
        /** 429: the token endpoint limit was hit; the next poll waits for its {@code Retry-After}. */
        RATE_LIMITED,
        /** No answer or a server error; the poll is repeated. */
        TRANSIENT_FAILURE
    }

    /** A poll found {@code outcome}; the next one goes out in {@code nextPollIn}. */
    void polled(Outcome outcome, Duration nextPollIn);

    /** A listener that does nothing. */
    static DevicePollListener ignoring() {
        return (outcome, nextPollIn) -> { };
    }
}
