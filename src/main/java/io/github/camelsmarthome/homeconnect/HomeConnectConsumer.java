package io.github.camelsmarthome.homeconnect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.camelsmarthome.event.BoundedHandOff;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * {@code homeconnect:events}: the events of the account's one all-appliances stream, filtered by
 * {@code haId} and {@code eventTypes}, one exchange per event (or per item with
 * {@code splitItems}). Exchanges are processed asynchronously and in order. A route may fall
 * {@value #BACKLOG} events behind (a broker outage on its sink) while other routes of the account
 * keep flowing; beyond that the stream waits for it, so memory stays bounded.
 */
public class HomeConnectConsumer extends DefaultConsumer {

    /**
     * Events this route may fall behind by before the stream waits for it: routes to other sinks
     * keep flowing while one broker is down, memory stays bounded.
     */
    static final int BACKLOG = 10_000;

    private final HomeConnectEndpoint endpoint;
    private final Set<String> eventTypes;
    private final BoundedHandOff<HomeConnectEvent> handOff = new BoundedHandOff<>(BACKLOG, this::process);
    private HomeConnectAccount account;

    HomeConnectConsumer(HomeConnectEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        String types = endpoint.getConfiguration().getEventTypes();
        this.eventTypes = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public HomeConnectEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = endpoint.account();
        account.subscribe(this, endpoint.getConfiguration());
        // Camel 4 has no "components" repository: the "consumers" one asks each route's consumer
        // for its own check and reports it as consumer:<routeId>. Looking it up also registers it.
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            HomeConnectConsumerHealthCheck check = new HomeConnectConsumerHealthCheck(this, getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (account != null) {
            account.unsubscribe(this);
        }
        super.doStop();
    }

    /** Why this consumer's stream is not connected, or {@code null} while it is. */
    String problem() {
        return account == null ? "not started" : account.streamProblem();
    }

    /**
     * Emits {@code event} if it passes the filters, in order after those before it; completes at once
     * while this route's backlog is below {@value #BACKLOG}, else when it has room again.
     */
    CompletionStage<?> deliver(HomeConnectEvent event) {
        if (!isRunAllowed() || !accepts(event)) {
            return CompletableFuture.completedFuture(null);
        }
        List<HomeConnectEvent> events = endpoint.getConfiguration().isSplitItems() && event.items().size() > 1
                ? event.splitItems() : List.of(event);
        if (events.size() == 1) {
            return handOff.offer(events.get(0));
        }
        return CompletableFuture.allOf(events.stream().map(one -> handOff.offer(one).toCompletableFuture()).toArray(CompletableFuture[]::new));
    }

    private boolean accepts(HomeConnectEvent event) {
        String haId = endpoint.getConfiguration().getHaId();
        // Events about the account (gap markers, auth_required) concern every appliance of it.
        boolean aboutAccount = EventOrigin.BRIDGE.equals(event.origin());
        if (haId != null && !haId.isBlank() && !aboutAccount && !haId.equals(event.deviceId())) {
            return false;
        }
        return eventTypes.isEmpty() || eventTypes.contains(event.type().toUpperCase(Locale.ROOT));
    }

    private CompletableFuture<Void> process(HomeConnectEvent event) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(event);
        message.setHeader(HomeConnectConstants.ACCOUNT, account.name());
        message.setHeader(HomeConnectConstants.HA_ID, event.deviceId());
        message.setHeader(HomeConnectConstants.EVENT_TYPE, event.type());
        message.setHeader(HomeConnectConstants.EVENT_ID, event.id());
        if (endpoint.getConfiguration().isSplitItems() && event.items().size() == 1) {
            HomeConnectEventItem item = event.items().get(0);
            message.setHeader(HomeConnectConstants.KEY, item.key());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing Home Connect event " + event.id(), exchange,
                            exchange.getException());
                }
            } finally {
                releaseExchange(exchange, false);
                done.complete(null);
            }
        });
        return done;
    }
}
