package io.github.camelsmarthome.homeconnect.api.stream;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters of one {@link HomeConnectEventStream}, for metrics and health checks (the
 * homeconnect-watcher exposes the same: disconnects by reason, events, time of the last event).
 * Counters only grow; read them from any thread.
 */
public final class EventStreamMetrics {

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong syntheticEvents = new AtomicLong();
    private final AtomicLong keepAlives = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong corruptStreams = new AtomicLong();
    private final AtomicLong connectAttempts = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong resyncRequests = new AtomicLong();
    private final AtomicLong resyncsIncomplete = new AtomicLong();
    private final AtomicLong refreshesSuppressed = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final Map<DisconnectReason, AtomicLong> disconnects = new EnumMap<>(DisconnectReason.class);
    private final AtomicReference<Instant> lastEventAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastKeepAliveAt = new AtomicReference<>();
    private final AtomicReference<Instant> connectedSince = new AtomicReference<>();

    EventStreamMetrics() {
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnects.put(reason, new AtomicLong());
        }
    }

    /** Appliance events received on the stream (KEEP-ALIVEs and skipped events not counted). */
    public long events() { return events.get(); }

    /** Events the bridge made: gap markers, resync and restored state. */
    public long syntheticEvents() { return syntheticEvents.get(); }

    /** KEEP-ALIVEs received. */
    public long keepAlives() { return keepAlives.get(); }

    /** Well-formed events that were skipped (unknown type, no items, no appliance). */
    public long skipped() { return skipped.get(); }

    /** Connections closed because the stream was corrupt (parse errors). */
    public long corruptStreams() { return corruptStreams.get(); }

    /** Attempts to open the stream, the first one included. */
    public long connectAttempts() { return connectAttempts.get(); }

    /** Successful re-openings after a stream had been open: one per {@code stream_reconnected} event. */
    public long reconnects() { return reconnects.get(); }

    /** How often the stream ended or failed to open for {@code reason}. */
    public long disconnects(DisconnectReason reason) { return disconnects.get(reason).get(); }

    /** REST reads made to resync (appliance list, status, settings, active program). */
    public long resyncRequests() { return resyncRequests.get(); }

    /** Resyncs given up part-way (budget refused, server error); retried at the next reconnect. */
    public long resyncsIncomplete() { return resyncsIncomplete.get(); }

    /** Appliance re-reads left out because the appliance was re-read too often recently. */
    public long refreshesSuppressed() { return refreshesSuppressed.get(); }

    /** How often reading paused because the listener had not finished with earlier events. */
    public long backpressurePauses() { return pauses.get(); }

    /** When the last appliance event was received, or {@code null}. */
    public Instant lastEventAt() { return lastEventAt.get(); }

    /** When the last KEEP-ALIVE was received, or {@code null}. */
    public Instant lastKeepAliveAt() { return lastKeepAliveAt.get(); }

    /** Since when the current connection is open, or {@code null} when none is. */
    public Instant connectedSince() { return connectedSince.get(); }

    void countEvent(Instant at) {
        events.incrementAndGet();
        lastEventAt.set(at);
    }

    void countSynthetic() { syntheticEvents.incrementAndGet(); }

    void countKeepAlive(Instant at) {
        keepAlives.incrementAndGet();
        lastKeepAliveAt.set(at);
    }

    void countSkipped() { skipped.incrementAndGet(); }

    void countCorrupt() { corruptStreams.incrementAndGet(); }

    void countConnectAttempt() { connectAttempts.incrementAndGet(); }

    void countReconnect() { reconnects.incrementAndGet(); }

    void countDisconnect(DisconnectReason reason) { disconnects.get(reason).incrementAndGet(); }

    void countResyncRequest() { resyncRequests.incrementAndGet(); }

    void countResyncIncomplete() { resyncsIncomplete.incrementAndGet(); }

    void countSuppressedRefresh() { refreshesSuppressed.incrementAndGet(); }

    void countPause() { pauses.incrementAndGet(); }

    void markConnectedSince(Instant at) { connectedSince.set(at); }
}
