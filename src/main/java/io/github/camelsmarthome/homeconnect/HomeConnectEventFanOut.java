package io.github.camelsmarthome.homeconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeconnect.api.stream.DisconnectReason;
import io.github.camelsmarthome.homeconnect.api.stream.EventStreamListener;

/**
 * Hands each event of an account's single stream to every consumer of that account (routes may
 * filter by appliance or type). Each consumer queues up to its bounded backlog; the stream reads on
 * while every consumer has room, so one stuck route (its broker is down) does not stall the others
 * until its backlog is full, and memory stays bounded.
 */
final class HomeConnectEventFanOut implements EventStreamListener {

    private final List<HomeConnectConsumer> consumers = new CopyOnWriteArrayList<>();
    private final String account;
    private final Clock clock;
    private volatile String lastProblem = "not connected yet";

    HomeConnectEventFanOut(String account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    void add(HomeConnectConsumer consumer) {
        consumers.add(consumer);
    }

    void remove(HomeConnectConsumer consumer) {
        consumers.remove(consumer);
    }

    boolean isEmpty() {
        return consumers.isEmpty();
    }

    /** Why the stream is not connected, for health checks; {@code null} while it is. */
    String lastProblem() {
        return lastProblem;
    }

    @Override
    public CompletionStage<?> onEvent(HomeConnectEvent event) {
        if (consumers.size() == 1) {
            return consumers.get(0).deliver(event);
        }
        CompletableFuture<?>[] deliveries = consumers.stream().map(consumer -> consumer.deliver(event).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deliveries);
    }

    @Override
    public void onConnected() {
        lastProblem = null;
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        lastProblem = reason + ": " + detail;
    }

    @Override
    public void onReconnecting(Duration delay) {
        String problem = lastProblem == null ? "disconnected" : lastProblem;
        lastProblem = problem.replaceAll("; reconnecting in .*$", "") + "; reconnecting in " + delay.toSeconds() + " s";
    }

    /**
     * Besides the health check, routes learn it as an {@code auth_required} event about the
     * account, so that it can reach Home Assistant or an alert like any other event.
     */
    @Override
    public void onAuthRequired(String detail) {
        lastProblem = "authorisation required: " + detail;
        Instant now = clock.instant();
        HomeConnectEventItem item = new HomeConnectEventItem("detail", TextNode.valueOf(detail), null, now, null, null, null, null,
                null, null, null);
        onEvent(HomeConnectEvent.synthetic(account, HomeConnectEventType.AUTH_REQUIRED, List.of(item), now, EventOrigin.BRIDGE));
    }
}
