package io.github.camelsmarthome.homeconnect;

import java.nio.file.Path;
import java.util.stream.Collectors;

import io.github.camelsmarthome.component.AccountsFolderConsumer;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;

/**
 * {@code homeconnect:events?accountsDir=...}: one {@link HomeConnectConsumer} per token store in
 * the folder, each on its own account (tokens, request budget, saved state, event stream), all
 * feeding this route. Each exchange names its account in {@link HomeConnectConstants#ACCOUNT}. An
 * account that fails (its authorisation revoked, its stream down) fails alone; one whose token
 * store is deleted stops.
 */
public class HomeConnectAccountsConsumer extends AccountsFolderConsumer<HomeConnectConsumer> {

    private final HomeConnectEndpoint endpoint;

    HomeConnectAccountsConsumer(HomeConnectEndpoint endpoint, Processor processor, Path folder) {
        super(endpoint, processor, folder, "Home Connect");
        this.endpoint = endpoint;
    }

    @Override
    public HomeConnectEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected HomeConnectConsumer newAccountConsumer(String name) {
        return new HomeConnectConsumer(endpoint, routeProcessor(), name);
    }

    @Override
    protected boolean releaseAccount(String name) {
        return endpoint.getComponent().releaseFolderAccount(name, folder());
    }

    @Override
    protected void watch(boolean watching) {
        if (watching) {
            endpoint.getComponent().watch(this);
        } else {
            endpoint.getComponent().unwatch(this);
        }
    }

    @Override
    protected HealthCheck newHealthCheck() {
        HealthCheck check = new HomeConnectConsumerHealthCheck(this::problem, getRouteId());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        return check;
    }

    /** Every account whose stream is not connected with its reason, {@code null} while all are. */
    String problem() {
        if (running().isEmpty()) {
            return "no account in " + folder() + " yet (run authorize homeconnect --account <name> with STATE_DIR="
                   + folder() + ")";
        }
        String problems = running().entrySet().stream().filter(entry -> entry.getValue().problem() != null)
                .map(entry -> entry.getKey() + " " + entry.getValue().problem()).collect(Collectors.joining("; "));
        return problems.isEmpty() ? null : "of account " + problems;
    }
}
