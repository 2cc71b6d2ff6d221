package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.miio.protocol.AdvertisedAddress;
import io.github.camelsmarthome.miio.protocol.LocalSceneEncoder;
import io.github.camelsmarthome.miio.protocol.MiioClientOptions;
import io.github.camelsmarthome.miio.protocol.MiioDeviceClient;
import io.github.camelsmarthome.miio.protocol.MiioEventCatalog;
import io.github.camelsmarthome.miio.protocol.MiioToken;
import io.github.camelsmarthome.miio.protocol.PushTarget;
import io.github.camelsmarthome.miio.protocol.SceneCommand;
import io.github.camelsmarthome.miio.protocol.SceneTargetToken;
import io.github.camelsmarthome.miio.protocol.SceneTokens;
import io.github.camelsmarthome.miio.protocol.SceneUpload;
import io.github.camelsmarthome.miio.protocol.SubscriptionPlan;
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
 * One Xiaomi gateway. The consumer subscribes the configured sub-device events on it and emits
 * each event the gateway pushes; the producer sends miIO commands to it, or subscribes and
 * unsubscribes single events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "miio-push", title = "miIO Push", syntax = "miio-push:gatewayHost",
             category = { Category.IOT }, headersClass = MiioPushConstants.class)
public class MiioPushEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    @UriPath
    @Metadata(required = true)
    private String gatewayHost;
    @UriParam
    private MiioPushConfiguration configuration;

    private MiioToken token;
    private InetAddress gatewayAddress;
    private MiioEventCatalog catalog;

    MiioPushEndpoint(String uri, MiioPushComponent component, String gatewayHost, MiioPushConfiguration configuration) {
        super(uri, component);
        this.gatewayHost = gatewayHost;
        this.configuration = configuration;
    }

    /**
     * Several routes may consume one gateway (one per sink, so that one broker's outage never stalls
     * another): each gets every event, and they share the gateway's scenes.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public MiioPushComponent getComponent() {
        return (MiioPushComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new MiioPushProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MiioPushConsumer consumer = new MiioPushConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The gateway token, checked once.
     *
     * @throws InvalidConfigurationException naming the option, never echoing the value
     */
    synchronized MiioToken token() {
        if (token == null) {
            String hex = configuration.getToken();
            if (hex == null || hex.isBlank()) {
                throw new InvalidConfigurationException("token", "miio-push:" + gatewayHost + " needs the gateway's miIO"
                        + " token (32 hex digits); see docs/miio.md for how to get it");
            }
            try {
                token = MiioToken.fromHex(hex.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("token", "miio-push:" + gatewayHost + ": " + e.getMessage());
            }
        }
        return token;
    }

    /** The gateway's address, resolved once. */
    synchronized InetAddress gatewayAddress() {
        if (gatewayAddress == null) {
            gatewayAddress = address("gatewayHost", gatewayHost);
        }
        return gatewayAddress;
    }

    /** The built-in event catalog, extended by the eventCatalog file when one is set. */
    synchronized MiioEventCatalog catalog() {
        if (catalog == null) {
            String file = configuration.getEventCatalog();
            catalog = MiioEventCatalog.load(file == null || file.isBlank() ? null : Path.of(file.trim()));
        }
        return catalog;
    }

    /** The push server's bind address. */
    InetAddress bindAddress() {
        String bind = configuration.getBindAddress();
        return address("bindAddress", bind == null || bind.isBlank() ? "0.0.0.0" : bind.trim());
    }

    /** What the scenes name as the push server's address: override, specific bind address, or detected. */
    InetAddress advertisedAddress() {
        return AdvertisedAddress.resolve(configuration.getAdvertisedAddress(), bindAddress(), gatewayAddress(),
                configuration.getGatewayPort());
    }

    /** The key of the deterministic scene ids: the gateway host as configured, so a restart gets the same ids. */
    String gatewayKey() {
        return gatewayHost.toLowerCase(Locale.ROOT);
    }

    /** The gateway was found at a new address: commands and the advertised-address detection use it from now on. */
    synchronized void gatewayMoved(InetAddress to) {
        gatewayAddress = to;
    }

    /** A fresh client of the gateway; the caller closes it. */
    MiioDeviceClient newClient() {
        if (configuration.getTimeout() <= 0 || configuration.getRetries() < 0) {
            throw new InvalidConfigurationException("timeout", "timeout must be positive and retries not negative");
        }
        MiioClientOptions options = MiioClientOptions.defaults().withPort(checkedPort("gatewayPort", configuration.getGatewayPort()))
                .withTimeout(Duration.ofMillis(configuration.getTimeout())).withRetries(configuration.getRetries());
        return new MiioDeviceClient(gatewayAddress(), token(), options);
    }

    /** The uploads of a plan pointing to {@code advertised}, with the current time and fresh data tokens. */
    List<SceneUpload> uploads(SubscriptionPlan plan, InetAddress advertised) {
        PushTarget target = new PushTarget(advertised.getHostAddress(), Long.toString(configuration.getDeviceId()),
                SceneCommand.DEFAULT_TARGET_MODEL);
        SceneTokens tokens = SceneTokens.of(SceneTargetToken.forGateway(token()), token().hex());
        return SceneUpload.perScene(plan, new LocalSceneEncoder(target), tokens, Instant.now().getEpochSecond(),
                ThreadLocalRandom.current());
    }

    static int checkedPort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidConfigurationException(option, "must be a UDP port between 1 and 65535, not " + port);
        }
        return port;
    }

    private static InetAddress address(String option, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidConfigurationException(option, "'" + host + "' is neither an IP address nor a known host name");
        }
    }

    public String getGatewayHost() {
        return gatewayHost;
    }

    /** The gateway's host name or IP address. */
    public void setGatewayHost(String gatewayHost) {
        this.gatewayHost = gatewayHost;
    }

    public MiioPushConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(MiioPushConfiguration configuration) {
        this.configuration = configuration;
    }
}
