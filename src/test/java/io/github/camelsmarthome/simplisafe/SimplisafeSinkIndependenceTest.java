package io.github.camelsmarthome.simplisafe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routes consume the account's events, one per sink. While one route is stuck (its broker is
 * down), the other keeps receiving events; when it recovers it gets everything it missed, in order.
 */
class SimplisafeSinkIndependenceTest extends SimplisafeComponentTestSupport {

    /** A route step that holds every exchange until released, like a sink retrying a dead broker. */
    private static final class StuckSink extends AsyncProcessorSupport {
        final List<SimplisafeEvent> received = new CopyOnWriteArrayList<>();
        final List<AsyncCallback> held = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> released = new CompletableFuture<>();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            received.add(exchange.getMessage().getBody(SimplisafeEvent.class));
            if (released.isDone()) {
                callback.done(true);
                return true;
            }
            held.add(callback);
            return false;
        }

        void release() {
            released.complete(null);
            held.forEach(callback -> callback.done(false));
        }
    }

    @Test
    void aStuckRouteDoesNotStallTheOtherAndCatchesUpInOrder() throws Exception {
        StuckSink stuck = new StuckSink();
        startConsumer(configuration -> configuration.setRealtime(false), new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events").routeId("stuck-sink").process(stuck);
            }
        });
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> stuck.held.size() == 1);

        cloud.system().openSensor(FRONT_DOOR);
        awaitEvent(type("sensor_triggered"));
        cloud.system().closeSensor(FRONT_DOOR);
        awaitEvent(type("sensor_cleared"));
        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        cloud.system().armByKeypad(AlarmMode.HOME);
        awaitEvent(type("armed_home"));
        assertThat(stuck.received).as("the stuck route is still at its first event").hasSize(1);

        stuck.release();
        await().atMost(TIMEOUT).until(() -> stuck.received.size() >= events.size());
        assertThat(stuck.received.stream().map(SimplisafeEvent::id).toList())
                .containsSubsequence(events.stream().map(SimplisafeEvent::id).toList());
    }
}
