package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.component.NewAccountListeners;
import io.github.camelsmarthome.event.CompleteDeviceList;
import io.github.camelsmarthome.event.CompleteDeviceListSource;
import io.github.camelsmarthome.storage.StateDirectory;
import io.github.camelsmarthome.homeconnect.api.BudgetSnapshot;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOperation;
import io.github.camelsmarthome.homeconnect.api.stream.EventStreamMetrics;
import io.github.camelsmarthome.homeconnect.api.stream.HomeConnectEventStream;
import io.github.camelsmarthome.homeconnect.api.stream.StreamState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code homeconnect:} component: BSH Home Connect appliances (Bosch, Siemens, Neff,
 * Gaggenau). {@code homeconnect:events} consumes the account's event stream;
 * {@code homeconnect:<operation>} calls the REST API.
 *
 * <p>Endpoints with the same client id share one {@link HomeConnectAccount}: one token store,
 * one request budget, one event stream.
 */
@Component("homeconnect")
public class HomeConnectComponent extends HealthCheckComponent implements CompleteDeviceListSource {

    private static final Logger LOG = LoggerFactory.getLogger(HomeConnectComponent.class);
    private static final long BUDGET_SAVE_SECONDS = 30;
    /** How often an account waiting for authorisation looks for tokens `authorize homeconnect` wrote. */
    private static final long AUTHORISATION_CHECK_SECONDS = 10;
    /** Event streams one shared HTTP client may hold open at once: more than one bundle's file limit allows. */
    private static final int STREAMS_PER_CLIENT = 65_536;

    @Metadata
    private HomeConnectConfiguration configuration = new HomeConnectConfiguration();
    @Metadata(label = "advanced", autowired = true)
    private volatile Vertx vertx;

    private final Map<String, HomeConnectAccount> accounts = new HashMap<>();
    private final Set<HomeConnectAccountsConsumer> folderConsumers = new CopyOnWriteArraySet<>();
    private final NewAccountListeners accountListeners = new NewAccountListeners("Home Connect");
    private final Map<Long, HttpClient> streamClients = new ConcurrentHashMap<>();
    private boolean vertxCreated;
    private ScheduledExecutorService budgetSaver;
    private ScheduledExecutorService accountFinder;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String operation = ObjectHelper.isEmpty(remaining) ? null : remaining;
        if (operation == null) {
            throw new InvalidConfigurationException("homeconnect", "the URI names no operation: use homeconnect:events or"
                                                                 + " homeconnect:<operation>, for example homeconnect:getStatus");
        }
        if (!HomeConnectEndpoint.EVENTS.equals(operation)) {
            try {
                HomeConnectOperation.fromName(operation);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidConfigurationException("homeconnect:" + operation,
                        unknown.getMessage() + "; or events, to consume the event stream");
            }
        }
        HomeConnectEndpoint endpoint = new HomeConnectEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The account of {@code endpointConfiguration}'s client id, created on first use. */
    synchronized HomeConnectAccount account(HomeConnectConfiguration endpointConfiguration) throws IOException {
        String clientId = endpointConfiguration.getClientId();
        if (clientId == null || clientId.isBlank()) {
            throw new InvalidConfigurationException("clientId", "homeconnect needs the client id of your Home Connect application:"
                                                                + " set HOMECONNECT_CLIENT_ID or camel.component.homeconnect.clientId");
        }
        String name = HomeConnectAuthorization.accountName(clientId);
        HomeConnectAccount account = accounts.get(name);
        if (account == null) {
            account = new HomeConnectAccount(vertx(), endpointConfiguration, StateDirectory.of(endpointConfiguration.getStateDir()), Clock.systemUTC());
            account.shareStreamClients(this::streamHttpClient);
            accounts.put(name, account);
            LOG.info("Home Connect account {} at {}", name, endpointConfiguration.getApiUrl());
            accountListeners.announce(name);
        }
        return account;
    }

