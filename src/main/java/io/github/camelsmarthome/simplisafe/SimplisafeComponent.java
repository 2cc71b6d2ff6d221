package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.component.NewAccountListeners;
import io.github.camelsmarthome.storage.StateDirectory;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.event.CompleteDeviceList;
import io.github.camelsmarthome.event.CompleteDeviceListSource;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.FeedStats;
import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStats;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.vertx.core.Vertx;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code simplisafe:} component: SimpliSafe alarm systems. {@code simplisafe:events} consumes
 * the account's events (REST polling with change detection, plus the websocket where SimpliSafe
 * still accepts it); {@code simplisafe:<operation>} arms, disarms, locks and reads.
 *
 * <p>Endpoints with the same account share one {@link SimplisafeAccount}: one token store, one
 * client, one event feed.
 */
@Component("simplisafe")
public class SimplisafeComponent extends HealthCheckComponent implements CompleteDeviceListSource {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeComponent.class);
    /** How often an account waiting for authorisation looks for tokens `authorize simplisafe` wrote. */
    private static final long AUTHORISATION_CHECK_SECONDS = 10;

    @Metadata
    private SimplisafeConfiguration configuration = new SimplisafeConfiguration();
    @Metadata(label = "advanced", autowired = true)
    private Vertx vertx;

    private final Map<String, SimplisafeAccount> accounts = new HashMap<>();
    /** The folder of each account that came from an accounts folder. */
    private final Map<String, Path> folders = new HashMap<>();
    private final Set<SimplisafeAccountsConsumer> folderConsumers = new CopyOnWriteArraySet<>();
    private final NewAccountListeners accountListeners = new NewAccountListeners("SimpliSafe");
    private boolean vertxCreated;
    private ScheduledExecutorService housekeeping;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String operation = ObjectHelper.isEmpty(remaining) ? null : remaining;
        if (operation == null) {
            throw new InvalidConfigurationException("simplisafe", "the URI names no operation: use simplisafe:events or"
                                                                + " simplisafe:<operation>, for example simplisafe:setState");
        }
        if (!SimplisafeEndpoint.EVENTS.equals(operation)) {
            try {
                SimplisafeOperation.fromName(operation);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidConfigurationException("simplisafe:" + operation,
                        unknown.getMessage() + "; or events, to consume the events");
            }
        }
        SimplisafeEndpoint endpoint = new SimplisafeEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The account of {@code endpointConfiguration}, created on first use. */
    synchronized SimplisafeAccount account(SimplisafeConfiguration endpointConfiguration) throws IOException {
        String name = SimpliSafeAuthorization.accountName(endpointConfiguration.getAccount());
        SimplisafeAccount account = accounts.get(name);
        if (account == null) {
            account = new SimplisafeAccount(vertx(), endpointConfiguration, StateDirectory.of(endpointConfiguration.getStateDir()), Clock.systemUTC());
            accounts.put(name, account);
            LOG.info("SimpliSafe account {} at {}", name, endpointConfiguration.getApiUrl());
            accountListeners.announce(name);
        }
        return account;
    }

    /**
     * The account stored as {@code name} in the accounts folder {@code folder}, created on first
     * use. The endpoint's refresh token is not used: it belongs to the account named by account.
     */
    synchronized SimplisafeAccount folderAccount(String name, Path folder, SimplisafeConfiguration endpointConfiguration)
            throws IOException {
        SimplisafeAccount account = accounts.get(name);
        if (account == null) {
            SimplisafeConfiguration own = endpointConfiguration.copy();
            own.setRefreshToken(null);
            account = new SimplisafeAccount(vertx(), name, own, folder, Clock.systemUTC());
            accounts.put(name, account);
            folders.put(name, folder);
            LOG.info("SimpliSafe account {} from {} at {}", name, folder, endpointConfiguration.getApiUrl());
            accountListeners.announce(name);
        }
        return account;
    }

    /**
     * The account of {@code folder} whose event feed watches the system {@code systemId}, or when
     * that is {@code null} whose systems have the device {@code deviceSerial} (a lock): commands
     * from Home Assistant name a system or a lock, not an account. The first by name when several
     * do (users of one home share its system); empty when none does, e.g. while no feed runs.
     */
    synchronized Optional<SimplisafeAccount> folderAccountWith(Path folder, Long systemId, String deviceSerial) {
        return accounts.entrySet().stream().filter(entry -> folder.equals(folders.get(entry.getKey())))
                .map(Map.Entry::getValue).filter(account -> {
                    SimplisafeEventFeed feed = account.feed();
                    if (feed == null) {
                        return false;
                    }
                    if (systemId != null) {
                        return feed.systemIds().contains(systemId);
                    }
                    return deviceSerial != null && feed.completeDeviceIds().map(ids -> ids.contains(deviceSerial)).orElse(false);
                }).min(java.util.Comparator.comparing(SimplisafeAccount::name));
    }

    /**
     * Closes and forgets the account {@code name} of {@code folder} once no route follows it (its
     * token store was deleted): a store written again under the name starts with its new tokens.
     *
     * @return whether it was closed; {@code false} while another route still follows it
     */
    boolean releaseFolderAccount(String name, Path folder) {
        SimplisafeAccount released;
        synchronized (this) {
            SimplisafeAccount account = accounts.get(name);
            if (account == null || !folder.equals(folders.get(name)) || account.feed() != null) {
                return false;
            }
            released = accounts.remove(name);
            folders.remove(name);
        }
        released.close();
        return true;
    }

    /**
     * Calls {@code listener} with the name of every account created from now on, as it is created
     * (an account found in an accounts folder while the route runs, too): metrics bind its meters
     * at once. Accounts that exist already are in {@link #accountNames()}.
     */
    public void onNewAccount(java.util.function.Consumer<String> listener) {
        accountListeners.add(listener);
    }

    /** Asks {@code consumer} to look for new token stores every time the component looks for new tokens. */
    void watch(SimplisafeAccountsConsumer consumer) {
        folderConsumers.add(consumer);
    }

    /** Stops asking {@code consumer} to look for new token stores. */
    void unwatch(SimplisafeAccountsConsumer consumer) {
        folderConsumers.remove(consumer);
    }

    /** The accounts in use (created when their first endpoint starts). */
    public synchronized Set<String> accountNames() {
        return Set.copyOf(accounts.keySet());
    }

    /**
     * The devices of every account whose event feed runs, once each feed has read its systems'
     * sensors and locks; empty while one has not, or when no feed runs.
     */
    @Override
    public Optional<CompleteDeviceList> completeDeviceList() {
        List<SimplisafeAccount> current;
        synchronized (this) {
            current = List.copyOf(accounts.values());
        }
        Set<String> devices = new HashSet<>();
        boolean anyFeed = false;
        for (SimplisafeAccount account : current) {
            SimplisafeEventFeed feed = account.feed();
            if (feed == null) {
                continue;
            }
            anyFeed = true;
            Optional<Set<String>> listed = feed.completeDeviceIds();
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            devices.addAll(listed.get());
        }
        return anyFeed ? Optional.of(new CompleteDeviceList("simplisafe", devices, Set.of())) : Optional.empty();
    }

    /** The connection mode of {@code account}'s event feed; empty when no consumer runs it. */
    public synchronized Optional<ConnectionMode> connectionMode(String account) {
        SimplisafeAccount found = accounts.get(account);
        return found == null || found.feed() == null ? Optional.empty() : Optional.of(found.mode());
    }

    /** The counters of {@code account}'s websocket, while a consumer runs the feed with one. */
    public synchronized Optional<RealtimeStats> realtimeStats(String account) {
        SimplisafeAccount found = accounts.get(account);
        SimplisafeEventFeed feed = found == null ? null : found.feed();
        return feed == null ? Optional.empty() : feed.realtimeStats();
    }

    /** The counters of {@code account}'s event feed, while a consumer runs it. */
    public synchronized Optional<FeedStats> feedStats(String account) {
        SimplisafeAccount found = accounts.get(account);
        SimplisafeEventFeed feed = found == null ? null : found.feed();
        return feed == null ? Optional.empty() : Optional.of(feed.stats());
    }

    private synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            vertxCreated = true;
        }
        return vertx;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        housekeeping = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "simplisafe-housekeeping");
        housekeeping.scheduleWithFixedDelay(this::adoptNewTokens, AUTHORISATION_CHECK_SECONDS, AUTHORISATION_CHECK_SECONDS,
                TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::followFolders, AUTHORISATION_CHECK_SECONDS, AUTHORISATION_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Not under the component's lock, which starting an account's feed does not need. */
    private void followFolders() {
        folderConsumers.forEach(SimplisafeAccountsConsumer::followFolder);
    }

    private synchronized void adoptNewTokens() {
        accounts.values().forEach(account -> account.tokens().adoptNewerStoredTokens());
    }

    @Override
    protected void doStop() throws Exception {
        if (housekeeping != null) {
            getCamelContext().getExecutorServiceManager().shutdown(housekeeping);
            housekeeping = null;
        }
        synchronized (this) {
            accounts.values().forEach(SimplisafeAccount::close);
            accounts.clear();
            folders.clear();
            if (vertxCreated && vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx = null;
                vertxCreated = false;
            }
        }
        super.doStop();
    }

    public SimplisafeConfiguration getConfiguration() {
        return configuration;
    }

    /** The options every endpoint starts from (account, state folder, URLs ...). */
    public void setConfiguration(SimplisafeConfiguration configuration) {
        this.configuration = configuration;
    }

    public Vertx getVertx() {
        return vertx;
    }

    /**
     * The Vert.x instance for HTTP and the websocket; taken from the registry when there is one, else
     * created and closed with the component.
     */
    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }
}
