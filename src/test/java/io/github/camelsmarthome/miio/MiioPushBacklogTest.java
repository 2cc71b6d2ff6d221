package io.github.camelsmarthome.miio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.component.DeviceEventConsumer;
import io.github.camelsmarthome.component.RouteBacklog;
import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routes of one gateway, one of them stuck the way a route retrying an unreachable broker is
 * (its exchanges do not finish, its thread is free): what each route gets, and what the stuck
 * one's backlog says.
 */
class MiioPushBacklogTest extends MiioPushComponentTestSupport {

    /** Finishes nothing until the test says so, like an asynchronous redelivery that keeps waiting. */
    private static final class HeldSink extends AsyncProcessorSupport {
        final List<Exchange> held = new CopyOnWriteArrayList<>();
        final List<AsyncCallback> callbacks = new CopyOnWriteArrayList<>();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            held.add(exchange);
            callbacks.add(callback);
            return false;
        }

        void finish(int index, Exception failure) {
            held.get(index).setException(failure);
            callbacks.get(index).done(false);
        }
    }

    private final HeldSink stuck = new HeldSink();

    private RouteBuilder twoRoutes() {
        return twoRoutes("");
    }

    private RouteBuilder twoRoutes(String stuckOptions) {
        String uri = "miio-push:" + GATEWAY_HOST + "?devices=" + SWITCH + ":" + SWITCH_MODEL;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("to-flowing-sink").to("mock:flowing");
                from(uri + stuckOptions).routeId("to-stuck-sink").process((AsyncProcessor) stuck);
            }
        };
    }

    @Test
    void aStuckRouteFallsBehindInOrderWhileTheOtherRouteOfTheGatewayKeepsReceiving() throws Exception {
        CamelContext camel = startCamel(twoRoutes());
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());

        for (String action : List.of("click_ch0", "d_click_ch0", "l_click_ch0")) {
            gateway.fire(SWITCH, action).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        MockEndpoint flowing = camel.getEndpoint("mock:flowing", MockEndpoint.class);
        await().atMost(TIMEOUT).until(() -> flowing.getReceivedCounter() == 3);
        RouteBacklog backlog = ((RouteBacklog.Owner) camel.getRoute("to-stuck-sink").getConsumer()).routeBacklog();
        assertThat(backlog.backlog()).isEqualTo(3);
        assertThat(backlog.backlogPeak()).isEqualTo(3);
        assertThat(backlog.backlogCapacity()).isEqualTo(DeviceEventConsumer.BACKLOG);
        assertThat(stuck.held).as("one at a time").hasSize(1);

        stuck.finish(0, null);
        await().atMost(TIMEOUT).until(() -> stuck.held.size() == 2);
        stuck.finish(1, new IllegalStateException("gave up"));
        await().atMost(TIMEOUT).until(() -> stuck.held.size() == 3);
        stuck.finish(2, null);

        assertThat(stuck.held).extracting(exchange -> exchange.getMessage().getBody(MiioPushEvent.class).type())
                .containsExactly("click_ch0", "d_click_ch0", "l_click_ch0");
        assertThat(backlog.backlog()).isZero();
        assertThat(backlog.droppedEvents()).as("the exchange that ended with an error").isEqualTo(1);
        assertThat(backlog.backlogFullCount()).isZero();
    }

    @Test
    void withMaxInFlightTheStuckRouteHoldsThatManyExchangesStartedInOrder() throws Exception {
        CamelContext camel = startCamel(twoRoutes("&maxInFlight=2"));
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());

        for (String action : List.of("click_ch0", "d_click_ch0", "l_click_ch0")) {
            gateway.fire(SWITCH, action).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        await().atMost(TIMEOUT).until(() -> camel.getEndpoint("mock:flowing", MockEndpoint.class).getReceivedCounter() == 3);
        RouteBacklog backlog = ((RouteBacklog.Owner) camel.getRoute("to-stuck-sink").getConsumer()).routeBacklog();
        await().atMost(TIMEOUT).until(() -> backlog.backlog() == 3);
        assertThat(stuck.held).as("two unfinished at once").hasSize(2);

        stuck.finish(1, new IllegalStateException("gave up"));
        await().atMost(TIMEOUT).until(() -> stuck.held.size() == 3);
        stuck.finish(0, null);
        stuck.finish(2, null);

        assertThat(stuck.held).extracting(exchange -> exchange.getMessage().getBody(MiioPushEvent.class).type())
                .containsExactly("click_ch0", "d_click_ch0", "l_click_ch0");
        assertThat(backlog.backlog()).isZero();
        assertThat(backlog.droppedEvents()).isEqualTo(1);
    }
}