    /**
     * The account stored as {@code name} in the accounts folder {@code folder}, created on first
     * use. The endpoint's refresh token is not used: it belongs to the client id's own account.
     */
    synchronized HomeConnectAccount folderAccount(String name, Path folder, HomeConnectConfiguration endpointConfiguration)
            throws IOException {
        HomeConnectAccount account = accounts.get(name);
        if (account != null && !account.stateDir().toAbsolutePath().normalize().equals(folder)) {
            throw new InvalidConfigurationException("accountsDir", "the account " + name + " is already in use with the state folder "
                                                                   + account.stateDir() + "; rename its token store in " + folder);
        }
        if (account == null) {
            HomeConnectConfiguration own = endpointConfiguration.copy();
            own.setRefreshToken(null);
            account = new HomeConnectAccount(vertx(), name, own, folder, Clock.systemUTC());
            account.shareStreamClients(this::streamHttpClient);
            accounts.put(name, account);
            // DEBUG: the accounts folder consumer logs each account it follows already, and a folder may hold thousands.
            LOG.debug("Home Connect account {} from {} at {}", name, folder, endpointConfiguration.getApiUrl());
            accountListeners.announce(name);
        }
        return account;
    }

    /**
     * The account of {@code folder} whose event stream knows the appliance {@code haId}: commands
     * from Home Assistant name an appliance, not an account. The first by name when several do (a
     * household's appliances are shared by its users' accounts, and any of them may command them);
     * empty when none does, for instance while no stream of the folder runs.
     */
    synchronized Optional<HomeConnectAccount> folderAccountWithAppliance(Path folder, String haId) {
        return accounts.values().stream().filter(account -> isOf(account, folder) && account.knowsAppliance(haId))
                .min(java.util.Comparator.comparing(HomeConnectAccount::name));
    }

    /**
     * Closes and forgets the account {@code name} of {@code folder} once no route streams it (its
     * token store was deleted): a store written again under the name starts with its new tokens.
     *
     * @return whether it was closed; {@code false} while another route still streams it
     */
    boolean releaseFolderAccount(String name, Path folder) {
        HomeConnectAccount released;
        synchronized (this) {
            HomeConnectAccount account = accounts.get(name);
            if (account == null || !isOf(account, folder) || account.stream().isPresent()) {
                return false;
            }
            released = accounts.remove(name);
        }
        released.close();
        return true;
    }

