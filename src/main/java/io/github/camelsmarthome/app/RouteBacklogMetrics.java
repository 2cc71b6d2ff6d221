package io.github.camelsmarthome.app;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.github.camelsmarthome.component.RouteBacklog;
import io.github.camelsmarthome.miio.MiioPushConsumer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Prometheus metrics of every route whose consumer has a bounded backlog ({@link RouteBacklog}):
 * how far the route is behind, its bound, how often the bound made the source wait, and the events
 * it did not deliver; for {@code miio-push} routes also the events the push server left
 * unacknowledged. Each route once, when it first starts; the meters read the route's current
 * consumer, so they survive a restart of the route.
 */
final class RouteBacklogMetrics extends SimpleEventNotifierSupport {

    private final CamelContext context;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    RouteBacklogMetrics(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return;
        }
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof RouteBacklog.Owner && bound.add(route.getRouteId())) {
                bind(registry, route);
            }
        }
    }

    private void bind(MeterRegistry registry, Route route) {
        String id = route.getRouteId();
        gauge(registry, id, "smarthome.route.backlog.events", "events waiting for the route (queued or in it)",
                RouteBacklog::backlog);
        gauge(registry, id, "smarthome.route.backlog.capacity", "events that may wait for the route before its source waits",
                RouteBacklog::backlogCapacity);
        gauge(registry, id, "smarthome.route.backlog.peak", "the largest backlog of the route since start",
                RouteBacklog::backlogPeak);
        counter(registry, id, "smarthome.route.backlog.full", "events that found the backlog full: the source had to wait",
                RouteBacklog::backlogFullCount);
        counter(registry, id, "smarthome.route.events.dropped",
                "events the route did not deliver (its exchange failed, or it was stopping)", RouteBacklog::droppedEvents);
        if (route.getConsumer() instanceof MiioPushConsumer) {
            FunctionCounter.builder("smarthome.miio.push.unacknowledged", context, c -> miioConsumer(c, id)
                            .flatMap(MiioPushConsumer::pushServerStats).map(stats -> (double) stats.droppedQueueFull()).orElse(0.0))
                    .description("events the route's push server left unacknowledged because its consumers were behind"
                                 + " (the gateway sends them again)")
                    .tag("route", id).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String routeId, String name, String description,
            ToDoubleFunction<RouteBacklog> value) {
        Gauge.builder(name, context, c -> backlogOf(c, routeId).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("route", routeId).register(registry);
    }

    private void counter(MeterRegistry registry, String routeId, String name, String description,
            ToDoubleFunction<RouteBacklog> value) {
        FunctionCounter.builder(name, context, c -> backlogOf(c, routeId).map(value::applyAsDouble).orElse(0.0))
                .description(description).tag("route", routeId).register(registry);
    }

    private static Optional<RouteBacklog> backlogOf(CamelContext context, String routeId) {
        Route route = context.getRoute(routeId);
        Consumer consumer = route == null ? null : route.getConsumer();
        return consumer instanceof RouteBacklog.Owner owner ? Optional.of(owner.routeBacklog()) : Optional.empty();
    }

    private static Optional<MiioPushConsumer> miioConsumer(CamelContext context, String routeId) {
        Route route = context.getRoute(routeId);
        return route != null && route.getConsumer() instanceof MiioPushConsumer miio ? Optional.of(miio) : Optional.empty();
    }
}
