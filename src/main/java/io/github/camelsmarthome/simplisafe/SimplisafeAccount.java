package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefreshCall;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthOptions;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClientOptions;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.FeedCheckpointFile;
import io.github.camelsmarthome.simplisafe.api.feed.RealtimeSink;
import io.github.camelsmarthome.simplisafe.api.feed.RealtimeSource;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeFeedOptions;
import io.github.camelsmarthome.simplisafe.api.feed.WebsocketRealtimeSource;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the endpoints of one SimpliSafe account share: tokens, the REST client, and one event feed
 * (one poller and one websocket per account, whatever the number of routes). After every token
 * refresh the websocket reconnects, so it is never identified with an old token (brief 9.3).
 */
final class SimplisafeAccount implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimplisafeAccount.class);
    /** The brief's proactive refresh: five minutes before expiry (homebridge). */
    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final String name;
    private final Vertx vertx;
    private final Clock clock;
    private final SimpliSafeAuthorization authorization;
    private final TokenRefresher tokens;
    private final SimpliSafeClient client;
    private final FeedCheckpointFile checkpoints;
    private final List<SimplisafeConsumer> consumers = new CopyOnWriteArrayList<>();
    private volatile SimplisafeEventFeed feed;
    private volatile RealtimeSource realtime;

    SimplisafeAccount(Vertx vertx, SimplisafeConfiguration configuration, Path stateDir, Clock clock) throws IOException {
        this(vertx, SimpliSafeAuthorization.accountName(configuration.getAccount()), configuration, stateDir, clock);
    }

    /** The account {@code name} whose token store is in {@code stateDir} (one of an accounts folder). */
    SimplisafeAccount(Vertx vertx, String name, SimplisafeConfiguration configuration, Path stateDir, Clock clock) throws IOException {
        this.vertx = vertx;
        this.clock = clock;
        this.name = name;
        this.authorization = new SimpliSafeAuthorization(vertx,
                SimpliSafeAuthOptions.of(configuration.getAuthUrl(), configuration.getApiUrl()), clock);
        FileTokenStore store = new FileTokenStore(stateDir);
        if (store.load(name).isEmpty() && configuration.getRefreshToken() != null && !configuration.getRefreshToken().isBlank()) {
            // An expired access token makes the first call refresh; the store keeps what comes back.
            store.save(name, new OAuthTokens(null, configuration.getRefreshToken().trim(), Instant.EPOCH, null, "Bearer", Map.of()));
            LOG.info("SimpliSafe account {}: starting from the configured refresh token; the token store is {}", name,
                    store.locationOf(name));
        }
        TokenRefreshCall refreshAndReconnect = current -> authorization.refresh(current).thenApply(fresh -> {
            RealtimeSource socket = realtime;
            if (socket != null) {
                socket.reconnect("access token refreshed");
            }
            return fresh;
        });
        this.tokens = TokenRefresher.builder(name, store, refreshAndReconnect).refreshAhead(REFRESH_AHEAD).clock(clock).build();
        SimpliSafeClientOptions options = new SimpliSafeClientOptions(configuration.getApiUrl(),
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getRequestTimeout()),
                SimpliSafeClientOptions.DEFAULT_MAX_BODY_BYTES, 2, Duration.ofMillis(500));
        this.client = new SimpliSafeClient(vertx, options, tokens);
        this.checkpoints = FeedCheckpointFile.open(stateDir, name);
    }

    /** The account name, which names the token store. */
    String name() {
        return name;
    }

    SimpliSafeClient client() {
        return client;
    }

    TokenRefresher tokens() {
        return tokens;
    }

    /** Adds a consumer; the first one starts the account's feed with its options. */
    synchronized void subscribe(SimplisafeConsumer consumer, SimplisafeConfiguration configuration) {
        consumers.add(consumer);
        if (feed != null) {
            return;
        }
        SimplisafeFeedOptions options = SimplisafeFeedOptions.defaults()
                .withPollIntervals(Duration.ofMillis(configuration.getFastPollInterval()),
                        Duration.ofMillis(configuration.getSlowPollInterval()))
                .withArmCooldown(Duration.ofMillis(configuration.getArmCooldown()))
                .withHistory(configuration.getHistoryPageSize(), configuration.isPollSensors());
        // Consumers filter by system themselves, so that two routes on two systems share one feed.
        String websocketUrl = configuration.getWebsocketUrl();
        java.util.function.BiFunction<Long, RealtimeSink, RealtimeSource> realtimeFactory = configuration.isRealtime()
                ? (userId, sink) -> {
                    RealtimeSource source = WebsocketRealtimeSource.create(vertx, websocketUrl, tokens, userId, sink, clock);
                    realtime = source;
                    return source;
                }
                : null;
        feed = new SimplisafeEventFeed(vertx, client, tokens, options, realtimeFactory, this::fanOut, clock, checkpoints);
        feed.start();
    }

    /** Removes a consumer; the last one stops the feed. */
    synchronized void unsubscribe(SimplisafeConsumer consumer) {
        consumers.remove(consumer);
        if (consumers.isEmpty() && feed != null) {
            feed.close();
            feed = null;
            realtime = null;
        }
    }

    private CompletableFuture<Void> fanOut(SimplisafeEvent event) {
        return CompletableFuture.allOf(consumers.stream().map(consumer -> consumer.deliver(event).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** The feed's mode; {@code REST_ONLY} when no consumer runs it. */
    ConnectionMode mode() {
        SimplisafeEventFeed running = feed;
        return running == null ? ConnectionMode.REST_ONLY : running.mode();
    }

    /** Why events may not flow, {@code null} when they do or when no consumer runs. */
    String problem() {
        SimplisafeEventFeed running = feed;
        return running == null ? "not started" : running.problem();
    }

    /** The running feed, or {@code null}. */
    SimplisafeEventFeed feed() {
        return feed;
    }

    /** A command changed the alarm state: the feed rests the sensors for the cooldown. */
    void noteArmingCommand(long systemId) {
        SimplisafeEventFeed running = feed;
        if (running != null) {
            running.noteArmingCommand(systemId);
        }
    }

    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        client.close();
        authorization.close();
    }
}
