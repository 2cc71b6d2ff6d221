package io.github.camelsmarthome.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.github.camelsmarthome.simplisafe.SimplisafeComponent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.FeedStats;
import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Prometheus metrics of every SimpliSafe account's event feed: the connection mode (one gauge per
 * mode, 1 for the current one) and the feed's counters. Bound when the context or a route starts,
 * and for an account created later (one found in an accounts folder while its route runs) as it is
 * created; each account once.
 */
final class SimplisafeMetrics extends SimpleEventNotifierSupport {

    private final CamelContext context;
    /** The component whose new accounts are bound as they appear. */
    private final AtomicReference<SimplisafeComponent> listening = new AtomicReference<>();
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    SimplisafeMetrics(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null || !(context.hasComponent("simplisafe") instanceof SimplisafeComponent component)) {
            return;
        }
        // Accounts found later (a token store written into an accounts folder) are bound as they appear.
        if (listening.compareAndSet(null, component)) {
            component.onNewAccount(account -> bind(registry, component, account));
        }
        component.accountNames().forEach(account -> bind(registry, component, account));
    }

    /** The account's meters, once per account name (a re-created account keeps them: they read it by name). */
    private void bind(MeterRegistry registry, SimplisafeComponent component, String account) {
        if (!bound.add(account)) {
            return;
        }
        for (ConnectionMode mode : ConnectionMode.values()) {
            Gauge.builder("smarthome.simplisafe.connection.mode", component,
                            c -> c.connectionMode(account).map(current -> current == mode ? 1.0 : 0.0).orElse(Double.NaN))
                    .description("1 for the account's current connection mode (REALTIME, REST_ONLY, AUTH_REQUIRED)")
                    .tag("account", account).tag("mode", mode.name()).register(registry);
        }
        counter(registry, component, account, "smarthome.simplisafe.polls", "polls started", FeedStats::polls);
        counter(registry, component, account, "smarthome.simplisafe.polls.failed", "polls whose system state could not be read",
                FeedStats::failedPolls);
        counter(registry, component, account, "smarthome.simplisafe.events", "events emitted", FeedStats::emitted);
        counter(registry, component, account, "smarthome.simplisafe.realtime.events", "events received on the websocket",
                FeedStats::realtimeEvents);
        counter(registry, component, account, "smarthome.simplisafe.duplicates", "events not emitted again (seen on another path)",
                FeedStats::duplicates);
        counter(registry, component, account, "smarthome.simplisafe.backfills", "history reads after the websocket came back",
                FeedStats::backfills);
        counter(registry, component, account, "smarthome.simplisafe.consumer.failures", "events a route failed on",
                FeedStats::listenerFailures);
        unified(registry, component, account, "smarthome.events.in", "events received from upstream",
                c -> c.feedStats(account).map(FeedStats::emitted).orElse(0L));
        unified(registry, component, account, "smarthome.parse.errors", "upstream input that could not be parsed and was skipped",
                c -> c.realtimeStats(account).map(RealtimeStats::invalidMessages).orElse(0L));
        // The first time the websocket goes live is a connect, each later one a reconnect.
        unified(registry, component, account, "smarthome.reconnects", "reconnects to upstream",
                c -> c.realtimeStats(account).map(stats -> Math.max(0, stats.subscribed() - 1)).orElse(0L));
        FunctionCounter.builder("smarthome.simplisafe.realtime.refusals", component,
                        c -> c.realtimeStats(account).map(RealtimeStats::refusals).orElse(0L))
                .description("websocket upgrades answered HTTP 403").tag("account", account).register(registry);
    }

    /** The same name for every system, tagged with it: one dashboard panel for all. */
    private static void unified(MeterRegistry registry, SimplisafeComponent component, String account, String name,
            String description, ToDoubleFunction<SimplisafeComponent> count) {
        FunctionCounter.builder(name, component, count).description(description)
                .tag("system", "simplisafe").tag("source", account).register(registry);
    }

    private static void counter(MeterRegistry registry, SimplisafeComponent component, String account, String name,
            String description, ToDoubleFunction<FeedStats> count) {
        FunctionCounter.builder(name, component, c -> c.feedStats(account).map(count::applyAsDouble).orElse(0.0))
                .description(description).tag("account", account).register(registry);
    }
}
