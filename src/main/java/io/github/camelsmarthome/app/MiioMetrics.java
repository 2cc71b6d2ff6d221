package io.github.camelsmarthome.app;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.github.camelsmarthome.miio.MiioPushComponent;
import io.github.camelsmarthome.miio.protocol.MiioPushServerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Prometheus metrics of every miIO push server (one per bind address and port, shared by the
 * routes of its gateways): events in, malformed datagrams, gateways heard again after silence, acks,
 * moves, drops, and the ack latency as a timer with a histogram (the design budget is 1 ms p99 from
 * datagram to ack). Bound when the context or a route starts, since servers start with their first
 * route; a server started again (route restart) gets the timer observer again.
 */
final class MiioMetrics extends SimpleEventNotifierSupport {

    private final CamelContext context;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    /** The stats objects whose ack latency feeds the timer; weak, as a restarted server brings a new one. */
    private final Map<MiioPushServerStats, Boolean> observed = Collections.synchronizedMap(new WeakHashMap<>());

    MiioMetrics(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null || !(context.hasComponent("miio-push") instanceof MiioPushComponent component)) {
            return;
        }
        for (InetSocketAddress server : component.runningServers()) {
            String source = server.getAddress().getHostAddress() + ":" + server.getPort();
            if (bound.add(source)) {
                bind(registry, component, server, source);
            }
            component.serverStats(server.getAddress(), server.getPort()).ifPresent(stats -> observe(registry, stats, source));
        }
    }

    private void bind(MeterRegistry registry, MiioPushComponent component, InetSocketAddress server, String source) {
        unified(registry, component, server, source, "smarthome.events.in", "events received from upstream",
                MiioPushServerStats::delivered);
        unified(registry, component, server, source, "smarthome.parse.errors", "upstream input that could not be parsed and was skipped",
                MiioPushServerStats::malformed);
        unified(registry, component, server, source, "smarthome.reconnects", "gateways heard again after they were reported silent",
                MiioPushServerStats::gatewaysBack);
        counter(registry, component, server, source, "smarthome.miio.acks", "acks sent (events, re-sends, requests without event)",
                MiioPushServerStats::acked);
        counter(registry, component, server, source, "smarthome.miio.duplicates", "re-sent events acknowledged again, not delivered again",
                MiioPushServerStats::duplicates);
        counter(registry, component, server, source, "smarthome.miio.gateways.moved", "gateways followed to a new address",
                MiioPushServerStats::gatewaysMoved);
        counter(registry, component, server, source, "smarthome.miio.dropped.unregistered", "datagrams from no registered gateway",
                MiioPushServerStats::droppedUnregistered);
        counter(registry, component, server, source, "smarthome.miio.dropped.queue.full",
                "events not acknowledged because the routes were behind (the gateway sends them again)",
                MiioPushServerStats::droppedQueueFull);
    }

    private void observe(MeterRegistry registry, MiioPushServerStats stats, String source) {
        if (observed.putIfAbsent(stats, Boolean.TRUE) != null) {
            return;
        }
        Timer latency = Timer.builder("smarthome.miio.ack.latency")
                .description("from reading an event datagram to its ack leaving the socket")
                .tag("server", source).publishPercentileHistogram().register(registry);
        stats.observeAckLatency(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
    }

    private static void unified(MeterRegistry registry, MiioPushComponent component, InetSocketAddress server, String source,
            String name, String description, ToDoubleFunction<MiioPushServerStats> count) {
        FunctionCounter.builder(name, component, c -> read(c, server, count)).description(description)
                .tag("system", "miio").tag("source", source).register(registry);
    }

    private static void counter(MeterRegistry registry, MiioPushComponent component, InetSocketAddress server, String source,
            String name, String description, ToDoubleFunction<MiioPushServerStats> count) {
        FunctionCounter.builder(name, component, c -> read(c, server, count)).description(description)
                .tag("server", source).register(registry);
    }

    private static double read(MiioPushComponent component, InetSocketAddress server, ToDoubleFunction<MiioPushServerStats> count) {
        return component.serverStats(server.getAddress(), server.getPort()).map(count::applyAsDouble).orElse(0.0);
    }
}
