package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.camelsmarthome.testing.MqttBroker;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of QoS 1 publishes on the bridge's connection, one after the other as the Home Assistant
 * routes make them (every config again after Home Assistant's birth), against a real broker: Paho
 * 1.2.5 alone refuses some with "Too many publishes in progress" although each previous one was
 * acknowledged (its in-flight slot is freed on another thread, later); the bridge's client waits for
 * the slot instead, so every publish of the burst succeeds and arrives in order.
 */
class BridgeMqttPublishBurstIT {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeMqttPublishBurstIT.class);
    private static final int BURST = 20_000;

    @RegisterExtension
    static final MqttBroker BROKER = new MqttBroker();

    @Test
    void everyPublishOfABackToBackBurstSucceedsAndArrivesInOrder() throws Exception {
        BridgeMqttConnection connection = new BridgeMqttConnection(MqttBrokerSettings.of(BROKER.url(), null, null, "burst-test",
                "burst-bridge-" + UUID.randomUUID().toString().substring(0, 8)));
        List<Integer> received = new ArrayList<>();
        MqttClient watcher = new MqttClient(BROKER.url(), "burst-watcher-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        try {
            watcher.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    synchronized (received) {
                        received.add(Integer.parseInt(new String(message.getPayload(), StandardCharsets.UTF_8)));
                    }
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            watcher.connect();
            // Paho's subscribe(topic, qos, listener) calls itself until the stack overflows (1.2.5); the callback is the way.
            watcher.subscribe("burst-test/messages", 1);
            connection.start();
            await().atMost(Duration.ofSeconds(30)).until(connection::isConnected);

            for (int i = 0; i < BURST; i++) {
                MqttMessage message = new MqttMessage(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                connection.client().publish("burst-test/messages", message);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (received) {
                    return received.size() >= BURST;
                }
            });
            synchronized (received) {
                assertThat(received).hasSize(BURST);
                for (int i = 0; i < BURST; i++) {
                    assertThat(received.get(i)).as("message %d", i).isEqualTo(i);
                }
            }
            LOG.info("{} publishes back to back; {} waited for an in-flight slot Paho had not freed yet", BURST, connection.publishSlotWaits());
        } finally {
            connection.stop();
            if (watcher.isConnected()) {
                watcher.disconnect();
            }
            watcher.close();
        }
    }
}
