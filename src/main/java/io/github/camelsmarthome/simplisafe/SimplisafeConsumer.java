package io.github.camelsmarthome.simplisafe;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.camelsmarthome.event.BoundedHandOff;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * {@code simplisafe:events}: the events of the account's feed, filtered by {@code systemId} and
 * {@code eventTypes}, one exchange per event, processed asynchronously and in order. A route may
 * fall {@value #BACKLOG} events behind (a broker outage on its sink) while other routes of the
 * account keep flowing; beyond that the feed waits for it, so memory stays bounded.
 */
public class SimplisafeConsumer extends DefaultConsumer {

    /**
     * Events this route may fall behind by before the feed waits for it: routes to other sinks keep
     * flowing while one broker is down, memory stays bounded.
     */
    static final int BACKLOG = 10_000;

    private final SimplisafeEndpoint endpoint;
    private final Set<String> eventTypes;
    private final BoundedHandOff<SimplisafeEvent> handOff = new BoundedHandOff<>(BACKLOG, this::process);
    private SimplisafeAccount account;

    SimplisafeConsumer(SimplisafeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        String types = endpoint.getConfiguration().getEventTypes();
        this.eventTypes = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public SimplisafeEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = endpoint.account();
        account.subscribe(this, endpoint.getConfiguration());
        // Camel 4 reports consumer checks in the "consumers" repository as consumer:<routeId>.
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            SimplisafeConsumerHealthCheck check = new SimplisafeConsumerHealthCheck(this, getRouteId());
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

    /** Why events may not flow, or {@code null} when they do. */
    String problem() {
        return account == null ? "not started" : account.problem();
    }

    /** The account's connection mode. */
    ConnectionMode mode() {
        return account == null ? ConnectionMode.REST_ONLY : account.mode();
    }

    /** The websocket's state in one line, {@code null} without it. */
    String realtimeDescription() {
        return account == null || account.feed() == null ? null : account.feed().realtimeDescription();
    }

    /**
     * Emits {@code event} if it passes the filters, in order after those before it; completes at once
     * while this route's backlog is below {@value #BACKLOG}, else when it has room again.
     */
    CompletionStage<?> deliver(SimplisafeEvent event) {
        if (!isRunAllowed() || !accepts(event)) {
            return CompletableFuture.completedFuture(null);
        }
        return handOff.offer(event);
    }

    /** Events waiting for this route (queued or in it). */
    int backlog() {
        return handOff.pending();
    }

    private CompletionStage<?> process(SimplisafeEvent event) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(event);
        message.setHeader(SimplisafeConstants.ACCOUNT, account.name());
        message.setHeader(SimplisafeConstants.SYSTEM_ID, event.systemId());
        message.setHeader(SimplisafeConstants.DEVICE_ID, event.deviceId());
        message.setHeader(SimplisafeConstants.EVENT_TYPE, event.type());
        message.setHeader(SimplisafeConstants.EVENT_ID, event.id());
        message.setHeader(SimplisafeConstants.ORIGIN, event.origin().name());
        message.setHeader(SimplisafeConstants.CONNECTION_MODE, account.mode().name());
        CompletableFuture<Void> done = new CompletableFuture<>();
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing SimpliSafe event " + event.id(), exchange,
                            exchange.getException());
                }
            } finally {
                releaseExchange(exchange, false);
                done.complete(null);
            }
        });
        return done;
    }

    private boolean accepts(SimplisafeEvent event) {
        Long systemId = endpoint.getConfiguration().getSystemId();
        if (systemId != null && systemId != event.systemId()) {
            return false;
        }
        return eventTypes.isEmpty() || eventTypes.contains(event.type().toLowerCase(Locale.ROOT));
    }
}
