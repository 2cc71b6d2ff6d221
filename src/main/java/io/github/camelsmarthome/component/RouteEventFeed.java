package io.github.camelsmarthome.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.event.BoundedHandOff;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultConsumer;

/**
 * Feeds one route with events: a backlog of {@link DeviceEventConsumer#BACKLOG} events, one
 * exchange per event started in the order of arrival by the feed's {@link SerialExecutor} on its
 * route's shared pool ({@link RouteFeedPools}; never on the source's thread: a Vert.x event loop, the
 * miIO socket's thread or a Kafka producer's callback must not run a route, which may wait on a
 * broker; and no thread per feed, so an accounts folder of thousands costs none per account), and at
 * most {@code maxInFlight} exchanges
 * unfinished at once (Camel's asynchronous routing engine: a route ending in an asynchronous
 * producer such as camel-kafka finishes an exchange when the broker acknowledges it).
 *
 * <p>With {@code maxInFlight} 1 an exchange starts only after the previous one completed, so a sink
 * sees the events strictly in order whatever happens to each (MQTT retained state, which a late
 * retry must not overtake). With more, exchanges start in order and a producer that keeps its own
 * order across its own retries (camel-kafka with idempotence, per partition) keeps it; a Camel-level
 * redelivery of a failed exchange (an error handler with redeliveries) happens after later
 * exchanges went on, so that event lands out of order.
 *
 * @param <E> the event type
 */
public final class RouteEventFeed<E> implements RouteBacklog {

    /** The endpoint option that sets the window. */
    public static final String MAX_IN_FLIGHT = "maxInFlight";

    private final DefaultConsumer consumer;
    private final BiConsumer<Message, E> describe;
    private final Function<E, String> name;
    private final BoundedHandOff<E> handOff;
    private final LongAdder dropped = new LongAdder();
    private volatile SerialExecutor starter;

    /**
     * A feed.
     *
     * @param consumer    the route's consumer: makes the exchanges and runs the route
     * @param maxInFlight the endpoint's {@code maxInFlight} option, at least 1
     * @param describe    sets the body and the headers of the exchange for an event
     * @param name        names an event in the error report of a failed exchange (no secrets)
     */
    public RouteEventFeed(DefaultConsumer consumer, int maxInFlight, BiConsumer<Message, E> describe, Function<E, String> name) {
        if (maxInFlight < 1) {
            throw new InvalidConfigurationException(MAX_IN_FLIGHT, "must be at least 1, not " + maxInFlight);
        }
        this.consumer = consumer;
        this.describe = describe;
        this.name = name;
        this.handOff = new BoundedHandOff<>(DeviceEventConsumer.BACKLOG, maxInFlight, this::process);
    }

    /**
     * Queues {@code event} for the route (dropped and counted while the route stops); completes at
     * once while the backlog is below its bound, else when it has room again.
     */
    public CompletionStage<Void> offer(E event) {
        if (!consumer.isRunAllowed()) {
            dropped.increment();
            return CompletableFuture.completedFuture(null);
        }
        return handOff.offer(event);
    }

    /** Exchanges started and not completed yet. */
    public int inFlight() {
        return handOff.inFlight();
    }

    /** The window: the most exchanges unfinished at once. */
    public int maxInFlight() {
        return handOff.maxInFlight();
    }

    @Override
    public int backlog() {
        return handOff.pending();
    }

    @Override
    public int backlogCapacity() {
        return handOff.capacity();
    }

    @Override
    public long backlogPeak() {
        return handOff.highWater();
    }

    @Override
    public long backlogFullCount() {
        return handOff.timesFull();
    }

    @Override
    public long droppedEvents() {
        return dropped.sum();
    }

    private CompletionStage<?> process(E event) {
        Exchange exchange = consumer.createExchange(false);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            describe.accept(exchange.getMessage(), event);
        } catch (RuntimeException e) {
            exchange.setException(e);
            completed(event, exchange);
            done.complete(null);
            return done;
        }
        try {
            starter().execute(() -> consumer.getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    completed(event, exchange);
                } finally {
                    done.complete(null);
                }
            }));
        } catch (RejectedExecutionException stopping) {
            exchange.setException(stopping);
            completed(event, exchange);
            done.complete(null);
        }
        return done;
    }

    /**
     * FIFO and one at a time, so exchanges start in the order the hand-off releases them; on the
     * route's pool, which the context shuts down when it stops.
     */
    private SerialExecutor starter() {
        SerialExecutor current = starter;
        if (current == null) {
            synchronized (this) {
                current = starter;
                if (current == null) {
                    current = RouteFeedPools.of(consumer.getEndpoint().getCamelContext()).newFeed(consumer.getRouteId(),
                            "a feed of route " + consumer.getRouteId());
                    starter = current;
                }
            }
        }
        return current;
    }

    private void completed(E event, Exchange exchange) {
        try {
            if (exchange.getException() != null) {
                dropped.increment();
                consumer.getExceptionHandler().handleException("Error processing " + name.apply(event), exchange,
                        exchange.getException());
            }
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }
}
