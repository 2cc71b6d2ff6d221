package io.github.camelsmarthome.miio;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP while the consumer's scenes are installed and its gateway is heard; DOWN with the reason
 * otherwise: installing, installation failed and retrying, or the gateway silent. Readiness only:
 * the consumer retries and recovers by itself, restarting the bridge would not help.
 */
final class MiioPushConsumerHealthCheck extends AbstractHealthCheck {

    private final MiioPushConsumer consumer;

    MiioPushConsumerHealthCheck(MiioPushConsumer consumer, String routeId) {
        super("camel", "consumer:miio-push-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String problem = consumer.problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.message("miio-push " + problem);
            builder.down();
        }
    }
}
