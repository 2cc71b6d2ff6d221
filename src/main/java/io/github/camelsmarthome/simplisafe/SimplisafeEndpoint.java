package io.github.camelsmarthome.simplisafe;

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
 * SimpliSafe alarm systems: the events operation emits the account's events (REST-first, the
 * websocket where it works); every other operation calls the REST API (arm, disarm, locks, sensors,
 * event history, settings).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "simplisafe", title = "SimpliSafe", syntax = "simplisafe:operation",
             category = { Category.IOT, Category.CLOUD }, headersClass = SimplisafeConstants.class)
public class SimplisafeEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    /** The consumer's operation. */
    public static final String EVENTS = "events";

    @UriPath(enums = "events,getSystems,getState,setState,getSensors,getLocks,lock,unlock,getEvents,getSettings")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private SimplisafeConfiguration configuration;

    SimplisafeEndpoint(String uri, SimplisafeComponent component, String operation, SimplisafeConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public SimplisafeComponent getComponent() {
        return (SimplisafeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (EVENTS.equals(operation)) {
            throw new InvalidConfigurationException("simplisafe:events",
                    "is a consumer (use it in from(...)); to call SimpliSafe use an operation such as simplisafe:setState");
        }
        return new SimplisafeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!EVENTS.equals(operation)) {
            throw new InvalidConfigurationException("simplisafe:" + operation,
                    "is a producer (use it in to(...)); to receive events use from(\"simplisafe:events\")");
        }
        if (hasAccountsFolder()) {
            SimplisafeAccountsConsumer consumer = new SimplisafeAccountsConsumer(this, processor, accountsFolder());
            configureConsumer(consumer);
            return consumer;
        }
        SimplisafeConsumer consumer = new SimplisafeConsumer(this, processor);
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

    /** The shared account of this endpoint. */
    SimplisafeAccount account() throws IOException {
        return getComponent().account(configuration);
    }

    /** The account {@code name} of the accounts folder. */
    SimplisafeAccount folderAccount(String name) throws IOException {
        return getComponent().folderAccount(name, accountsFolder(), configuration);
    }

    /**
     * The account {@code name} of the accounts folder, for a producer that an exchange asked to use
     * it; refused, before any call, when the folder has no token store of that name.
     */
    SimplisafeAccount namedFolderAccount(String name) throws IOException {
        Path folder = accountsFolder();
        if (!TokenStoreFolder.isPlainAccountName(name)
            || !Files.isRegularFile(new FileTokenStore(folder).fileOf(name), LinkOption.NOFOLLOW_LINKS)) {
            String shown = TokenStoreFolder.isPlainAccountName(name) ? "account " + name : "an account name that is not one";
            throw new UnknownSimplisafeAccountException("simplisafe:" + operation + " refused: the " + SimplisafeConstants.ACCOUNT
                                                        + " header names " + shown + ", which has no token store in accountsDir="
                                                        + folder + "; add it with authorize simplisafe --account <name> and"
                                                        + " STATE_DIR=" + folder + ", or remove the header");
        }
        return folderAccount(name);
    }

    /** The account of the accounts folder whose feed watches the system, or (without one) has the device. */
    Optional<SimplisafeAccount> folderAccountWith(Long systemId, String deviceSerial) {
        return getComponent().folderAccountWith(accountsFolder(), systemId, deviceSerial);
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

    public SimplisafeConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SimplisafeConfiguration configuration) {
        this.configuration = configuration;
    }
}
