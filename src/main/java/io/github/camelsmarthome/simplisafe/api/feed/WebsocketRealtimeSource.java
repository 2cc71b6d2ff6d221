package io.github.camelsmarthome.simplisafe.api.feed;

import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStats;
import io.github.camelsmarthome.simplisafe.api.websocket.RealtimeStatus;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeClient;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeListener;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeOptions;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The feed's {@link RealtimeSource} on SimpliSafe's websocket ({@link SimplisafeRealtimeClient}). */
public final class WebsocketRealtimeSource implements RealtimeSource {

    private final SimplisafeRealtimeClient client;

    private WebsocketRealtimeSource(SimplisafeRealtimeClient client) {
        this.client = client;
    }

    /** A source with the real cloud's timings on {@code url}, for the user {@code userId}. */
    public static WebsocketRealtimeSource create(Vertx vertx, String url, TokenRefresher tokens, long userId, RealtimeSink sink,
            Clock clock) {
        return create(vertx, SimplisafeRealtimeOptions.defaults().withUrl(url), tokens, userId, sink, clock);
    }

    /** A source with the given websocket options. */
    public static WebsocketRealtimeSource create(Vertx vertx, SimplisafeRealtimeOptions options, TokenRefresher tokens, long userId,
            RealtimeSink sink, Clock clock) {
        SimplisafeRealtimeListener listener = new SimplisafeRealtimeListener() {
            @Override
            public void onEvent(SimplisafeEvent event) {
                sink.onEvent(event);
            }

            @Override
            public void onLive(boolean afterGap) {
                sink.onLive(afterGap);
            }

            @Override
            public void onLost(String reason) {
                sink.onLost(reason);
            }

            @Override
            public void onRefused(int consecutiveRefusals, Instant retryAt) {
                sink.onRefused(consecutiveRefusals, retryAt);
            }
        };
        return new WebsocketRealtimeSource(new SimplisafeRealtimeClient(vertx, options, tokens, userId, listener, clock));
    }

    @Override
    public void start() {
        client.start();
    }

    @Override
    public void reconnect(String reason) {
        client.reconnect(reason);
    }

    @Override
    public Optional<RealtimeStats> stats() {
        return Optional.of(client.stats());
    }

    @Override
    public String describe() {
        RealtimeStatus status = client.status();
        StringBuilder text = new StringBuilder("websocket ").append(status.state());
        if (status.nextAttemptAt() != null) {
            text.append(", next attempt at ").append(status.nextAttemptAt());
        }
        if (status.lastProblem() != null) {
            text.append(", last problem: ").append(status.lastProblem());
        }
        return text.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
