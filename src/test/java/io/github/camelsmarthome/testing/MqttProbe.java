package io.github.camelsmarthome.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import static org.awaitility.Awaitility.await;

/**
 * A test's own MQTT client: subscribes to a topic filter and records what arrives, with the
 * retained flag, so tests can wait for a message and assert on it.
 */
public final class MqttProbe implements AutoCloseable {

    /** One received message. */
    public record Message(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private MqttProbe(MqttClient client) {
        this.client = client;
    }

    /** Connects to {@code url} and subscribes to {@code topicFilter} with QoS 1. */
    public static MqttProbe subscribe(String url, String topicFilter) throws MqttException {
        return subscribe(url, topicFilter, null, null);
    }

    /** Connects to {@code url} as {@code username} (none when {@code null}) and subscribes to {@code topicFilter}. */
    public static MqttProbe subscribe(String url, String topicFilter, String username, String password) throws MqttException {
        MqttClient client = new MqttClient(url, "probe-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options);
        MqttProbe probe = new MqttProbe(client);
        // Paho 1.2.5's subscribe(String, int, listener) recurses forever: use the array form.
        IMqttMessageListener listener = (topic, message) -> probe.messages.add(
                new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained()));
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, 1)}, new IMqttMessageListener[] {listener});
        return probe;
    }

    /** Everything received so far. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Waits until a message on {@code topic} matches {@code condition}, and returns it. */
    public Message awaitMessage(String topic, Predicate<Message> condition, Duration timeout) {
        Predicate<Message> match = message -> message.topic().equals(topic) && condition.test(message);
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> messages.stream().anyMatch(match));
        return messages.stream().filter(match).findFirst().orElseThrow();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1_000);
        }
        client.close(true);
    }
}
