package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket connection (brief section 6.3): {@code hello} on open; on {@code identify} with a
 * live token, {@code registered} and then the subscribed message for the user's
 * {@code uid:<userId>} namespace; events for that namespace from then on.
 *
 * <p>Identify is accepted whenever it arrives, before or after hello was read, and again later
 * (a client that re-identifies gets the sequence again). An unknown or expired token closes the
 * socket with 1008. Anything else a client sends is ignored.
 */
final class EventSocketSession {

    private static final Logger LOG = LoggerFactory.getLogger(EventSocketSession.class);
    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerWebSocket socket;
    private final HttpConnection connection;
    private final EventSocketHub hub;
    private final TokenRegistry tokens;
    private final SimulatedTime time;
    private final Set<String> namespaces = new CopyOnWriteArraySet<>();
    private volatile boolean frozen;

    EventSocketSession(ServerWebSocket socket, HttpConnection connection, EventSocketHub hub, TokenRegistry tokens, SimulatedTime time) {
        this.socket = socket;
        this.connection = connection;
        this.hub = hub;
        this.tokens = tokens;
        this.time = time;
    }

    void start() {
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(this::onBinary);
        socket.exceptionHandler(failure -> LOG.debug("Websocket failed: {}", failure.toString()));
        socket.closeHandler(v -> hub.closed(this));
        ObjectNode hello = (ObjectNode) SimpliSafeJson.fixture("ws_message_hello_data.json");
        hello.put("key", helloKey());
        send(SocketEnvelope.control(SocketEnvelope.HELLO, hello, time.now()));
    }

    boolean subscribedTo(String namespace) {
        return !frozen && namespaces.contains(namespace);
    }

    boolean isSubscribed() {
        return !namespaces.isEmpty();
    }

    void send(String text) {
        if (!frozen && !socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    void sendBinary(byte[] bytes) {
        if (!frozen && !socket.isClosed()) {
            socket.writeBinaryMessage(Buffer.buffer(bytes));
        }
    }

    void close(short code, String reason) {
        if (!socket.isClosed()) {
            socket.close(code, reason);
        }
    }

    /** Closes the TCP connection without a close frame, as a network failure would. */
    void drop() {
        if (connection instanceof ConnectionBase base) {
            // Closing from the first handler's context reaches the socket directly; a close through
            // the whole pipeline (HttpConnection.close(), Channel.close()) sends a close frame first.
            base.channel().pipeline().firstContext().close();
        } else {
            close((short) 1011, "dropped");
        }
    }

    /** Stops reading (no pongs, no identify) and writing, like a peer that hung. */
    void freeze() {
        frozen = true;
        socket.pause();
        if (connection instanceof ConnectionBase base) {
            // WebSocket.pause() only holds back messages: pings are still read and answered. Reading
            // stops for good only once the event loop has applied it, so the caller waits for that
            // (unless it is that event loop) and a ping sent right after is already unanswered.
            var channel = base.channel();
            if (channel.eventLoop().inEventLoop()) {
                channel.config().setAutoRead(false);
            } else {
                channel.eventLoop().submit(() -> channel.config().setAutoRead(false)).syncUninterruptibly();
            }
        }
    }

    private void onText(String text) {
        JsonNode message = SimpliSafeJson.parseOrNull(text);
        if (message == null || !message.isObject()) {
            LOG.debug("Ignored a websocket message that is not a JSON object ({} characters)", text.length());
            return;
        }
        String type = message.path("type").asText();
        if (!SocketEnvelope.IDENTIFY.equals(type)) {
            LOG.debug("Ignored websocket message of type {}", type);
            return;
        }
        identify(message.path("data"));
    }

    private void identify(JsonNode data) {
        JsonNode auth = data.path("auth");
        TokenRegistry.AccessGrant grant = "bearer".equalsIgnoreCase(auth.path("schema").asText())
                ? tokens.valid(auth.path("token").asText(null)) : null;
        if (grant == null) {
            LOG.info("Websocket identify refused: unknown or expired token; closing with 1008");
            close((short) 1008, "Unauthorized");
            return;
        }
        send(SocketEnvelope.control(SocketEnvelope.REGISTERED, null, time.now()));
        String own = "uid:" + grant.userId();
        for (JsonNode joined : data.path("join")) {
            String namespace = joined.asText();
            if (!own.equals(namespace)) {
                LOG.info("Websocket join of a foreign namespace ignored");
                continue;
            }
            namespaces.add(namespace);
            if (hub.withholdsSubscribed()) {
                LOG.info("Websocket identified for user {}; subscribed message withheld (fault)", grant.userId());
                continue;
            }
            ObjectNode subscribed = SimpliSafeJson.object();
            subscribed.put("namespace", namespace);
            send(SocketEnvelope.control(hub.subscribedMessageType().type(), subscribed, time.now()));
            LOG.info("Websocket identified and subscribed for user {}", grant.userId());
        }
    }

    private void onBinary(Buffer buffer) {
        LOG.debug("Ignored a binary websocket message of {} bytes: the protocol is text only", buffer.length());
    }

    private static String helloKey() {
        StringBuilder key = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            key.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }
}
