package io.github.camelsmarthome.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.camelsmarthome.event.DeviceEvent;
import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * A consumer of a shared stream of device events (one account's stream or feed, fanned out to
 * every route that consumes it): the {@code eventTypes} filter, one exchange per event with the
 * component's headers, started in order and processed asynchronously, at most {@code maxInFlight}
 * at once ({@link RouteEventFeed}), and a bounded backlog per route ({@link #BACKLOG}) so that one
 * stuck sink does not stall the other routes until it is full.
 *
 * @param <E> the component's event type
 */
public abstract class DeviceEventConsumer<E extends DeviceEvent> extends DefaultConsumer implements RouteBacklog.Owner {

    /**
     * Events a route may fall behind by before the source waits for it: routes to other sinks keep
     * flowing while one broker is down, memory stays bounded.
     */
    public static final int BACKLOG = 10_000;

    private final Set<String> eventTypes;
    private final RouteEventFeed<E> feed;

    /**
     * A consumer.
     *
     * @param eventTypes  the endpoint's comma-separated {@code eventTypes} option; all types when empty
     * @param maxInFlight the endpoint's {@code maxInFlight} option: the most exchanges unfinished at once
     */
    protected DeviceEventConsumer(Endpoint endpoint, Processor processor, String eventTypes, int maxInFlight) {
        super(endpoint, processor);
        this.feed = new RouteEventFeed<>(this, maxInFlight, this::describe, event -> event.system() + " event " + event.id());
        this.eventTypes = eventTypes == null || eventTypes.isBlank() ? Set.of()
                : Arrays.stream(eventTypes.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the endpoint's other filters (device, system) let {@code event} through. */
    protected abstract boolean accepts(E event);

    /** Sets the body and the component's headers of the exchange for {@code event}. */
    protected abstract void describe(Message message, E event);

    /** The consumer's health check, registered once when the route starts. */
    protected abstract HealthCheck newHealthCheck(String routeId);

    /** Whether the component has consumer health checks on. */
    protected abstract boolean healthChecksEnabled();

    /**
     * Emits {@code event} if it passes the filters, in order after those before it; completes at once
     * while this route's backlog is below {@link #BACKLOG}, else when it has room again.
     */
    protected final CompletionStage<?> offer(E event) {
        if (!accepts(event) || !eventTypes.isEmpty() && !eventTypes.contains(event.type().toLowerCase(Locale.ROOT))) {
            return CompletableFuture.completedFuture(null);
        }
        return feed.offer(event);
    }

    @Override
    public RouteBacklog routeBacklog() {
        return feed;
    }

    /** Exchanges started and not completed yet (at most the endpoint's {@code maxInFlight}). */
    public int inFlight() {
        return feed.inFlight();
    }

    /**
     * Registers the consumer's health check. Camel 4 has no "components" repository: the
     * "consumers" one asks each route's consumer for its own check and reports it as
     * consumer:&lt;routeId&gt;; looking it up also registers it.
     */
    protected final void registerHealthCheck() {
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            HealthCheck check = newHealthCheck(getRouteId());
            check.setEnabled(healthChecksEnabled());
            setHealthCheck(check);
        }
    }
}
