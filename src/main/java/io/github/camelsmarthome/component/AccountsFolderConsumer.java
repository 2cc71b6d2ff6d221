package io.github.camelsmarthome.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsmarthome.auth.TokenStoreFolder;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer with {@code accountsDir}: one per-account consumer for every token store in the
 * folder, each on its own account, all feeding this route (its route id and exception handler).
 * Stores written later are found when the component calls {@link #findNewAccounts()} on its
 * periodic look for new tokens; an account that fails to start is counted and tried again at the
 * next look, and fails alone.
 *
 * @param <C> the per-account consumer
 */
public abstract class AccountsFolderConsumer<C extends DefaultConsumer> extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsFolderConsumer.class);

    private final TokenStoreFolder folder;
    private final String system;
    /** Read by health checks without the lock that a look for new accounts holds while an account starts. */
    private final Map<String, C> running = new ConcurrentSkipListMap<>();
    private final LongAdder failedStarts = new LongAdder();

    /**
     * @param system the system's name in log lines ({@code Home Connect})
     */
    protected AccountsFolderConsumer(Endpoint endpoint, Processor processor, Path folder, String system) {
        super(endpoint, processor);
        this.folder = new TokenStoreFolder(folder, system);
        this.system = system;
    }

    /** A consumer of the account {@code name} of the folder, not started. */
    protected abstract C newAccountConsumer(String name);

    /** Asks the component to call {@link #findNewAccounts()} on its periodic look (or to stop). */
    protected abstract void watch(boolean watching);

    /** The route's health check over every account; {@code null} for none. */
    protected abstract HealthCheck newHealthCheck();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        findNewAccounts();
        watch(true);
        registerHealthCheck();
    }

    @Override
    protected void doStop() throws Exception {
        watch(false);
        List<C> stopping;
        // Waits for a look in progress, so that no account it starts is left running.
        synchronized (this) {
            stopping = List.copyOf(running.values());
            running.clear();
        }
        ServiceHelper.stopService(stopping);
        super.doStop();
    }

    /** Starts a consumer for every token store in the folder that has none yet. */
    public synchronized void findNewAccounts() {
        for (String name : folder.accounts()) {
            if (running.containsKey(name) || !isRunAllowed()) {
                continue;
            }
            C consumer = newAccountConsumer(name);
            // Exchanges belong to this route, and its error handling applies to every account.
            consumer.setRouteId(getRouteId());
            consumer.setExceptionHandler(getExceptionHandler());
            try {
                ServiceHelper.startService(consumer);
                running.put(name, consumer);
                LOG.info("{} accounts folder {}: following account {}", system, folder.folder(), name);
            } catch (Exception e) {
                failedStarts.increment();
                LOG.warn("{} accounts folder {}: account {} did not start, trying again in a while: {}", system, folder.folder(), name,
                        e.toString());
                ServiceHelper.stopService(consumer);
            }
        }
    }

    /** The running per-account consumers by account name (a live, sorted view). */
    protected Map<String, C> running() {
        return running;
    }

    /** The folder's path. */
    protected Path folder() {
        return folder.folder();
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
            HealthCheck check = newHealthCheck();
            if (check != null) {
                setHealthCheck(check);
            }
        }
    }
}
