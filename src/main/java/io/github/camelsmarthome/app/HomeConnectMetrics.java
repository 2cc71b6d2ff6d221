package io.github.camelsmarthome.app;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.github.camelsmarthome.homeconnect.HomeConnectComponent;
import io.github.camelsmarthome.homeconnect.api.BudgetSnapshot;
import io.github.camelsmarthome.homeconnect.api.stream.EventStreamMetrics;
import io.github.camelsmarthome.homeconnect.api.stream.StreamState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Prometheus metrics of every Home Connect account: the request budget left (the quota users
 * watch), the event stream's state and its counters. Bound when the context or a route starts,
 * and for an account created later (one found in an accounts folder while its route runs) as it is
 * created; each account once.
 */
final class HomeConnectMetrics extends SimpleEventNotifierSupport {

    private final CamelContext context;
    /** The component whose new accounts are bound as they appear. */
    private final AtomicReference<HomeConnectComponent> listening = new AtomicReference<>();
    private final java.util.Set<String> bound = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HomeConnectMetrics(CamelContext context) {
        this.context = context;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null || !(context.hasComponent("homeconnect") instanceof HomeConnectComponent component)) {
            return;
        }
        // Accounts found later (a token store written into an accounts folder) are bound as they appear.
        if (listening.compareAndSet(null, component)) {
            component.onNewAccount(account -> bind(registry, component, account));
        }
        component.accountNames().forEach(account -> bind(registry, component, account));
    }

    /** The account's meters, once per account name (a re-created account keeps them: they read it by name). */
    private void bind(MeterRegistry registry, HomeConnectComponent component, String account) {
        if (!bound.add(account)) {
            return;
        }
        budgetGauge(registry, component, account, "day", BudgetSnapshot::dailyRemaining);
        budgetGauge(registry, component, account, "minute", BudgetSnapshot::minuteRemaining);
        budgetGauge(registry, component, account, "program_starts", BudgetSnapshot::programStartsRemaining);
        budgetGauge(registry, component, account, "program_stops", BudgetSnapshot::programStopsRemaining);
        Gauge.builder("smarthome.homeconnect.budget.blocked", component,
                        c -> c.budget(account).map(b -> b.blockedUntil().isPresent() ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 while Home Connect blocks every request of the account (429 or the error lock)")
                .tag("account", account).register(registry);
        Gauge.builder("smarthome.homeconnect.stream.connected", component,
                        c -> c.streamState(account) == StreamState.CONNECTED ? 1.0 : 0.0)
                .description("1 while the account's event stream is connected").tag("account", account).register(registry);
        streamCounter(registry, component, account, "smarthome.homeconnect.stream.events", "events received", EventStreamMetrics::events);
        streamCounter(registry, component, account, "smarthome.homeconnect.stream.reconnects", "reconnects of the event stream",
                EventStreamMetrics::reconnects);
        streamCounter(registry, component, account, "smarthome.homeconnect.stream.corrupt", "streams closed for unparsable input",
                EventStreamMetrics::corruptStreams);
        streamCounter(registry, component, account, "smarthome.homeconnect.stream.skipped", "events skipped (unknown type, no appliance)",
                EventStreamMetrics::skipped);
        unified(registry, component, account, "smarthome.events.in", "events received from upstream", EventStreamMetrics::events);
        unified(registry, component, account, "smarthome.parse.errors", "upstream input that could not be parsed and was skipped",
                EventStreamMetrics::corruptStreams);
        unified(registry, component, account, "smarthome.reconnects", "reconnects to upstream", EventStreamMetrics::reconnects);
    }

    private static void budgetGauge(MeterRegistry registry, HomeConnectComponent component, String account, String window,
            ToDoubleFunction<BudgetSnapshot> remaining) {
        Gauge.builder("smarthome.homeconnect.budget.remaining", component,
                        c -> c.budget(account).map(remaining::applyAsDouble).orElse(Double.NaN))
                .description("Home Connect requests the account may still make in this window")
                .tag("account", account).tag("window", window).register(registry);
    }

    /** The same name for every system, tagged with it: one dashboard panel for all. */
    private static void unified(MeterRegistry registry, HomeConnectComponent component, String account, String name,
            String description, ToDoubleFunction<EventStreamMetrics> count) {
        FunctionCounter.builder(name, component, c -> c.streamMetrics(account).map(count::applyAsDouble).orElse(0.0))
                .description(description).tag("system", "homeconnect").tag("source", account).register(registry);
    }

    private static void streamCounter(MeterRegistry registry, HomeConnectComponent component, String account, String name,
            String description, ToDoubleFunction<EventStreamMetrics> count) {
        FunctionCounter.builder(name, component, c -> c.streamMetrics(account).map(count::applyAsDouble).orElse(0.0))
                .description(description).tag("account", account).register(registry);
    }
}
