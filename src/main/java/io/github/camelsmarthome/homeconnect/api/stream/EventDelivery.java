package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listener in order, with at most {@code maxInFlight} of the listener's
 * stages incomplete at a time. Whatever cannot be handed over yet waits here; the stream stops
 * reading while {@link #isBlocked()}, so what waits is bounded by one network chunk plus the
 * synthetic events of one resync, never by the stream's rate.
 *
 * <p>Not thread-safe: used on the stream's event loop only; completions hop back there.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final String account;
    private final EventStreamListener listener;
    private final int maxInFlight;
    private final Executor onLoop;
    private final Runnable blocking;
    private final Runnable unblocked;
    private final Deque<HomeConnectEvent> waiting = new ArrayDeque<>();
    private int inFlight;
    private boolean blocked;
    private long generation;

    /**
     * @param blocking run when delivery becomes blocked: stop reading
     * @param unblocked run when delivery can take events again: read again
     */
    EventDelivery(String account, EventStreamListener listener, int maxInFlight, Executor onLoop, Runnable blocking,
            Runnable unblocked) {
        this.account = account;
        this.listener = listener;
        this.maxInFlight = maxInFlight;
        this.onLoop = onLoop;
        this.blocking = blocking;
        this.unblocked = unblocked;
    }

    /** Queues an event behind those already waiting and hands over what it can. */
    void offer(HomeConnectEvent event) {
        waiting.addLast(event);
        pump();
    }

    /** Whether the listener has as many events as it may take, or some are waiting: read no more. */
    boolean isBlocked() {
        return blocked;
    }

    /** Forgets waiting events and outstanding stages (at stop); late completions are ignored. */
    void clear() {
        if (!waiting.isEmpty()) {
            LOG.debug("Dropping {} event(s) of {} not yet handed to the listener at stop", waiting.size(), account);
        }
        waiting.clear();
        inFlight = 0;
        blocked = false;
        generation++;
    }

    private void pump() {
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            HomeConnectEvent event = waiting.pollFirst();
            CompletionStage<?> stage = handOver(event);
            if (stage == null || stage instanceof CompletableFuture<?> future && future.isDone()) {
                continue;
            }
            inFlight++;
            long current = generation;
            stage.whenComplete((ignored, failure) -> onLoop.execute(() -> {
                if (current != generation) {
                    return;
                }
                if (failure != null) {
                    LOG.debug("The listener of {} failed on {}: {}", account, event, failure.toString());
                }
                inFlight--;
                pump();
            }));
        }
        boolean nowBlocked = inFlight >= maxInFlight || !waiting.isEmpty();
        if (blocked != nowBlocked) {
            blocked = nowBlocked;
            (nowBlocked ? blocking : unblocked).run();
        }
    }

    private CompletionStage<?> handOver(HomeConnectEvent event) {
        try {
            return listener.onEvent(event);
        } catch (RuntimeException failure) {
            // The listener's bug must not end the stream; the event counts as handled.
            LOG.warn("The listener of {} threw on {}: {}", account, event, failure.toString());
            return null;
        }
    }
}
