package io.github.camelsmarthome.simplisafe;

import java.util.concurrent.CompletionStage;

import io.github.camelsmarthome.component.DeviceEventConsumer;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;

/**
 * {@code simplisafe:events}: the events of the account's feed, filtered by {@code systemId} and
 * {@code eventTypes}, one exchange per event, started in order, at most {@code maxInFlight}
 * unfinished. A route may fall {@value DeviceEventConsumer#BACKLOG} events behind (a broker outage on its sink) while other
 * routes of the account keep flowing; beyond that the feed waits for it, so memory stays bounded.
 */
public class SimplisafeConsumer extends DeviceEventConsumer<SimplisafeEvent> {

    private final SimplisafeEndpoint endpoint;
    /** The account of an accounts folder this consumer follows; {@code null} for the account named by account. */
    private final String folderAccount;
    private SimplisafeAccount account;

    SimplisafeConsumer(SimplisafeEndpoint endpoint, Processor processor) {
        this(endpoint, processor, null);
    }

    /**
     * The consumer of one account of the endpoint's accounts folder, run by a
     * {@link SimplisafeAccountsConsumer}, which reports the health of all of them.
     */
    SimplisafeConsumer(SimplisafeEndpoint endpoint, Processor processor, String folderAccount) {
        super(endpoint, processor, endpoint.getConfiguration().getEventTypes(),
                endpoint.getConfiguration().getMaxInFlight());
        this.endpoint = endpoint;
        this.folderAccount = folderAccount;
    }

    @Override
    public SimplisafeEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = folderAccount == null ? endpoint.account() : endpoint.folderAccount(folderAccount);
        account.subscribe(this, endpoint.getConfiguration());
        if (folderAccount == null) {
            registerHealthCheck();
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

    /** Emits {@code event} if it passes the filters; see {@link DeviceEventConsumer#offer}. */
    CompletionStage<?> deliver(SimplisafeEvent event) {
        return offer(event);
    }

    @Override
    protected boolean accepts(SimplisafeEvent event) {
        Long systemId = endpoint.getConfiguration().getSystemId();
        return systemId == null || systemId == event.systemId();
    }

    @Override
    protected void describe(Message message, SimplisafeEvent event) {
        message.setBody(event);
        message.setHeader(SimplisafeConstants.ACCOUNT, account.name());
        message.setHeader(SimplisafeConstants.SYSTEM_ID, event.systemId());
        message.setHeader(SimplisafeConstants.DEVICE_ID, event.deviceId());
        message.setHeader(SimplisafeConstants.EVENT_TYPE, event.type());
        message.setHeader(SimplisafeConstants.EVENT_ID, event.id());
        message.setHeader(SimplisafeConstants.ORIGIN, event.origin().name());
        message.setHeader(SimplisafeConstants.CONNECTION_MODE, account.mode().name());
    }

    @Override
    protected HealthCheck newHealthCheck(String routeId) {
        return new SimplisafeConsumerHealthCheck(this, routeId);
    }

    @Override
    protected boolean healthChecksEnabled() {
        return endpoint.getComponent().isHealthCheckConsumerEnabled();
    }
}
