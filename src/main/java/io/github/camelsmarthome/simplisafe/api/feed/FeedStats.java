package io.github.camelsmarthome.simplisafe.api.feed;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one feed, for metrics. Thread-safe. */
public final class FeedStats {

    final LongAdder polls = new LongAdder();
    final LongAdder failedPolls = new LongAdder();
    final LongAdder emitted = new LongAdder();
    final LongAdder realtimeEvents = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder backfills = new LongAdder();
    final LongAdder backfillsDone = new LongAdder();
    final LongAdder listenerFailures = new LongAdder();

    /** Polls started. */
    public long polls() {
        return polls.sum();
    }

    /** Polls whose system state could not be read. */
    public long failedPolls() {
        return failedPolls.sum();
    }

    /** Events handed to the listener. */
    public long emitted() {
        return emitted.sum();
    }

    /** Events that came on the websocket, emitted or not. */
    public long realtimeEvents() {
        return realtimeEvents.sum();
    }

    /** Websocket events not emitted because they were seen before (or a poll announced the same state). */
    public long duplicates() {
        return duplicates.sum();
    }

    /** History reads after the websocket (re)connected. */
    public long backfills() {
        return backfills.sum();
    }

    /** Back-fills whose events have all been delivered (or that failed and left it to the next polls). */
    public long backfillsDone() {
        return backfillsDone.sum();
    }

    /** Events the listener failed on (logged; the feed goes on). */
    public long listenerFailures() {
        return listenerFailures.sum();
    }
}
