package io.github.camelsmarthome.simplisafe;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP while polling works, whether or not the websocket does (REST_ONLY is a working mode, not a
 * fault); DOWN with the reason when the systems cannot be read or polls fail, and when someone must
 * authorise the account again. The detail {@code connection_mode} is REALTIME, REST_ONLY or
 * AUTH_REQUIRED. Readiness only: the feed recovers by itself, a restart would not help.
 */
final class SimplisafeConsumerHealthCheck extends AbstractHealthCheck {

    private final SimplisafeConsumer consumer;

    SimplisafeConsumerHealthCheck(SimplisafeConsumer consumer, String routeId) {
        super("camel", "consumer:simplisafe-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("connection_mode", consumer.mode().name());
        String realtime = consumer.realtimeDescription();
        if (realtime != null) {
            builder.detail("realtime", realtime);
        }
        String problem = consumer.problem();
        if (problem == null) {
            builder.message("SimpliSafe events flowing, connection mode " + consumer.mode());
            builder.up();
        } else {
            builder.message("SimpliSafe connection mode " + consumer.mode() + ": " + problem);
            builder.down();
        }
    }
}
