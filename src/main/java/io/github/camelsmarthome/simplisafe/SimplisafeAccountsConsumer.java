package io.github.camelsmarthome.simplisafe;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelsmarthome.component.AccountsFolderConsumer;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code simplisafe:events?accountsDir=...}: one {@link SimplisafeConsumer} per token store in the
 * folder, each on its own account (tokens, client, event feed), all feeding this route. Each
 * exchange names its account in {@link SimplisafeConstants#ACCOUNT}. An account that fails fails
 * alone; one whose token store is deleted stops.
 */
public class SimplisafeAccountsConsumer extends AccountsFolderConsumer<SimplisafeConsumer> {

    private final SimplisafeEndpoint endpoint;

    SimplisafeAccountsConsumer(SimplisafeEndpoint endpoint, Processor processor, Path folder) {
        super(endpoint, processor, folder, "SimpliSafe");
        this.endpoint = endpoint;
    }

    @Override
    public SimplisafeEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected SimplisafeConsumer newAccountConsumer(String name) {
        return new SimplisafeConsumer(endpoint, routeProcessor(), name);
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
        HealthCheck check = new AccountsHealthCheck(getRouteId());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        return check;
    }

    /**
     * UP while every account's events flow; DOWN naming each account that has a problem. One
     * detail per account, {@code connection_mode.<account>}, so the details grow with the folder.
     */
    private final class AccountsHealthCheck extends AbstractHealthCheck {

        AccountsHealthCheck(String routeId) {
            super("camel", "consumer:simplisafe-" + routeId);
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            running().forEach((name, consumer) -> builder.detail("connection_mode." + name, consumer.mode().name()));
            if (running().isEmpty()) {
                builder.message("SimpliSafe: no account in " + folder() + " yet (run authorize simplisafe with STATE_DIR="
                                + folder() + ")");
                builder.down();
                return;
            }
            String problems = running().entrySet().stream().filter(entry -> entry.getValue().problem() != null)
                    .map(entry -> entry.getKey() + " (" + entry.getValue().mode() + "): " + entry.getValue().problem())
                    .collect(Collectors.joining("; "));
            if (problems.isEmpty()) {
                builder.message("SimpliSafe events flowing for " + running().size() + " accounts");
                builder.up();
            } else {
                builder.message("SimpliSafe account " + problems);
                builder.down();
            }
        }
    }
}
