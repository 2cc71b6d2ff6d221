package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.TokenStoreFolder;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Home Connect appliances: the events operation streams every appliance's events, every other
 * operation calls one REST endpoint (status, settings, programs, options, commands, images).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "homeconnect", title = "Home Connect", syntax = "homeconnect:operation",
             category = { Category.IOT, Category.CLOUD }, headersClass = HomeConnectConstants.class)
public class HomeConnectEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    /** The consumer's operation. */
    public static final String EVENTS = "events";

    @UriPath(enums = "events,listAppliances,getAppliance,getStatus,getStatusValue,getSettings,getSetting,setSetting,setSettings,"
                     + "getPrograms,getAvailablePrograms,getAvailableProgram,getActiveProgram,startProgram,stopProgram,"
                     + "getSelectedProgram,selectProgram,getActiveProgramOptions,setActiveProgramOptions,getActiveProgramOption,"
                     + "setActiveProgramOption,getSelectedProgramOptions,setSelectedProgramOptions,getSelectedProgramOption,"
                     + "setSelectedProgramOption,getCommands,executeCommand,executeCommands,getImages,getImage")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private HomeConnectConfiguration configuration;

    HomeConnectEndpoint(String uri, HomeConnectComponent component, String operation, HomeConnectConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public HomeConnectComponent getComponent() {
        return (HomeConnectComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (EVENTS.equals(operation)) {
            throw new InvalidConfigurationException("homeconnect:events",
                    "is a consumer (use it in from(...)); to call Home Connect use an operation such as homeconnect:getStatus");
        }
        return new HomeConnectProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!EVENTS.equals(operation)) {
            throw new InvalidConfigurationException("homeconnect:" + operation,
                    "is a producer (use it in to(...)); to receive events use from(\"homeconnect:events\")");
        }
        if (hasAccountsFolder()) {
            HomeConnectAccountsConsumer consumer = new HomeConnectAccountsConsumer(this, processor, accountsFolder());
            configureConsumer(consumer);
            return consumer;
        }
        HomeConnectConsumer consumer = new HomeConnectConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Several routes may consume the events (one per sink, so that one broker's outage never stalls
     * another): they share the account's one feed.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return EVENTS.equals(operation);
    }

    /** The shared account of this endpoint's client id. */
    HomeConnectAccount account() throws IOException {
        return getComponent().account(configuration);
    }

    /** The account {@code name} of the accounts folder. */
    HomeConnectAccount folderAccount(String name) throws IOException {
        return getComponent().folderAccount(name, accountsFolder(), configuration);
    }

    /**
     * The account {@code name} of the accounts folder, for a producer that an exchange asked to use
     * it; refused, before any call, when the folder has no token store of that name.
     */
    HomeConnectAccount namedFolderAccount(String name) throws IOException {
        Path folder = accountsFolder();
        if (!TokenStoreFolder.isPlainAccountName(name)
            || !Files.isRegularFile(new FileTokenStore(folder).fileOf(name), LinkOption.NOFOLLOW_LINKS)) {
            String shown = TokenStoreFolder.isPlainAccountName(name) ? "account " + name : "an account name that is not one";
            throw new UnknownHomeConnectAccountException("homeconnect:" + operation + " refused: the "
                                                         + HomeConnectConstants.ACCOUNT + " header names " + shown
                                                         + ", which has no token store in accountsDir=" + folder
                                                         + "; add it with authorize homeconnect --account <name> and STATE_DIR="
                                                         + folder + ", or remove the header");
        }
        return folderAccount(name);
    }

    /** The account of the accounts folder whose event stream knows the appliance {@code haId}. */
    Optional<HomeConnectAccount> folderAccountWithAppliance(String haId) {
        return getComponent().folderAccountWithAppliance(accountsFolder(), haId);
    }

    /** Whether the endpoint serves the accounts of a folder ({@code accountsDir}). */
    boolean hasAccountsFolder() {
        return configuration.getAccountsDir() != null && !configuration.getAccountsDir().isBlank();
    }

    private Path accountsFolder() {
        return Path.of(configuration.getAccountsDir()).toAbsolutePath().normalize();
    }

    public String getOperation() {
        return operation;
    }

    /** The operation: events (consumer), or the REST operation to call (producer). */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public HomeConnectConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(HomeConnectConfiguration configuration) {
        this.configuration = configuration;
    }
}
