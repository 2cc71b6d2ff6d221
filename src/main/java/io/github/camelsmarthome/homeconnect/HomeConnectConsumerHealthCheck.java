package io.github.camelsmarthome.homeconnect;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP while the consumer's event stream is connected; DOWN with the reason otherwise: backing off
 * after a drop (and when it retries), rate-limited, or waiting for someone to authorise the account
 * again. Readiness only: the stream reconnects by itself, restarting the bridge would not help.
 */
final class HomeConnectConsumerHealthCheck extends AbstractHealthCheck {

    private final HomeConnectConsumer consumer;

    HomeConnectConsumerHealthCheck(HomeConnectConsumer consumer, String routeId) {
        super("camel", "consumer:homeconnect-" + routeId);
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
            builder.message("Home Connect event stream " + problem);
            builder.down();
        }
    }
}
