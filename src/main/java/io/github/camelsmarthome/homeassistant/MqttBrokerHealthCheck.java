package io.github.camelsmarthome.homeassistant;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Reports the bridge's MQTT connection: UP while connected, DOWN with the reason (refused,
 * unknown host, bad credentials, connection lost) while not.
 *
 * <p>It is a readiness check only: a broker outage is not a reason to restart the bridge, which
 * reconnects by itself.
 */
public class MqttBrokerHealthCheck extends AbstractHealthCheck {

    private final BridgeMqttConnection connection;

    /** Checks {@code connection}, under the id {@code smarthome-mqtt-broker}. */
    public MqttBrokerHealthCheck(BridgeMqttConnection connection) {
        super("smarthome", "mqtt-broker");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", connection.settings().url());
        if (connection.isConnected()) {
            builder.up();
        } else {
            // host:port rather than the URL: Camel's health JSON escapes the slashes of a URL twice.
            builder.message("MQTT broker at " + connection.settings().hostAndPort() + " unreachable: " + connection.problem());
            builder.down();
        }
    }
}
