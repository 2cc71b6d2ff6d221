package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Instant;

/**
 * An event the simulator published, with when and to how many open streams.
 *
 * @param time      when it was published
 * @param event     the event
 * @param delivered how many open streams it was handed to (a stalled stream still counts)
 */
public record PublishedEvent(Instant time, ApplianceEvent event, int delivered) {
}
