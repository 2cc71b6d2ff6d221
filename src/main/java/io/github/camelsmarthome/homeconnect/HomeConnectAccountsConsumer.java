package io.github.camelsmarthome.homeconnect;

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
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code homeconnect:events?accountsDir=...}: one {@link HomeConnectConsumer} per token store in
 * the folder, each on its own account (tokens, request budget, saved state, event stream), all
 * feeding this route. Each exchange names its account in {@link HomeConnectConstants#ACCOUNT}.
 * Stores written later are found by the component's periodic look for new tokens; an account that
 * fails (its authorisation revoked, its stream down) fails alone.
 */
public class HomeConnectAccountsConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectAccountsConsumer.class);

    private final HomeConnectEndpoint endpoint;
    private final TokenStoreFolder folder;
    /** Read by health checks without the lock that a look for new accounts holds while a stream starts. */
    private final Map<String, HomeConnectConsumer> running = new ConcurrentSkipListMap<>();
    private final LongAdder failedStarts = new LongAdder();

    HomeConnectAccountsConsumer(HomeConnectEndpoint endpoint, Processor processor, Path folder) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.folder = new TokenStoreFolder(folder, "Home Connect");
    }

    @Override
    public HomeConnectEndpoint getEndpoint() {
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
        List<HomeConnectConsumer> stopping;
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
        if (!isRunAllowed()) {
            return;
        }
        for (String name : folder.accounts()) {
            if (running.containsKey(name) || !isRunAllowed()) {
                continue;
            }
            HomeConnectConsumer consumer = new HomeConnectConsumer(endpoint, getProcessor(), name);
            // Exchanges belong to this route, and its error handling applies to every account.
            consumer.setRouteId(getRouteId());
            consumer.setExceptionHandler(getExceptionHandler());
            try {
                ServiceHelper.startService(consumer);
                running.put(name, consumer);
                LOG.info("Home Connect accounts folder {}: streaming account {}", folder.folder(), name);
            } catch (Exception e) {
                // Tried again at the next look; the others keep flowing.
                failedStarts.increment();
                LOG.warn("Home Connect accounts folder {}: account {} did not start, trying again in a while: {}", folder.folder(), name,
                        e.toString());
                ServiceHelper.stopService(consumer);
            }
        }
    }

    /** The accounts being streamed. */
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

    /** Every account whose stream is not connected with its reason, {@code null} while all are. */
    String problem() {
        if (running.isEmpty()) {
            return "no account in " + folder.folder() + " yet (run authorize homeconnect --account <name> with STATE_DIR="
                   + folder.folder() + ")";
        }
        String problems = running.entrySet().stream().filter(entry -> entry.getValue().problem() != null)
                .map(entry -> entry.getKey() + " " + entry.getValue().problem()).collect(Collectors.joining("; "));
        return problems.isEmpty() ? null : "of account " + problems;
    }

    private void registerHealthCheck() {
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            HealthCheck check = new HomeConnectConsumerHealthCheck(this::problem, getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }
}
