package io.github.camelsmarthome.homeconnect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelsmarthome.component.DeviceEventConsumer;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;

/**
 * {@code homeconnect:events}: the events of the account's one all-appliances stream, filtered by
 * {@code haId} and {@code eventTypes}, one exchange per event (or per item with
 * {@code splitItems}). Exchanges start in order, at most {@code maxInFlight} unfinished. A route
 * may fall {@value DeviceEventConsumer#BACKLOG} events behind (a broker outage on its sink) while other
 * routes of the account keep flowing; beyond that the stream waits for it, so memory stays bounded.
 */
public class HomeConnectConsumer extends DeviceEventConsumer<HomeConnectEvent> {

    private final HomeConnectEndpoint endpoint;
    /** The account of an accounts folder this consumer streams; {@code null} for the client id's own account. */
    private final String folderAccount;
    private HomeConnectAccount account;

    HomeConnectConsumer(HomeConnectEndpoint endpoint, Processor processor) {
        this(endpoint, processor, null);
    }

    /**
     * The consumer of one account of the endpoint's accounts folder, run by a
     * {@link HomeConnectAccountsConsumer}, which reports the health of all of them.
     */
    HomeConnectConsumer(HomeConnectEndpoint endpoint, Processor processor, String folderAccount) {
        super(endpoint, processor, endpoint.getConfiguration().getEventTypes(),
                endpoint.getConfiguration().getMaxInFlight());
        this.endpoint = endpoint;
        this.folderAccount = folderAccount;
    }

    @Override
    public HomeConnectEndpoint getEndpoint() {
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

    /** Why this consumer's stream is not connected, or {@code null} while it is. */
    String problem() {
        return account == null ? "not started" : account.streamProblem();
    }

    /** Emits {@code event}, or each of its items with {@code splitItems}; see {@link DeviceEventConsumer#offer}. */
    CompletionStage<?> deliver(HomeConnectEvent event) {
        if (!endpoint.getConfiguration().isSplitItems() || event.items().size() <= 1) {
            return offer(event);
        }
        return CompletableFuture.allOf(event.splitItems().stream().map(one -> offer(one).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    @Override
    protected boolean accepts(HomeConnectEvent event) {
        String haId = endpoint.getConfiguration().getHaId();
        // Events about the account (gap markers, auth_required) concern every appliance of it.
        boolean aboutAccount = EventOrigin.BRIDGE.equals(event.origin());
        return haId == null || haId.isBlank() || aboutAccount || haId.equals(event.deviceId());
    }

    @Override
    protected void describe(Message message, HomeConnectEvent event) {
        message.setBody(event);
        message.setHeader(HomeConnectConstants.ACCOUNT, account.name());
        message.setHeader(HomeConnectConstants.HA_ID, event.deviceId());
        message.setHeader(HomeConnectConstants.EVENT_TYPE, event.type());
        message.setHeader(HomeConnectConstants.EVENT_ID, event.id());
        account.applianceType(event.deviceId()).ifPresent(type -> message.setHeader(HomeConnectConstants.APPLIANCE_TYPE, type));
        if (endpoint.getConfiguration().isSplitItems() && event.items().size() == 1) {
            HomeConnectEventItem item = event.items().get(0);
            message.setHeader(HomeConnectConstants.KEY, item.key());
        }
    }

    @Override
    protected HealthCheck newHealthCheck(String routeId) {
        return new HomeConnectConsumerHealthCheck(this::problem, routeId);
    }

    @Override
    protected boolean healthChecksEnabled() {
        return endpoint.getComponent().isHealthCheckConsumerEnabled();
    }
}
