package io.github.camelsmarthome.homeconnect;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP while the consumer's event stream is connected; DOWN with the reason otherwise: backing off
 * after a drop (and when it retries), rate-limited, or waiting for someone to authorise the account
 * again. Readiness only: the stream reconnects by itself, restarting the bridge would not help.
 */
final class HomeConnectConsumerHealthCheck extends AbstractHealthCheck {

    private final Supplier<String> problem;

    /** A check of the consumer of {@code routeId}; {@code problem} says why it is down, {@code null} while it is up. */
    HomeConnectConsumerHealthCheck(Supplier<String> problem, String routeId) {
        super("camel", "consumer:homeconnect-" + routeId);
        this.problem = problem;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String found = problem.get();
        if (found == null) {
            builder.up();
        } else {
            builder.message("Home Connect event stream " + found);
            builder.down();
        }
    }
}
