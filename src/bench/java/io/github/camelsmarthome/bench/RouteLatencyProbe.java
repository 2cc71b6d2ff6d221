package io.github.camelsmarthome.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Measures, on one route of the real bundle, the latency the bundle adds: from the moment the
 * consumer received the event off the stream ({@link HomeConnectEvent#receivedAt()}) until the
 * exchange completes, which for the Kafka and MQTT producers is when the broker acknowledged.
 * Counts completed and failed exchanges, recording into whichever series is current.
 *
 * <p>A series holds only events received after it became current: an event left over from before
 * (the tail of a warm-up flood still draining, or the synthetic events of the stream's first
 * resync) would carry its whole wait in the backlog into the series. Issue #8: at 100/s such
 * leftovers made the MQTT maximum (2.4 s) and, by delaying the first measured events, its p99.
 */
final class RouteLatencyProbe implements RoutePolicyFactory, LatencySource {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static final String RECEIVED_AT = "bench.receivedAt";

    private final String routeId;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Latencies recording;
    private volatile Instant recordingSince = Instant.MAX;
    private final AtomicLong leftovers = new AtomicLong();

    RouteLatencyProbe(String routeId) {
        this.routeId = routeId;
    }

    @Override
    public void recordInto(Latencies series) {
        this.recordingSince = series == null ? Instant.MAX : Instant.now();
        this.recording = series;
    }

    @Override
    public long leftovers() {
        return leftovers.get();
    }

    @Override
    public long completed() {
        return completed.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public void awaitCompleted(long count) {
        Waits.until(TIMEOUT, () -> completed.get() >= count);
    }

    @Override
    public void settle() {
        long[] last = {completed.get()};
        long[] stableSince = {System.nanoTime()};
        Waits.until(TIMEOUT, () -> {
            long now = completed.get();
            if (now != last[0]) {
                last[0] = now;
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] > TimeUnit.SECONDS.toNanos(1);
        });
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String id, NamedNode route) {
        return routeId.equals(id) ? new Policy() : null;
    }

    private final class Policy extends RoutePolicySupport {

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            if (exchange.getMessage().getBody() instanceof HomeConnectEvent event) {
                exchange.setProperty(RECEIVED_AT, event.receivedAt());
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            if (exchange.isFailed()) {
                failed.incrementAndGet();
                return;
            }
            Instant receivedAt = exchange.getProperty(RECEIVED_AT, Instant.class);
            Latencies series = recording;
            if (receivedAt != null && series != null) {
                if (receivedAt.isBefore(recordingSince)) {
                    leftovers.incrementAndGet();
                } else {
                    series.recordNanos(Duration.between(receivedAt, Instant.now()).toNanos());
                }
            }
            completed.incrementAndGet();
        }
    }
}
