package io.github.camelsmarthome.simplisafe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.github.camelsmarthome.auth.TokenStoreFolder;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code simplisafe:events?accountsDir=...}: one {@link SimplisafeConsumer} per token store in the
 * folder, each on its own account (tokens, client, event feed), all feeding this route. Each
 * exchange names its account in {@link SimplisafeConstants#ACCOUNT}. Stores written later are found
 * by the component's periodic look for new tokens; an account that fails fails alone.
 */
public class SimplisafeAccountsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeAccountsConsumer.class);

    private final SimplisafeEndpoint endpoint;
    private final TokenStoreFolder folder;
    /** Read by health checks without the lock of a look for new accounts. */
    private final Map<String, SimplisafeConsumer> running = new ConcurrentSkipListMap<>();
    private final LongAdder failedStarts = new LongAdder();

    SimplisafeAccountsConsumer(SimplisafeEndpoint endpoint, Processor processor, Path folder) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.folder = new TokenStoreFolder(folder, "SimpliSafe");
    }

    @Override
    public SimplisafeEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        findNewAccounts();
        endpoint.getComponent().watch(this);
        registerHealthCheck();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().unwatch(this);
        List<SimplisafeConsumer> stopping;
        // Waits for a look in progress, so that no account it starts is left running.
        synchronized (this) {
            stopping = List.copyOf(running.values());
            running.clear();
        }
        ServiceHelper.stopService(stopping);
        super.doStop();
    }

    /** Starts a consumer for every token store in the folder that has none yet. */
    synchronized void findNewAccounts() {
        for (String name : folder.accounts()) {
            if (running.containsKey(name) || !isRunAllowed()) {
                continue;
            }
            SimplisafeConsumer consumer = new SimplisafeConsumer(endpoint, getProcessor(), name);
            // Exchanges belong to this route, and its error handling applies to every account.
            consumer.setRouteId(getRouteId());
            consumer.setExceptionHandler(getExceptionHandler());
            try {
                ServiceHelper.startService(consumer);
                running.put(name, consumer);
                LOG.info("SimpliSafe accounts folder {}: following account {}", folder.folder(), name);
            } catch (Exception e) {
                // Tried again at the next look; the others keep flowing.
                failedStarts.increment();
                LOG.warn("SimpliSafe accounts folder {}: account {} did not start, trying again in a while: {}", folder.folder(), name,
                        e.toString());
                ServiceHelper.stopService(consumer);
            }
        }
    }

    /** The accounts being followed. */
    public Set<String> accountNames() {
        return Set.copyOf(running.keySet());
    }

    /** Token-store files skipped because no account name maps to them. */
    public long skippedFiles() {
        return folder.skippedFiles();
    }

    /** Attempts to start an account that failed (each is tried again at the next look). */
    public long failedStarts() {
        return failedStarts.sum();
    }

    private void registerHealthCheck() {
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            HealthCheck check = new AccountsHealthCheck(getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
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
            running.forEach((name, consumer) -> builder.detail("connection_mode." + name, consumer.mode().name()));
            if (running.isEmpty()) {
                builder.message("SimpliSafe: no account in " + folder.folder() + " yet (run authorize simplisafe with STATE_DIR="
                                + folder.folder() + ")");
                builder.down();
                return;
            }
            String problems = running.entrySet().stream().filter(entry -> entry.getValue().problem() != null)
                    .map(entry -> entry.getKey() + " (" + entry.getValue().mode() + "): " + entry.getValue().problem())
                    .collect(Collectors.joining("; "));
            if (problems.isEmpty()) {
                builder.message("SimpliSafe events flowing for " + running.size() + " accounts");
                builder.up();
            } else {
                builder.message("SimpliSafe account " + problems);
                builder.down();
            }
        }
    }
}
