package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's own MQTT connection: the one that publishes states, events and discovery, and
 * whose last will tells Home Assistant that the bridge is {@code offline}.
 *
 * <p>It exists because the Paho component alone gets three things wrong for a bridge (see the
 * discovery brief, section 10.2): a broker that is down at start kills the application, nothing
 * re-publishes {@code online} after an automatic reconnect, and every endpoint opens its own
 * connection with its own will. Here the first connection is retried in the background with
 * backoff (so the runner starts and its health check says why the broker is missing), Paho's
 * automatic reconnect takes over once connected, and every (re)connect publishes {@code online}
 * retained and tells the registered listeners so they can re-publish availability and state.
 */
public class BridgeMqttConnection extends ServiceSupport {

    /** Payload of the bridge state topic while connected. */
    public static final String ONLINE = "online";
    /** Payload of the bridge state topic after a clean stop, and of the last will. */
    public static final String OFFLINE = "offline";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeMqttConnection.class);
    private static final int MAX_RETRY_DELAY_SECONDS = 30;
    private static final long OPERATION_TIMEOUT_MILLIS = 10_000;

    private final MqttBrokerSettings settings;
    private final SlotWaitingMqttClient client;
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();

    private volatile ScheduledExecutorService executor;
    private volatile boolean connected;
    private volatile String problem = "not connected yet";
    private final java.util.concurrent.atomic.AtomicLong connects = new java.util.concurrent.atomic.AtomicLong();
    private int failedAttempts;
    private String lastLoggedProblem;

    /**
     * Creates the connection; nothing is sent before {@link #start()}.
     *
     * @throws IllegalArgumentException when Paho refuses the broker URL
     */
    public BridgeMqttConnection(MqttBrokerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            this.client = new SlotWaitingMqttClient(settings.url(), settings.clientId());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("MQTT_URL: Paho cannot use '" + settings.url() + "': " + e.getMessage(), e);
        }
        this.client.setTimeToWait(OPERATION_TIMEOUT_MILLIS);
    }

    /** Publishes Paho first refused for want of an in-flight slot and that then waited for one ({@link SlotWaitingMqttClient}). */
    long publishSlotWaits() {
        return client.slotWaits();
    }

    /** The Paho client, to share with the {@code paho-mqtt5} producers that publish for the bridge. */
    public MqttClient client() {
        return client;
    }

    /** The settings this connection was made with. */
    public MqttBrokerSettings settings() {
        return settings;
    }

    /** Whether the broker connection is up right now. */
    public boolean isConnected() {
        return connected && client.isConnected();
    }

    /** Why the connection is not up ({@code null} while it is). Never contains a credential. */
    public String problem() {
        return isConnected() ? null : problem;
    }

    /**
     * How many times the connection came up since start: more than one means it was lost and came back,
     * possibly to a broker that restarted and forgot every retained message.
     */
    public long connects() {
        return connects.get();
    }

    /**
     * Runs {@code listener} after every (re)connect, once {@code online} is published: the place to
     * re-publish availability and retained state that a broker restart may have lost.
     */
    public void onConnected(Runnable listener) {
        connectedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Publishes one message on the bridge's connection.
     *
     * @throws MqttException when the broker is not connected or refuses the message
     */
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload, qos, retained);
    }

    @Override
    protected void doStart() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smarthome-mqtt-connect");
            thread.setDaemon(true);
            return thread;
        });
        client.setCallback(new Callback());
        LOG.info("Connecting to MQTT broker {} as {}", settings.url(), settings.clientId());
        executor.execute(this::connect);
    }

    private void connect() {
        if (!isRunAllowed() || client.isConnected()) {
            return;
        }
        try {
            client.connect(connectionOptions());
        } catch (MqttException e) {
            onConnectFailed(e);
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, MAX_RETRY_DELAY_SECONDS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        MqttMessage will = new MqttMessage(OFFLINE.getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(settings.bridgeStateTopic(), will);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    private void onConnectFailed(MqttException e) {
        failedAttempts++;
        problem = describe(e);
        int delay = Math.min(MAX_RETRY_DELAY_SECONDS, 1 << Math.min(failedAttempts - 1, 5));
        if (!problem.equals(lastLoggedProblem)) {
            LOG.warn("MQTT broker {} unreachable: {}; retrying in the background (every {} s at most)", settings.url(),
                    problem, MAX_RETRY_DELAY_SECONDS);
            lastLoggedProblem = problem;
        } else {
            LOG.debug("MQTT broker {} still unreachable after {} attempts: {}", settings.url(), failedAttempts, problem);
        }
        schedule(this::connect, delay);
    }

    private void schedule(Runnable task, long delaySeconds) {
        ScheduledExecutorService current = executor;
        if (current == null || !isRunAllowed()) {
            return;
        }
        try {
            current.schedule(task, delaySeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not rescheduling: the MQTT connection is stopping");
        }
    }

    /** An MQTT failure as one line: Paho's reason and the transport's, never a credential. */
    static String describe(MqttException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        text.append(" [reason code ").append(e.getReasonCode()).append(']');
        return text.toString();
    }

    private void announceOnline() {
        try {
            publish(settings.bridgeStateTopic(), ONLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        } catch (MqttException e) {
            LOG.warn("Could not publish {} on {}: {}", ONLINE, settings.bridgeStateTopic(), describe(e));
        }
        for (Runnable listener : connectedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener failed after the MQTT connection came up: {}", e.toString());
            }
        }
    }

    @Override
    protected void doStop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
        if (client.isConnected()) {
            try {
                // A clean disconnect does not fire the will: say offline ourselves.
                publish(settings.bridgeStateTopic(), OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
                client.disconnect(2_000);
            } catch (MqttException e) {
                LOG.debug("MQTT disconnect was not clean: {}", describe(e));
            }
        }
        connected = false;
        problem = "stopped";
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the MQTT client failed: {}", describe(e));
        }
    }

    /** Paho's callbacks run on its own thread: hand work to ours, never block them. */
    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected = true;
            connects.incrementAndGet();
            failedAttempts = 0;
            lastLoggedProblem = null;
            LOG.info("{} MQTT broker {}", reconnect ? "Reconnected to" : "Connected to", serverUri);
            ScheduledExecutorService current = executor;
            if (current != null) {
                try {
                    current.execute(BridgeMqttConnection.this::announceOnline);
                } catch (RejectedExecutionException stopping) {
                    LOG.debug("Not announcing online: the MQTT connection is stopping");
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connected = false;
            problem = "connection lost: " + (response.getException() != null
                    ? describe(response.getException()) : response.getReasonString() + " [reason code " + response.getReturnCode() + "]");
            if (isRunAllowed()) {
                LOG.warn("MQTT broker {} {}; reconnecting in the background", settings.url(), problem);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT error on {}: {}", settings.url(), describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // The bridge connection only publishes; subscriptions use their own connections.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publishing is synchronous: the caller learns the outcome directly.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("MQTT AUTH packet with reason code {}", reasonCode);
        }
    }
}
