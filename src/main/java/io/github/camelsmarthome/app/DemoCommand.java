package io.github.camelsmarthome.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * {@code demo}: the bridge with no set-up at all. It starts an embedded MQTT broker (port printed),
 * runs the routes against it, and prints every message the bridge publishes, until Ctrl-C.
 *
 * <p>It runs the simulators of the three systems (Home Connect, SimpliSafe, a Xiaomi gateway) with
 * a little life in each, and the routes of ROUTES_DIR against them.
 */
final class DemoCommand {

    private static final int DEFAULT_MQTT_PORT = 1883;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    int run() {
        // The demo's console is for what flows: Camel's and Artemis' start-up chatter only at WARN.
        System.setProperty("camel-smarthome.log.root", System.getProperty("camel-smarthome.log.root", "warn"));
        if (env.get("LOG_LEVEL") == null) {
            System.setProperty("camel-smarthome.log.level", System.getProperty("camel-smarthome.log.level", "WARN"));
        }
        int port = EmbeddedMqttBroker.isFree(DEFAULT_MQTT_PORT) ? DEFAULT_MQTT_PORT : 0;
        EmbeddedMqttBroker broker;
        try {
            broker = EmbeddedMqttBroker.start(port);
        } catch (Exception e) {
            err.println("camel-smarthome: demo: could not start the embedded MQTT broker: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        DemoHomeConnect homeConnect;
        try {
            homeConnect = DemoHomeConnect.start();
        } catch (Exception e) {
            closeQuietly(broker);
            err.println("camel-smarthome: demo: could not start the Home Connect simulator: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        DemoSimpliSafe simpliSafe;
        try {
            simpliSafe = DemoSimpliSafe.start();
        } catch (Exception e) {
            closeQuietly(homeConnect);
            closeQuietly(broker);
            err.println("camel-smarthome: demo: could not start the SimpliSafe simulator: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        DemoMiio miio;
        try {
            miio = DemoMiio.start();
        } catch (Exception e) {
            closeQuietly(simpliSafe);
            closeQuietly(homeConnect);
            closeQuietly(broker);
            err.println("camel-smarthome: demo: could not start the miio gateway simulator: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        String baseTopic = env.getOrDefault("MQTT_BASE_TOPIC", "camel-smarthome");
        out.println("camel-smarthome demo");
        out.println("  MQTT broker (embedded): " + broker.url() + "   watch it: mosquitto_sub -h 127.0.0.1 -p " + broker.port()
                    + " -t '" + baseTopic + "/#' -v");
        out.println("  Health: http://localhost:" + env.getOrDefault("METRICS_PORT", "9876") + "/observe/health");
        out.println("  Home Connect simulator: " + homeConnect.describe());
        out.println("  SimpliSafe simulator: " + simpliSafe.describe());
        out.println("  miio gateway simulator: " + miio.describe());
        out.println("  Ctrl-C stops.");
        // Watch before the bridge starts, so its first messages are printed too.
        MqttClient watcher = watch(broker.url(), baseTopic);
        try {
            RunCommand run = new RunCommand(env, err)
                    .override("smarthome.mqtt.url", broker.url())
                    .override("smarthome.mqtt.username", "")
                    .override("smarthome.mqtt.password", "")
                    .override("smarthome.kafka.brokers", "")
                    .addRoutes(homeConnect.consoleRoute(out))
                    .addRoutes(simpliSafe.consoleRoute(out))
                    .addRoutes(miio.consoleRoute(out));
            homeConnect.properties().forEach(run::override);
            simpliSafe.properties().forEach(run::override);
            miio.properties().forEach(run::override);
            homeConnect.liven();
            simpliSafe.liven();
            miio.liven();
            return run.run();
        } finally {
            closeQuietly(watcher);
            closeQuietly(miio);
            closeQuietly(simpliSafe);
            closeQuietly(homeConnect);
            closeQuietly(broker);
        }
    }

    private MqttClient watch(String url, String baseTopic) {
        try {
            MqttClient client = new MqttClient(url, "camel-smarthome-demo-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setAutomaticReconnect(true);
            client.connect(options);
            // Paho 1.2.5's subscribe(String, int, listener) recurses forever: use the array form.
            IMqttMessageListener listener = this::print;
            client.subscribe(new MqttSubscription[] {new MqttSubscription(baseTopic + "/#", 1)}, new IMqttMessageListener[] {listener});
            return client;
        } catch (MqttException e) {
            err.println("camel-smarthome: demo: cannot watch the broker: " + e.getMessage());
            return null;
        }
    }

    private void print(String topic, MqttMessage message) {
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        if (payload.length() > 200) {
            payload = payload.substring(0, 200) + "...";
        }
        out.println(LocalTime.now().format(TIME) + "  mqtt  " + topic + (message.isRetained() ? " (retained)" : "") + "  " + payload);
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            err.println("camel-smarthome: demo: " + resource.getClass().getSimpleName() + " did not stop cleanly: " + e.getMessage());
        }
    }

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the demo is ending; nothing to do
        }
    }
}
