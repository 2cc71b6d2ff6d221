package io.github.camelsmarthome.homeconnect;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.testing.RecoveryTimer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each fault of the Home Connect cloud (issue #7) against {@code from("homeconnect:events")}: the
 * consumer's health goes DOWN with the reason while the stream is down, UP again after, and the
 * route receives events again: the gap marker first, then what the appliances do next. The time
 * from detection to events flowing again is logged by {@link RecoveryTimer}.
 */
class HomeConnectUpstreamFaultsTest extends HomeConnectComponentTestSupport {

    /** The 401 ladder's first step is 20 s; CPU is shared. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private record Arrival(HomeConnectEvent event, long nanoTime) {
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRoute() throws Exception {
        startEventsRoute();
        awaitStreamOpen();
        await().atMost(TIMEOUT).until(() -> state() == HealthCheck.State.UP);
    }

    private void startEventsRoute() throws Exception {
        // Backoff long enough to see the DOWN state, short enough for a test (the default starts at 10 s).
        startCamel(configuration -> {
            configuration.setInitialReconnectDelay(1_000);
            configuration.setMaxReconnectDelay(4_000);
            configuration.setSilentStallTimeout(2_000);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events")
                        .process(exchange -> arrivals.add(new Arrival(exchange.getMessage().getBody(HomeConnectEvent.class),
                                System.nanoTime())));
            }
        });
    }

    @Test
    void aDroppedStreamIsReportedDownThenReopenedAndEventsFlowAgain() {
        recover("stream dropped", () -> cloud.faults().dropStreams(), "BACKING_OFF");
    }

    @Test
    void aStalledStreamWithOnlyKeepAlivesIsReopenedWhenARunningApplianceGoesQuietAndEventsFlowAgain() {
        // Programs run in real time here, so the washer is still running when the stream stalls. The
        // stall is injected at once: each quiet period of a running appliance costs one of its 8 re-reads an hour.
        cloud.clock().setTimeScale(1);
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");
        await().atMost(TIMEOUT).until(() -> arrivals.stream().anyMatch(arrival -> arrival.event().items().stream()
                .anyMatch(item -> item.value() != null && item.value().asText().endsWith("OperationState.Run"))));

        recover("stream stalled (keep-alives only)", () -> {
            cloud.faults().stallStreams();
            cloud.household().washer().stopProgram();
        }, "STALLED");
    }

    @Test
    void garbageOnTheStreamIsReportedAsACorruptStreamThenReopenedAndEventsFlowAgain() {
        recover("garbage on the stream", () -> cloud.faults().injectGarbageLine("HTTP/1.1 200 OK"), "CORRUPT_STREAM");
    }

    @Test
    void aStreamClosedWithA401RenewsTheTokenWaitsTheLadderAndEventsFlowAgain() {
        recover("401 mid-stream", () -> cloud.faults().closeStreamsUnauthorized(1), "UNAUTHORIZED");
    }

    @Test
    void a429OnTheReopenIsReportedAsRateLimitedAndEventsFlowAgainAfterRetryAfter() {
        recover("429 with Retry-After", () -> {
            cloud.faults().rateLimitNext(FaultTarget.EVENT_STREAM, Duration.ofSeconds(3), 1);
            cloud.faults().dropStreams();
        }, "RATE_LIMITED");
    }

    @Test
    void serverErrorsOnTheReopenAreRetriedWithBackoffAndEventsFlowAgain() {
        recover("5xx on the reopen", () -> {
            cloud.faults().failNext(FaultTarget.EVENT_STREAM, 503, 2);
            cloud.faults().dropStreams();
        }, "503");
    }

    @Test
    void aRequestBudgetBlockedAtStartKeepsTheStreamClosedWithTheReasonAndItOpensWhenTheBudgetFreesUp() throws Exception {
        context.stop();
        context = null;
        // As a daily 429 leaves it in the saved budget: every request blocked for a while.
        long now = System.currentTimeMillis();
        Files.writeString(stateDir.resolve(HomeConnectAuthorization.accountName(cloud.clientId()) + ".budget.json"),
                "{\"version\":1,\"burstTokens\":5,\"burstUpdatedAt\":" + now + ",\"blockedUntil\":" + (now + 5_000)
                + ",\"blockedBy\":\"DAILY\"}");
        RecoveryTimer timer = RecoveryTimer.start("request budget exhausted");
        arrivals.clear();

        startEventsRoute();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> consumerHealth("events")
                .filter(result -> result.getState() == HealthCheck.State.DOWN).flatMap(HealthCheck.Result::getMessage)
                .filter(message -> message.contains("BUDGET_REFUSED")).isPresent());
        timer.detected();
        await().atMost(PATIENCE).until(() -> state() == HealthCheck.State.UP);
        cloud.household().washer().openDoor();
        Arrival pushed = await().atMost(TIMEOUT).until(() -> arrivals.stream()
                .filter(arrival -> EventOrigin.STREAM.equals(arrival.event().origin())).findFirst(), found -> found.isPresent())
                .orElseThrow();
        timer.recovered(pushed.nanoTime());
        timer.log();
    }

    /**
     * Injects the fault, waits for the health to go DOWN with {@code reason}, then for the gap marker
     * (the first event after the reopen), health UP, and an appliance event pushed after that.
     */
    private void recover(String fault, Runnable inject, String reason) {
        RecoveryTimer timer = RecoveryTimer.start(fault);
        inject.run();
        // Until the reason shows, earlier DOWN states (the drop before a refused reopen) do not count.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> consumerHealth("events").filter(result -> result.getState() == HealthCheck.State.DOWN)
                        .flatMap(HealthCheck.Result::getMessage).filter(message -> message.contains(reason)).isPresent());
        timer.detected();

        Arrival marker = await().atMost(PATIENCE).until(() -> arrivals.stream()
                .filter(arrival -> "stream_reconnected".equals(arrival.event().type())).findFirst(), found -> found.isPresent())
                .orElseThrow();
        timer.recovered(marker.nanoTime());
        await().atMost(TIMEOUT).until(() -> state() == HealthCheck.State.UP);
        cloud.household().washer().openDoor();
        await().atMost(TIMEOUT).until(() -> arrivals.stream().anyMatch(arrival -> arrival.nanoTime() > marker.nanoTime()
                && EventOrigin.STREAM.equals(arrival.event().origin())));
        assertThat(marker.event().origin()).isEqualTo(EventOrigin.BRIDGE);
        timer.log();
    }

    private HealthCheck.State state() {
        return consumerHealth("events").map(HealthCheck.Result::getState).orElse(HealthCheck.State.UNKNOWN);
    }
}
