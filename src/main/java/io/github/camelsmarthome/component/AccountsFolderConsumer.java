package io.github.camelsmarthome.component;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.TokenStoreFolder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
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
 * Stores written later are found when the component calls {@link #followFolder()} on its periodic
 * look for new tokens, and the account of a store that was deleted stops there; an account that
 * fails to start is counted and tried again at the next look, and fails alone.
 *
 * <p>The route's backlog ({@link RouteBacklog}) is the sum over its accounts: events waiting,
 * capacity, times a source had to wait and events dropped are summed (the counts of accounts that
 * stopped are kept, so the counters never go down); the peak is the largest one account reached.
 *
 * @param <C> the per-account consumer
 */
public abstract class AccountsFolderConsumer<C extends DefaultConsumer & RouteBacklog.Owner> extends DefaultConsumer
        implements RouteBacklog.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsFolderConsumer.class);

    private final TokenStoreFolder folder;
    private final FileTokenStore stores;
    private final String system;
    /** Read by health checks without the lock that a look for new accounts holds while an account starts. */
    private final Map<String, C> running = new ConcurrentSkipListMap<>();
    private final LongAdder failedStarts = new LongAdder();
    private final LongAdder stoppedAccounts = new LongAdder();
    /** What accounts that stopped had counted: the route's counters must not go down when one leaves. */
    private final LongAdder retiredFullCount = new LongAdder();
    private final LongAdder retiredDropped = new LongAdder();
    private final RouteBacklog backlog = new SummedBacklog();

    /**
     * @param system the system's name in log lines ({@code Home Connect})
     */
    protected AccountsFolderConsumer(Endpoint endpoint, Processor processor, Path folder, String system) {
        super(endpoint, processor);
        this.folder = new TokenStoreFolder(folder, system);
        this.stores = new FileTokenStore(this.folder.folder());
        this.system = system;
    }

    /** A consumer of the account {@code name} of the folder, not started, feeding {@link #routeProcessor()}. */
    protected abstract C newAccountConsumer(String name);

    /**
     * The route's processor for the per-account consumers. Not the processor itself: a consumer
     * stops its processor when it stops, and one account that stops (its store deleted, its start
     * failed) must not stop the route for the others.
     */
    protected final Processor routeProcessor() {
        return new SharedRouteProcessor(getAsyncProcessor());
    }

    /**
     * The account {@code name} stopped here because its token store was deleted: the component
     * closes it if no other route follows it, so that a store written again starts afresh.
     *
     * @return whether the account was closed (the last route let it go)
     */
    protected abstract boolean releaseAccount(String name);

    /** Asks the component to call {@link #followFolder()} on its periodic look (or to stop). */
    protected abstract void watch(boolean watching);

    /** The route's health check over every account; {@code null} for none. */
    protected abstract HealthCheck newHealthCheck();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        followFolder();
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

    /**
     * Stops the account of every token store that was deleted, then starts a consumer for every
     * token store in the folder that has none yet.
     */
    public synchronized void followFolder() {
        stopRemovedAccounts();
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

    /**
     * Each running account's own file is checked, not the folder's listing: a listing that fails
     * (the folder unreadable for a moment) must not stop every account.
     */
    private void stopRemovedAccounts() {
        for (String name : List.copyOf(running.keySet())) {
            if (Files.isRegularFile(stores.fileOf(name), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            C consumer = running.remove(name);
            retire(consumer);
            try {
                ServiceHelper.stopService(consumer);
            } catch (RuntimeException e) {
                LOG.warn("{} accounts folder {}: account {} did not stop cleanly: {}", system, folder.folder(), name, e.toString());
            }
            stoppedAccounts.increment();
            // Every route on the folder stops its own consumer; the one that closes the account says so.
            if (releaseAccount(name)) {
                LOG.info("{} accounts folder {}: account {} stopped: its token store was deleted (writing one again starts it)",
                        system, folder.folder(), name);
            } else {
                LOG.debug("{} accounts folder {}: route {} no longer follows account {}: its token store was deleted", system,
                        folder.folder(), getRouteId(), name);
            }
        }
    }

    private void retire(C consumer) {
        RouteBacklog leaving = consumer.routeBacklog();
        retiredFullCount.add(leaving.backlogFullCount());
        retiredDropped.add(leaving.droppedEvents());
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

    /** Accounts stopped because their token store was deleted, as seen by this route. */
    public long stoppedAccounts() {
        return stoppedAccounts.sum();
    }

    @Override
    public RouteBacklog routeBacklog() {
        return backlog;
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

    /** The route's backlog over its accounts, read live, so that accounts found later count at once. */
    private final class SummedBacklog implements RouteBacklog {

        @Override
        public int backlog() {
            return running.values().stream().mapToInt(consumer -> consumer.routeBacklog().backlog()).sum();
        }

        @Override
        public int backlogCapacity() {
            return running.values().stream().mapToInt(consumer -> consumer.routeBacklog().backlogCapacity()).sum();
        }

        @Override
        public long backlogPeak() {
            return running.values().stream().mapToLong(consumer -> consumer.routeBacklog().backlogPeak()).max().orElse(0);
        }

        @Override
        public long backlogFullCount() {
            return retiredFullCount.sum()
                   + running.values().stream().mapToLong(consumer -> consumer.routeBacklog().backlogFullCount()).sum();
        }

        @Override
        public long droppedEvents() {
            return retiredDropped.sum() + running.values().stream().mapToLong(consumer -> consumer.routeBacklog().droppedEvents()).sum();
        }
    }

    /** Delegates to the route without being a service, so stopping an account's consumer leaves the route running. */
    private record SharedRouteProcessor(AsyncProcessor route) implements AsyncProcessor {

        @Override
        public void process(Exchange exchange) throws Exception {
            route.process(exchange);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            return route.process(exchange, callback);
        }

        @Override
        public CompletableFuture<Exchange> processAsync(Exchange exchange) {
            return route.processAsync(exchange);
        }
    }
}
