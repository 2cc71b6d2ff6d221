package io.github.camelsmarthome.simulator.simplisafe;

import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time face at {@code /socketlink} (brief section 6): upgrades, the open sockets, and the
 * push of every event to the sockets subscribed to its user's namespace.
 */
public final class EventSocketHub {

    private static final Logger LOG = LoggerFactory.getLogger(EventSocketHub.class);

    private final TokenRegistry tokens;
    private final SimulatedTime time;
    private final Set<EventSocketSession> sessions = new CopyOnWriteArraySet<>();
    private final AtomicLong upgrades = new AtomicLong();
    private volatile boolean rejectUpgrades;
    private volatile boolean silent;
    private volatile boolean withholdSubscribed;
    private volatile SubscribedMessageType subscribedMessageType;

    EventSocketHub(TokenRegistry tokens, SimulatedTime time, SimpliSafeSimulatorOptions options) {
        this.tokens = tokens;
        this.time = time;
        this.rejectUpgrades = options.rejectSocketUpgrades();
        this.subscribedMessageType = options.subscribedMessageType();
    }

    /** Sockets open now. */
    public int openCount() {
        return sessions.size();
    }

    /** Open sockets that completed identify and joined their namespace. */
    public int subscribedCount() {
        return (int) sessions.stream().filter(EventSocketSession::isSubscribed).count();
    }

    /** Upgrades accepted since start; a reconnecting client makes it grow. */
    public long acceptedUpgrades() {
        return upgrades.get();
    }

    /** Whether upgrades are answered HTTP 403. */
    public boolean rejectsUpgrades() {
        return rejectUpgrades;
    }

    /** The message that confirms subscriptions from now on. */
    public void setSubscribedMessageType(SubscribedMessageType type) {
        this.subscribedMessageType = Objects.requireNonNull(type);
    }

    /** Writes a text frame as it is to every open socket (unknown types, broken JSON …). */
    public void sendRaw(String text) {
        sessions.forEach(session -> session.send(text));
    }

    /** Writes a binary frame to every open socket; the protocol has none, clients must cope. */
    public void sendBinary(byte[] bytes) {
        sessions.forEach(session -> session.sendBinary(bytes));
    }

    // ---- faults, through SimpliSafeFaults ----

    void setRejectUpgrades(boolean reject) {
        this.rejectUpgrades = reject;
    }

    void setSilent(boolean silent) {
        this.silent = silent;
    }

    void setWithholdSubscribed(boolean withhold) {
        this.withholdSubscribed = withhold;
    }

    void drop() {
        sessions.forEach(EventSocketSession::drop);
    }

    void close(short code, String reason) {
        sessions.forEach(session -> session.close(code, reason));
    }

    void freeze() {
        sessions.forEach(EventSocketSession::freeze);
    }

    // ---- used by the server ----

    boolean withholdsSubscribed() {
        return withholdSubscribed;
    }

    SubscribedMessageType subscribedMessageType() {
        return subscribedMessageType;
    }

    void upgrade(RoutingContext ctx) {
        if (rejectUpgrades) {
            LOG.info("Websocket upgrade refused with 403 (403 mode)");
            RestAnswers.text(ctx, 403, "Forbidden");
            return;
        }
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            RestAnswers.text(ctx, 400, "Expected a websocket upgrade");
            return;
        }
        HttpConnection connection = ctx.request().connection();
        ctx.request().toWebSocket().onSuccess(socket -> {
            RequestGate.recordStatus(ctx, 101);
            upgrades.incrementAndGet();
            EventSocketSession session = new EventSocketSession(socket, connection, this, tokens, time);
            sessions.add(session);
            session.start();
        }).onFailure(failure -> {
            LOG.info("Websocket upgrade failed: {}", failure.getMessage());
            RequestGate.recordStatus(ctx, 400);
        });
    }

    void push(SimulatedEvent event, long userId) {
        if (silent) {
            return;
        }
        String namespace = "uid:" + userId;
        String message = null;
        for (EventSocketSession session : sessions) {
            if (session.subscribedTo(namespace)) {
                if (message == null) {
                    message = SocketEnvelope.event(event, time.now());
                }
                session.send(message);
            }
        }
    }

    void closed(EventSocketSession session) {
        sessions.remove(session);
    }

    void closeAll() {
        close((short) 1001, "Server shutting down");
    }
}
