package io.github.camelsmarthome.simulator.miio;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the fake gateway, for assertions and the launcher. */
public final class GatewayStats {

    final LongAdder hellosAnswered = new LongAdder();
    final LongAdder requestsAnswered = new LongAdder();
    final LongAdder datagramsDropped = new LongAdder();
    final LongAdder invalidRequests = new LongAdder();
    final LongAdder eventsSent = new LongAdder();
    final LongAdder eventsAcked = new LongAdder();
    final LongAdder retransmissions = new LongAdder();
    final LongAdder eventsUnacknowledged = new LongAdder();
    final LongAdder duplicatesSent = new LongAdder();
    final LongAdder keepalivesSent = new LongAdder();

    /** Hello requests answered with a hello reply. */
    public long hellosAnswered() {
        return hellosAnswered.sum();
    }

    /** Valid requests answered (results and errors). */
    public long requestsAnswered() {
        return requestsAnswered.sum();
    }

    /** Datagrams dropped unanswered: malformed, wrong token, undecryptable, or received while silent. */
    public long datagramsDropped() {
        return datagramsDropped.sum();
    }

    /** Authenticated requests that were not a JSON object with an id, or had unusable params. */
    public long invalidRequests() {
        return invalidRequests.sum();
    }

    /** Events sent for the first time (one per fired scene whose target answered the hello). */
    public long eventsSent() {
        return eventsSent.sum();
    }

    /** Events acknowledged by their target (a duplicate's ack is not counted again). */
    public long eventsAcked() {
        return eventsAcked.sum();
    }

    /** Re-sends of an event packet after an ack timeout. */
    public long retransmissions() {
        return retransmissions.sum();
    }

    /** Events given up after every retry, or whose target never answered the hello. */
    public long eventsUnacknowledged() {
        return eventsUnacknowledged.sum();
    }

    /** Deliberate second copies of acknowledged events (double-send mode). */
    public long duplicatesSent() {
        return duplicatesSent.sum();
    }

    /** Keepalive hellos sent to scene targets. */
    public long keepalivesSent() {
        return keepalivesSent.sum();
    }
}
