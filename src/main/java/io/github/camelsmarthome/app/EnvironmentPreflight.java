package io.github.camelsmarthome.app;

import java.util.Map;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.homeassistant.MqttBrokerSettings;

/**
 * Checks the environment contract before Camel starts, so that a wrong variable ends the runner
 * with exactly one line and nothing else on the console. {@link SmarthomeConfiguration} checks
 * the same values again once properties files had their say.
 */
final class EnvironmentPreflight {

    private final Map<String, String> env;

    EnvironmentPreflight(Map<String, String> env) {
        this.env = env;
    }

    /** @throws InvalidConfigurationException naming the first variable that cannot work */
    void check() {
        checkRoutesDir();
        String mqttUrl = env.get("MQTT_URL");
        if (mqttUrl != null) {
            MqttBrokerSettings.of(mqttUrl, null, null, env.getOrDefault("MQTT_BASE_TOPIC", "camel-smarthome"), "preflight");
        } else if (env.containsKey("MQTT_BASE_TOPIC")) {
            MqttBrokerSettings.of("tcp://localhost:1883", null, null, env.get("MQTT_BASE_TOPIC"), "preflight");
        }
        String brokers = env.get("KAFKA_BROKERS");
        if (brokers != null && !brokers.isBlank()) {
            SmarthomeConfiguration.validKafkaBrokers(brokers);
        }
        checkPort("METRICS_PORT", "9876");
    }

    private void checkRoutesDir() {
        String dir = env.get("ROUTES_DIR");
        SmarthomeConfiguration.requireRoutesDir(dir == null || dir.isBlank() ? "routes" : dir.trim());
    }

    private void checkPort(String variable, String defaultValue) {
        String port = env.get(variable);
        if (port == null || port.isBlank()) {
            return;
        }
        try {
            int value = Integer.parseInt(port.trim());
            if (value >= 0 && value <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(variable,
                "'" + port + "' is not a port number: use a number from 1 to 65535 (default " + defaultValue + ")");
    }
}
