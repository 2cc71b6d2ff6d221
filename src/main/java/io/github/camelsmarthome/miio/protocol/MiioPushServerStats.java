package io.github.camelsmarthome.miio.protocol;

import io.github.camelsmarthome.miio.protocol.PushDatagram.DropReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Live counters of one {@link MiioPushServer}, for metrics and health checks. Counters only grow;
 * read them from any thread. Every datagram counts in {@link #received()} and in exactly one of
 * the outcome counters (hello answered, acked, ignored, dropped unregistered, malformed, dropped
 * because the listener queue was full).
 */
public final class MiioPushServerStats {

    private final LongAdder received = new LongAdder();
    private final LongAdder hellosAnswered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder withoutEvent = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder droppedUnregistered = new LongAdder();
    private final LongAdder droppedQueueFull = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder moveChecks = new LongAdder();
    private final LongAdder moveChecksSkipped = new LongAdder();
    private final LongAdder gatewaysMoved = new LongAdder();
    private final LongAdder gatewaysBack = new LongAdder();
    private final LongAdder ackLatencies = new LongAdder();
    private final LongAdder ackLatencyTotal = new LongAdder();
    private final LongAccumulator ackLatencyMax = new LongAccumulator(Math::max, 0);
    private final CopyOnWriteArrayList<LongConsumer> ackLatencyObservers = new CopyOnWriteArrayList<>();
    private final Map<DropReason, LongAdder> malformed = new EnumMap<>(DropReason.class);

    MiioPushServerStats() {
        // Filled once, read-only afterwards, so the EnumMap is safe to share between threads.
        for (DropReason reason : DropReason.values()) {
            malformed.put(reason, new LongAdder());
        }
    }

    /** Gateways heard again after they were reported silent. */
    public long gatewaysBack() { return gatewaysBack.sum(); }

    /** Acks whose latency was measured (every ack that left the socket). */
    public long ackLatencies() { return ackLatencies.sum(); }

    /** The sum of the measured ack latencies, in nanoseconds. */
    public long ackLatencyTotalNanos() { return ackLatencyTotal.sum(); }

    /** The longest ack latency measured, in nanoseconds; 0 before the first. */
    public long ackLatencyMaxNanos() { return ackLatencyMax.get(); }

    /**
     * Calls {@code observer} with each ack latency in nanoseconds (datagram read to ack written), on
     * the server's I/O thread: it must be quick and must not block (a metrics timer, say).
     */
    public void observeAckLatency(LongConsumer observer) {
        ackLatencyObservers.add(observer);
    }

    /** Stops calling {@code observer}. */
    public void stopObservingAckLatency(LongConsumer observer) {
        ackLatencyObservers.remove(observer);
    }

    /** Datagrams received, whatever became of them. */
    public long received() { return received.sum(); }

    /** Hello requests answered with the fake identity (from any sender). */
    public long hellosAnswered() { return hellosAnswered.sum(); }

    /** Acks sent, retransmissions and events without a source included. */
    public long acked() { return acked.sum(); }

    /** Events handed to a listener (its {@code onEvent} was called). */
    public long delivered() { return delivered.sum(); }

    /** Retransmissions of an event already acknowledged: acked again, not delivered again. */
    public long duplicates() { return duplicates.sum(); }

    /** Valid requests acked without an event because their method had no {@code action:source} form. */
    public long acknowledgedWithoutEvent() { return withoutEvent.sum(); }

    /** Datagrams ignored on purpose, such as a 32-byte hello reply sent to the server. */
    public long ignored() { return ignored.sum(); }

    /** Datagrams other than hellos from addresses no gateway is registered for. */
    public long droppedUnregistered() { return droppedUnregistered.sum(); }

    /** Events neither acked nor delivered because the listener queue was full (the gateway re-sends). */
    public long droppedQueueFull() { return droppedQueueFull.sum(); }

    /** Listener calls that threw. */
    public long listenerFailures() { return listenerFailures.sum(); }

    /** Replies (hello replies, acks) the socket failed to send. */
    public long sendFailures() { return sendFailures.sum(); }

    /**
     * Encrypted datagrams from unregistered addresses whose checksum was tried against the registered
     * gateways' tokens, to recognise a gateway that moved. Also counted in their outcome counter.
     */
    public long moveChecks() { return moveChecks.sum(); }

    /**
     * Encrypted datagrams from unregistered addresses not tried against any token because their address
     * was checked less than {@link MiioPushServerOptions#moveCheckInterval()} before (dropped unregistered).
     */
    public long moveChecksSkipped() { return moveChecksSkipped.sum(); }

    /** Registered gateways found sending from a new address and followed there. */
    public long gatewaysMoved() { return gatewaysMoved.sum(); }

    /**
     * Malformed datagrams dropped for {@code reason}. Unregistered senders and ignored hello replies
     * are counted in {@link #droppedUnregistered()} and {@link #ignored()}, not here.
     */
    public long malformed(DropReason reason) {
        return malformed.get(reason).sum();
    }

    /** All malformed datagrams dropped. */
    public long malformed() {
        return malformed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Malformed datagrams by reason, reasons with a count of zero left out. */
    public Map<DropReason, Long> malformedByReason() {
        Map<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        malformed.forEach((reason, counter) -> {
            long count = counter.sum();
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    void countReceived() { received.increment(); }

    void countHelloAnswered() { hellosAnswered.increment(); }

    void countAcked() { acked.increment(); }

    void countDelivered() { delivered.increment(); }

    void countDuplicate() { duplicates.increment(); }

    void countWithoutEvent() { withoutEvent.increment(); }

    void countIgnored() { ignored.increment(); }

    void countDroppedUnregistered() { droppedUnregistered.increment(); }

    void countDroppedQueueFull() { droppedQueueFull.increment(); }

    void countListenerFailure() { listenerFailures.increment(); }

    void countSendFailure() { sendFailures.increment(); }

    void countMoveCheck() { moveChecks.increment(); }

    void countMoveCheckSkipped() { moveChecksSkipped.increment(); }

    void countGatewayMoved() { gatewaysMoved.increment(); }

    void countGatewayBack() { gatewaysBack.increment(); }

    void recordAckLatency(long nanos) {
        ackLatencies.increment();
        ackLatencyTotal.add(nanos);
        ackLatencyMax.accumulate(nanos);
        for (LongConsumer observer : ackLatencyObservers) {
            observer.accept(nanos);
        }
    }

    void countMalformed(DropReason reason) { malformed.get(reason).increment(); }

    @Override
    public String toString() {
        return "MiioPushServerStats[received=" + received() + ", hellosAnswered=" + hellosAnswered() + ", acked="
                + acked() + ", delivered=" + delivered() + ", duplicates=" + duplicates() + ", droppedUnregistered="
                + droppedUnregistered() + ", droppedQueueFull=" + droppedQueueFull() + ", gatewaysMoved=" + gatewaysMoved() + ", ackLatencyMaxMicros="
                + TimeUnit.NANOSECONDS.toMicros(ackLatencyMaxNanos()) + ", malformed="
                + malformedByReason() + "]";
    }
}
