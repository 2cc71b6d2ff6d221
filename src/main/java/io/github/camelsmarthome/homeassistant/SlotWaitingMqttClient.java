package io.github.camelsmarthome.homeassistant;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The bridge's Paho client, whose publish waits for a free in-flight slot instead of failing when
 * Paho says "Too many publishes in progress" (reason code 32202).
 *
 * <p>Paho 1.2.5 tells a synchronous publisher that its QoS 1 publish completed before its callback
 * thread has freed the publish's in-flight slot (eclipse-paho/paho.mqtt.java issue 551), so a thread
 * that publishes back to back, such as the Home Assistant routes re-publishing every config after
 * Home Assistant's birth, can be refused although nothing is outstanding. Refused, the route's send
 * would fail and be retried a second later (issue #8: a bare client saw 480 refusals in 20,000
 * publishes at 1,000 events/s). Here the publish is tried again after a short pause until it is
 * accepted or the client's time to wait has passed; then the refusal is thrown as before. The same
 * wait is what several threads publishing at once on the shared connection need when the broker's
 * receive maximum really is reached.
 */
final class SlotWaitingMqttClient extends MqttClient {

    static final int TOO_MANY_PUBLISHES = MqttClientException.REASON_CODE_MAX_INFLIGHT;
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final LongAdder waits = new LongAdder();

    SlotWaitingMqttClient(String serverUri, String clientId) throws MqttException {
        super(serverUri, clientId, new MemoryPersistence());
    }

    @Override
    public void publish(String topic, MqttMessage message) throws MqttException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(getTimeToWait(), 0));
        boolean waited = false;
        while (true) {
            try {
                super.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != TOO_MANY_PUBLISHES || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                if (!waited) {
                    waited = true;
                    waits.increment();
                }
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
    }

    /** Publishes that Paho refused at first for want of an in-flight slot, and that then waited for one. */
    long slotWaits() {
        return waits.sum();
    }
}
