package io.github.camelsmarthome.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.homeassistant.BridgeMqttConnection;
import io.github.camelsmarthome.homeassistant.ExcludedDevices;
import io.github.camelsmarthome.homeassistant.MqttBrokerHealthCheck;
import io.github.camelsmarthome.homeassistant.MqttBrokerSettings;
import io.github.camelsmarthome.homeassistant.MqttEventMessages;
import io.github.camelsmarthome.homeassistant.HomeAssistantCommands;
import io.github.camelsmarthome.homeassistant.HomeAssistantPublisher;
import io.github.camelsmarthome.homeassistant.RetainedConfigInventory;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMode;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.miio.protocol.MiioEventCatalog;
import io.github.camelsmarthome.SmarthomeVersion;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.storage.StateDirectory;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.kafka.CloudEventMapper;
import io.github.camelsmarthome.kafka.CloudEventProcessor;
import io.github.camelsmarthome.homeconnect.HomeConnectConstants;
import io.github.camelsmarthome.miio.MiioPushConstants;
import io.github.camelsmarthome.simplisafe.SimplisafeConstants;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.StartupListener;

/**
 * Wires the runner's shared pieces into the Camel context from the {@code smarthome.*}
 * properties (which {@code application.properties} takes from the environment contract): the
 * bridge's MQTT connection behind the {@code smarthome-mqtt} component, the broker health checks,
 * and the beans the bundled routes use.
 *
 * <p>Every value is validated here, before any route starts, so that a wrong one stops the
 * runner with one line naming the option.
 */
public class SmarthomeConfiguration implements CamelConfiguration {

    /** The component name routes publish to MQTT with, over the bridge's own connection. */
    public static final String MQTT_COMPONENT = "smarthome-mqtt";
    /**
     * The component routes subscribe to MQTT with: the broker and credentials of the bridge, but
     * a connection (and generated client id) per endpoint, because a Paho consumer on the shared
     * client would replace the bridge connection's callback.
     */
    public static final String MQTT_SUBSCRIBE_COMPONENT = "smarthome-mqtt-in";

