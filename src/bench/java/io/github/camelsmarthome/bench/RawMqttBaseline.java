package io.github.camelsmarthome.bench;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The floor under the MQTT route's latency: a bare Paho client (the library and the broker the
 * route uses, no Camel, no discovery, no event stream) publishing what the route publishes for a
 * remaining-time event, a retained state document and the event message, both QoS 1, at a fixed
 * rate. An event's latency runs from the moment it was due to the broker's acknowledgement of its
 * second message, so a publisher that falls behind counts its queue, as the route's latency does.
 *
 * <p>Paho 1.2.5 can refuse a publish with "Too many publishes in progress" (32202) although the
 * previous one was acknowledged: its callback thread frees the in-flight slot after the publishing
 * thread was told the publish completed (eclipse-paho/paho.mqtt.java issue 551). The baseline
 * publishes again at once and counts how often.
 */
final class RawMqttBaseline {

    private static final int TOO_MANY_IN_PROGRESS = 32202;
    private static final byte[] STATE = ("{\"operation_state\":\"Run\",\"door_state\":\"Closed\",\"remote_control\":\"ON\","
            + "\"remote_start\":\"ON\",\"power_state\":\"On\",\"program\":\"Cotton\",\"temperature\":\"40\",\"spin_speed\":\"1400\","
            + "\"remaining_time\":5400,\"progress\":12,\"child_lock\":\"OFF\",\"finish_in_relative\":5400}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT = ("{\"event_type\":\"remaining_program_time\",\"system\":\"homeconnect\",\"type\":\"STATUS\","
            + "\"deviceId\":\"SIEMENS-HCS03WCH1-7BC6383CF794\",\"key\":\"BSH.Common.Option.RemainingProgramTime\",\"value\":5400,"
            + "\"unit\":\"seconds\",\"time\":\"2026-11-22T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    private final String url;
    private long refusedAgain;

    RawMqttBaseline(String url) {
        this.url = url;
    }

    /** Publishes {@code warmUp} events unrecorded, then {@code perSecond} for {@code seconds}, into a new series. */
    Latencies run(int perSecond, int seconds, int warmUp) throws MqttException {
        MqttClient client = new MqttClient(url, "bench-raw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            String topic = "bench/raw/SIEMENS-HCS03WCH1-7BC6383CF794/";
            Latencies series = new Latencies("raw Paho client @ " + perSecond + "/s");
            long interval = 1_000_000_000L / perSecond;
            int total = warmUp + perSecond * seconds;
            long due = System.nanoTime();
            for (int i = 0; i < total; i++) {
                due += interval;
                Waits.parkUntil(due);
                publish(client, topic + "state", STATE, true);
                publish(client, topic + "event", EVENT, false);
                if (i >= warmUp) {
                    series.recordNanos(System.nanoTime() - due);
                }
            }
            client.publish(topic + "state", new byte[0], 1, true);
            client.disconnect();
            return series;
        } finally {
            client.close(true);
        }
    }

    /** Publishes refused with 32202 since the last call, published again at once. */
    long refusedAgain() {
        return refusedAgain;
    }

    private void publish(MqttClient client, String topic, byte[] payload, boolean retained) throws MqttException {
        while (true) {
            try {
                client.publish(topic, payload, 1, retained);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != TOO_MANY_IN_PROGRESS) {
                    throw e;
                }
                refusedAgain++;
                Thread.onSpinWait();
            }
        }
    }
}