    private static boolean isOf(HomeConnectAccount account, Path folder) {
        return account.stateDir().toAbsolutePath().normalize().equals(folder);
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
    void watch(HomeConnectAccountsConsumer consumer) {
        folderConsumers.add(consumer);
    }

    /** Stops asking {@code consumer} to look for new token stores. */
    void unwatch(HomeConnectAccountsConsumer consumer) {
        folderConsumers.remove(consumer);
    }

    /** The accounts in use (created when their first endpoint starts). */
    public synchronized java.util.Set<String> accountNames() {
        return java.util.Set.copyOf(accounts.keySet());
    }

    /** What is left of {@code account}'s request budget, for metrics and health. */
    public synchronized java.util.Optional<BudgetSnapshot> budget(String account) {
        HomeConnectAccount found = accounts.get(account);
        return found == null ? java.util.Optional.empty() : java.util.Optional.of(found.budget().remaining());
    }

    /** The counters of {@code account}'s event stream, while a consumer runs it. */
    public synchronized java.util.Optional<EventStreamMetrics> streamMetrics(String account) {
        HomeConnectAccount found = accounts.get(account);
        return found == null ? java.util.Optional.empty() : found.stream().map(HomeConnectEventStream::metrics);
    }

    /** The state of {@code account}'s event stream ({@code STOPPED} when no consumer runs it). */
    public synchronized StreamState streamState(String account) {
        HomeConnectAccount found = accounts.get(account);
        return found == null ? StreamState.STOPPED : found.streamState();
    }

    /**
     * The appliances of every account whose event stream runs, once each of them has a complete
     * appliance list; empty while one has not, or when no stream runs (producer-only accounts
     * report no devices, so they are left out).
     */
    @Override
    public Optional<CompleteDeviceList> completeDeviceList() {
        List<HomeConnectAccount> current;
        synchronized (this) {
            current = List.copyOf(accounts.values());
        }
        Set<String> appliances = new HashSet<>();
        boolean anyStream = false;
        for (HomeConnectAccount account : current) {
            if (account.stream().isEmpty()) {
                continue;
            }
            anyStream = true;
            Optional<Set<String>> listed = account.completeApplianceIds();
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            appliances.addAll(listed.get());
        }
        return anyStream ? Optional.of(new CompleteDeviceList("homeconnect", appliances, Set.of())) : Optional.empty();
    }

    /**
     * The HTTP client of every event stream of this component with {@code connectTimeout}, made on
     * first use and closed with the component. Shared because a Vert.x client costs a pool and a
     * cleaner timer that fires every second: with an accounts folder of thousands, one client per
     * stream made that thousands of timers. Its pool is as large as any folder needs (a stream holds
     * its connection for as long as it is open; connections are not kept alive, so none idles in it).
     */
    HttpClient streamHttpClient(long connectTimeout) {
        // Not under the component's lock: an account calls this holding its own, and the component's
        // readers of stream state take the component's lock and then the account's.
        Vertx current = vertx;
        if (current == null) {
            throw new IllegalStateException("the homeconnect component has no Vert.x yet: it is made with the first account");
        }
        return streamClients.computeIfAbsent(connectTimeout, timeout -> current.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout))
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false)
                .setMaxPoolSize(STREAMS_PER_CLIENT)));
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
        budgetSaver = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "homeconnect-housekeeping");
        budgetSaver.scheduleWithFixedDelay(this::saveBudgets, BUDGET_SAVE_SECONDS, BUDGET_SAVE_SECONDS, TimeUnit.SECONDS);
        budgetSaver.scheduleWithFixedDelay(this::adoptNewTokens, AUTHORISATION_CHECK_SECONDS, AUTHORISATION_CHECK_SECONDS,
                TimeUnit.SECONDS);
        // A thread of its own: starting the accounts of a large folder must not wait behind a save pass, nor delay it.
        accountFinder = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "homeconnect-accounts");
        accountFinder.scheduleWithFixedDelay(this::followFolders, AUTHORISATION_CHECK_SECONDS, AUTHORISATION_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Not under the component's lock: opening a found account's stream waits for its start. */
    private void followFolders() {
        folderConsumers.forEach(HomeConnectAccountsConsumer::followFolder);
    }

    private void adoptNewTokens() {
        currentAccounts().forEach(account -> account.tokens().adoptNewerStoredTokens());
    }

    /** Writes outside the component's lock: with thousands of accounts a pass takes a while, and new accounts need the lock. */
    private void saveBudgets() {
        currentAccounts().forEach(HomeConnectAccount::saveBudget);
    }

    private synchronized List<HomeConnectAccount> currentAccounts() {
        return List.copyOf(accounts.values());
    }

    @Override
    protected void doStop() throws Exception {
        if (budgetSaver != null) {
            getCamelContext().getExecutorServiceManager().shutdown(budgetSaver);
            budgetSaver = null;
        }
        if (accountFinder != null) {
            getCamelContext().getExecutorServiceManager().shutdown(accountFinder);
            accountFinder = null;
        }
        synchronized (this) {
            accounts.values().forEach(HomeConnectAccount::close);
            accounts.clear();
            // After the accounts: their streams stopped, so no request is left on these clients.
            streamClients.values().forEach(HttpClient::close);
            streamClients.clear();
            if (vertxCreated && vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx = null;
                vertxCreated = false;
            }
        }
        super.doStop();
    }

    public HomeConnectConfiguration getConfiguration() {
        return configuration;
    }

    /** The options every endpoint starts from (client id, secret, API URL, state folder ...). */
    public void setConfiguration(HomeConnectConfiguration configuration) {
        this.configuration = configuration;
    }

    public Vertx getVertx() {
        return vertx;
    }

    /**
     * The Vert.x instance for HTTP; taken from the registry when there is one, else created and
     * closed with the component.
     */
    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }
}
