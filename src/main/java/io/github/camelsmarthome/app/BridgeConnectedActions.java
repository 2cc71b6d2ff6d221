package io.github.camelsmarthome.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.camelsmarthome.homeassistant.BridgeMqttConnection;
import io.github.camelsmarthome.homeassistant.HomeAssistantPublisher;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runner does each time the bridge's MQTT connection comes up (after it published
 * {@code online}): re-publish every device's availability, which the broker may have replaced by
 * the bridge's last will meanwhile (brief 4.1); after a reconnect also every discovery config,
 * state and the bridge info, because a broker that restarted without persistence forgot every
 * retained message (with a clean start, MQTT's session-present flag cannot tell, and Home
 * Assistant takes an unchanged config as a no-op); and start the routes that subscribe on their own
 * MQTT connections ({@code autoStartup: false} in {@code routes/homeassistant.yaml}), so that a
 * broker that is down at start does not stop the runner: Paho's consumers connect in their
 * {@code doStart}, and would fail the whole context.
 */
final class BridgeConnectedActions implements Runnable {

    /** The routes started once the broker answers. */
    static final List<String> SUBSCRIBING_ROUTES = List.of("homeassistant-birth", "homeassistant-commands",
            "homeassistant-program-commands", "homeassistant-config-inventory");

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConnectedActions.class);

    private final CamelContext context;
    private final BridgeMqttConnection connection;
    private final HomeAssistantPublisher homeAssistant;
    private final Supplier<byte[]> bridgeInfo;

    /** {@code bridgeInfo}: the retained document of {@code <base>/bridge/info}, which {@code routes/bridge.yaml} publishes at start. */
    BridgeConnectedActions(CamelContext context, BridgeMqttConnection connection, HomeAssistantPublisher homeAssistant,
            Supplier<byte[]> bridgeInfo) {
        this.context = Objects.requireNonNull(context, "context");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.homeAssistant = Objects.requireNonNull(homeAssistant, "homeAssistant");
        this.bridgeInfo = Objects.requireNonNull(bridgeInfo, "bridgeInfo");
    }

    @Override
    public synchronized void run() {
        boolean reconnect = connection.connects() > 1;
        List<DiscoveryMessage> messages = new ArrayList<>(reconnect ? homeAssistant.discovery().republishAll()
                : homeAssistant.discovery().republishAvailability());
        if (reconnect) {
            messages.add(DiscoveryMessage.retained(connection.settings().baseTopic() + "/bridge/info",
                    new String(bridgeInfo.get(), StandardCharsets.UTF_8)));
        }
        for (DiscoveryMessage message : messages) {
            try {
                connection.publish(message.topic(), message.payload().getBytes(StandardCharsets.UTF_8), message.qos(),
                        message.retained());
            } catch (MqttException e) {
                // The connection is gone again: the next connect re-publishes everything anyway.
                LOG.warn("Could not re-publish {} after the MQTT connection came up: {}; {} message(s) left for the next connect",
                        message.topic(), e.getMessage(), messages.size() - messages.indexOf(message));
                break;
            }
        }
        for (String routeId : SUBSCRIBING_ROUTES) {
            startIfStopped(routeId);
        }
    }

    private void startIfStopped(String routeId) {
        Route route = context.getRoute(routeId);
        if (route == null || !context.isStarted()) {
            return;
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        if (status != null && status.isStartable()) {
            try {
                context.getRouteController().startRoute(routeId);
            } catch (Exception e) {
                LOG.warn("Could not start route {} on the MQTT broker: {}; trying again at the next reconnect", routeId,
                        e.getMessage());
            }
        }
    }
}
