package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The push server measures each ack from reading its datagram to the ack leaving the socket (the
 * design's 1 ms p99 budget), for events and re-sends alike, and tells the observers (the runner's
 * Micrometer timer) each figure.
 */
class PushServerAckLatencyTest extends PushServerTestSupport {

    private static final String CLICK = "click_ch0:lumi_158d0001a2b3c4";

    @Test
    void everyAckIsMeasuredAndEachFigureReachesTheObserver() {
        startServer();
        List<Long> observed = new CopyOnWriteArrayList<>();
        server.stats().observeAckLatency(observed::add);
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.sendEvent(42, CLICK);
        gateway.receiveMessage();
        gateway.sendEvent(42, CLICK);
        gateway.receiveMessage();

        await().atMost(Duration.ofSeconds(10)).until(() -> observed.size() == 2);
        MiioPushServerStats stats = server.stats();
        assertThat(stats.ackLatencies()).isEqualTo(stats.acked()).isEqualTo(2);
        assertThat(observed).allSatisfy(nanos -> assertThat(nanos).isPositive());
        assertThat(stats.ackLatencyTotalNanos()).isEqualTo(observed.get(0) + observed.get(1));
        assertThat(stats.ackLatencyMaxNanos()).isEqualTo(Math.max(observed.get(0), observed.get(1)));
    }

    @Test
    void anObserverNoLongerObservingHearsNothingMore() {
        startServer();
        List<Long> observed = new CopyOnWriteArrayList<>();
        java.util.function.LongConsumer observer = observed::add;
        server.stats().observeAckLatency(observer);
        server.stats().stopObservingAckLatency(observer);
        GatewaySocket gateway = registeredGateway(GATEWAY_IP);

        gateway.sendEvent(43, CLICK);
        gateway.receiveMessage();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().ackLatencies() == 1);
        assertThat(observed).isEmpty();
    }
}