    /**
     * The runner's Camel Main: built-in defaults ({@code classpath:application.properties}), then
     * {@code configFile} (optional, may be {@code null}), then {@code overrides}; this
     * configuration. {@code run}, {@code demo} and the tests build the same one.
     */
    public static Main newMain(String configFile, Map<String, String> overrides) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:application.properties;optional=true"
                                             + (configFile == null ? "" : ",file:" + configFile + ";optional=true"));
        overrides.forEach(main::addOverrideProperty);
        main.configure().addConfiguration(new SmarthomeConfiguration());
        return main;
    }

    @Override
    public void configure(CamelContext context) {
        LoggersThatPrintSecrets.warnIfAtDebug();
        PropertiesComponent properties = context.getPropertiesComponent();
        checkRoutesDir(properties);
        decideSimplisafe(properties);

        String instance = property(properties, "smarthome.instance-id").orElseGet(SmarthomeConfiguration::hostName);
        MqttBrokerSettings mqtt = MqttBrokerSettings.of(
                property(properties, "smarthome.mqtt.url").orElse("tcp://localhost:1883"),
                property(properties, "smarthome.mqtt.username").orElse(null),
                MqttBrokerSettings.password(property(properties, "smarthome.mqtt.password").orElse(null),
                        property(properties, "smarthome.mqtt.password-file").orElse(null)),
                property(properties, "smarthome.mqtt.base-topic").orElse("camel-smarthome"),
                "camel-smarthome-" + sanitise(instance) + "-" + UUID.randomUUID().toString().substring(0, 8));
        BridgeMqttConnection connection = new BridgeMqttConnection(mqtt);
        PahoMqtt5Component component = new PahoMqtt5Component();
        component.setClient(connection.client());
        context.addComponent(MQTT_COMPONENT, component);
        addService(context, connection);
        context.getRegistry().bind("bridgeMqttConnection", connection);

        PahoMqtt5Component subscriptions = new PahoMqtt5Component();
        subscriptions.getConfiguration().setBrokerUrl(mqtt.url());
        if (mqtt.username() != null) {
            subscriptions.getConfiguration().setUserName(mqtt.username());
        }
        if (mqtt.password() != null) {
            subscriptions.getConfiguration().setPassword(mqtt.password());
        }
        subscriptions.getConfiguration().setCleanStart(true);
        subscriptions.getConfiguration().setAutomaticReconnect(true);
        context.addComponent(MQTT_SUBSCRIBE_COMPONENT, subscriptions);

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(new MqttBrokerHealthCheck(connection));

        String brokers = property(properties, "smarthome.kafka.brokers").orElse(null);
        if (brokers != null) {
            KafkaClientSecurity security = KafkaClientSecurity.of(property(properties, "camel.component.kafka.securityProtocol").orElse(null),
                    property(properties, "smarthome.kafka.sasl-mechanism").orElse(null),
                    property(properties, "camel.component.kafka.saslJaasConfig").orElse(null),
                    property(properties, "camel.component.kafka.sslTruststoreLocation").orElse(null),
                    property(properties, "camel.component.kafka.sslTruststorePassword").orElse(null));
            KafkaBrokerHealthCheck kafka = new KafkaBrokerHealthCheck(validKafkaBrokers(brokers), security.clientProperties());
            addService(context, kafka);
            health.register(kafka);
        }

        context.getManagementStrategy().addEventNotifier(new HomeConnectMetrics(context));
        context.getManagementStrategy().addEventNotifier(new SimplisafeMetrics(context));
        context.getManagementStrategy().addEventNotifier(new RouteBacklogMetrics(context));
        context.getManagementStrategy().addEventNotifier(new MiioMetrics(context));
        context.getManagementStrategy().addEventNotifier(new EventFlowMetrics(context));

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CloudEventMapper cloudEvents = new CloudEventMapper(json);
        context.getRegistry().bind("cloudEventMapper", cloudEvents);
        // The steps of the *-to-kafka routes: one per system, as each names its account or gateway in its own header.
        context.getRegistry().bind("homeConnectCloudEvent", new CloudEventProcessor(cloudEvents, HomeConnectConstants.ACCOUNT));
        context.getRegistry().bind("simplisafeCloudEvent", new CloudEventProcessor(cloudEvents, SimplisafeConstants.ACCOUNT));
        context.getRegistry().bind("miioCloudEvent", new CloudEventProcessor(cloudEvents, MiioPushConstants.GATEWAY));
        context.getRegistry().bind("mqttEventMessages", new MqttEventMessages(json));
        Duration birthDelayMin = duration(properties, "smarthome.ha.birth-delay-min", "HA_BIRTH_DELAY_MIN", Duration.ofSeconds(2));
        Duration birthDelayMax = duration(properties, "smarthome.ha.birth-delay-max", "HA_BIRTH_DELAY_MAX", Duration.ofSeconds(15));
        if (birthDelayMax.compareTo(birthDelayMin) < 0) {
            throw new InvalidConfigurationException("HA_BIRTH_DELAY_MAX", birthDelayMax.toMillis()
                    + " ms is less than HA_BIRTH_DELAY_MIN (" + birthDelayMin.toMillis() + " ms): make it at least as long");
        }
        String nodeId = nodeId(property(properties, "smarthome.ha.node-id").orElse(DiscoveryOptions.DEFAULT_NODE_ID));
        HomeAssistantPublisher homeAssistant = new HomeAssistantPublisher(new HomeAssistantDiscovery(
                discoveryOptions(properties, mqtt.baseTopic(), nodeId)), json, birthDelayMin, birthDelayMax);
        context.getRegistry().bind("homeAssistant", homeAssistant);
        // Processors for the per-event steps of the *-to-mqtt routes: a bean call with parameter expressions costs ~10 % of an event (issue #8).
        context.getRegistry().bind("homeAssistantEvents", (Processor) homeAssistant::eventToMessages);
        context.getRegistry().bind("homeAssistantToMqtt", (Processor) homeAssistant::toMqtt);
        ExcludedDevices excluded = ExcludedDevices.open(StateDirectory.of(property(properties, "smarthome.state-dir").orElse(null)),
                nodeId);
        homeAssistant.discovery().exclude(excluded.devices());
        context.getRegistry().bind("haHousekeeping", new RetainedConfigInventory(homeAssistant.discovery(),
                RetainedConfigInventory.completeListsOf(context), excluded));
        context.getRegistry().bind("bridgeHealthFeed", new BridgeHealthFeed(context, homeAssistant.discovery()));
        context.getRegistry().bind("mqttCommands", new HomeAssistantCommands(mqtt.baseTopic(),
                homeAssistant.discovery(), property(properties, "smarthome.miio.gateway-host").orElse(null)));
        BridgeInfo bridgeInfo = new BridgeInfo(instance, Clock.systemUTC(),
                Map.of("kafka", brokers != null,
                        "homeconnect", property(properties, "smarthome.homeconnect.client-id").isPresent(),
                        "simplisafe", property(properties, "smarthome.simplisafe.enabled").map(Boolean::parseBoolean).orElse(false),
                        "miio", property(properties, "smarthome.miio.gateway-host").isPresent()),
                cloudEvents);
        BridgeConnectedActions connected = new BridgeConnectedActions(context, connection, homeAssistant,
                () -> infoJson(json, bridgeInfo));
        connection.onConnected(connected);
        try {
            // The first connect may come before the routes exist: start them once the context is up too.
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                    // too early: the routes are not started yet
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    if (connection.isConnected()) {
                        connected.run();
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot watch the context's start: " + e.getMessage(), e);
        }
        context.getRegistry().bind("bridgeInfo", bridgeInfo);
        // Last, so that a setting refused above leaves no Vert.x threads behind.
        SharedVertx.bindTo(context);
    }

    private static byte[] infoJson(ObjectMapper json, BridgeInfo info) {
        try {
            return json.writeValueAsBytes(info.info());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the bridge info: " + e.getOriginalMessage(), e);
        }
    }

    /** A duration such as {@code 15s}, {@code 500ms} or {@code 2m}; {@code fallback} when unset. */
    static Duration duration(PropertiesComponent properties, String key, String variable, Duration fallback) {
        String value = property(properties, key).orElse(null);
        if (value == null) {
            return fallback;
        }
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(value);
        if (!parts.matches()) {
            throw new InvalidConfigurationException(variable, "'" + value + "' is not a duration: use for example 500ms, 15s or 1m");
        }
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static DiscoveryOptions discoveryOptions(PropertiesComponent properties, String baseTopic, String nodeId) {
        MiioEventCatalog catalog = MiioEventCatalog.load(property(properties, "camel.component.miio-push.eventCatalog")
                .map(Path::of).orElse(null));
        return DiscoveryOptions.defaults(SmarthomeVersion.get())
                .withBaseTopic(baseTopic)
                .withDiscoveryPrefix(property(properties, "smarthome.ha.discovery-prefix").orElse(DiscoveryOptions.DEFAULT_DISCOVERY_PREFIX))
                .withNodeId(nodeId)
                .withMode(discoveryMode(property(properties, "smarthome.ha.discovery-mode").orElse("device")))
                .withMiioActions(catalog::actionsOf);
    }

    /**
     * The node id of every discovery config topic ({@code <prefix>/<component>/<node id>/...}); two
     * bridges on one broker need two, or each would take the other's configs for stale ones.
     */
    static String nodeId(String value) {
        if (!value.matches("[a-zA-Z0-9_-]+")) {
            throw new InvalidConfigurationException("HA_NODE_ID", "'" + value + "' is not a usable node id: use only letters,"
                    + " digits, '_' and '-' (it is a topic level of every discovery config), for example camel-smarthome-2");
        }
        return value;
    }

    /** {@code device} (one config per device, HA 2024.12+) or {@code component} (one per entity; older HA, openHAB). */
    static DiscoveryMode discoveryMode(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "device" -> DiscoveryMode.DEVICE;
            case "component" -> DiscoveryMode.COMPONENT;
            default -> throw new InvalidConfigurationException("HA_DISCOVERY_MODE", "'" + value
                    + "' is not a discovery mode: use device (Home Assistant 2024.12 or later) or component");
        };
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add " + service.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * SIMPLISAFE_ENABLED=auto (the default) turns SimpliSafe on when there is something to log in
     * with: a SIMPLISAFE_REFRESH_TOKEN, the token store `authorize simplisafe` wrote, or a
     * SIMPLISAFE_ACCOUNTS_DIR.
     */
    private static void decideSimplisafe(PropertiesComponent properties) {
        String setting = property(properties, "smarthome.simplisafe.enabled").orElse("auto").toLowerCase(Locale.ROOT);
        if (!setting.equals("auto") && !setting.equals("true") && !setting.equals("false")) {
            throw new InvalidConfigurationException("SIMPLISAFE_ENABLED", "'" + setting
                    + "' is not true, false or auto: use auto (on when a token store or SIMPLISAFE_REFRESH_TOKEN exists)");
        }
        if (setting.equals("auto")) {
            boolean refreshToken = property(properties, "camel.component.simplisafe.refreshToken").isPresent();
            String account = SimpliSafeAuthorization.accountName(property(properties, "camel.component.simplisafe.account").orElse(null));
            Path stateDir = StateDirectory.of(property(properties, "smarthome.state-dir").orElse(null));
            boolean store = Files.exists(new FileTokenStore(stateDir).fileOf(account));
            boolean accountsFolder = property(properties, "camel.component.simplisafe.accountsDir").isPresent();
            properties.addOverrideProperty("smarthome.simplisafe.enabled", Boolean.toString(refreshToken || store || accountsFolder));
        }
    }

    private static void checkRoutesDir(PropertiesComponent properties) {
        requireRoutesDir(property(properties, "smarthome.routes-dir").orElse("routes"));
    }

    /** @throws InvalidConfigurationException naming ROUTES_DIR when {@code dir} is not a folder */
    static void requireRoutesDir(String dir) {
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new InvalidConfigurationException("ROUTES_DIR", "the routes folder " + path
                    + " does not exist: create it, or set ROUTES_DIR to the folder that holds your YAML and XML routes");
        }
    }

    static String validKafkaBrokers(String brokers) {
        for (String broker : brokers.split(",")) {
            String hostPort = broker.trim();
            int colon = hostPort.lastIndexOf(':');
            boolean valid = colon > 0 && colon < hostPort.length() - 1;
            if (valid) {
                try {
                    int port = Integer.parseInt(hostPort.substring(colon + 1));
                    valid = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw new InvalidConfigurationException("KAFKA_BROKERS", "'" + hostPort
                        + "' is not host:port: use a comma-separated list such as kafka:9092,kafka2:9092, or unset it to turn Kafka routes off");
            }
        }
        return brokers.trim();
    }

    private static java.util.Optional<String> property(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "camel-smarthome";
        }
    }

    /** Keeps a value usable as an MQTT topic segment and client id: {@code [a-zA-Z0-9_-]}. */
    static String sanitise(String value) {
        String cleaned = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return cleaned.isEmpty() ? "bridge" : cleaned;
    }
}
