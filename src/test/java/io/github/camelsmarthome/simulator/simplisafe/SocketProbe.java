package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A websocket client made with the JDK's {@link WebSocket} and the brief (section 6), collecting
 * every text message as JSON; how a test sees what the simulator pushes.
 */
final class SocketProbe implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    /** "close:<code>" or "error:<exception>", once the connection ended. */
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static SocketProbe open(SimpliSafeSimulator cloud) {
        SocketProbe probe = new SocketProbe();
        try {
            probe.socket = SimpliSafeHttp.CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(cloud.webSocketUrl()), probe).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Websocket did not open", e);
        }
        return probe;
    }

    /** Opens a socket, identifies and waits for registered and subscribed. */
    static SocketProbe subscribed(SimpliSafeSimulator cloud, String token) {
        SocketProbe probe = open(cloud);
        probe.identify(token, cloud.userId());
        probe.nextOfType("com.simplisafe.service.registered");
        probe.nextOfType("com.simplisafe.namespace.subscribed");
        return probe;
    }

    /** The identify message of brief section 6.3. */
    void identify(String token, long userId) {
        Instant now = Instant.now();
        ObjectNode message = SimpliSafeHttp.JSON.createObjectNode();
        message.put("datacontenttype", "application/json");
        message.put("type", "com.simplisafe.connection.identify");
        message.put("time", now.toString());
        message.put("id", "ts:" + now.toEpochMilli());
        message.put("specversion", "1.0");
        message.put("source", SimpliSafeHttp.USER_AGENT);
        ObjectNode data = message.putObject("data");
        data.putObject("auth").put("schema", "bearer").put("token", token);
        data.putArray("join").add("uid:" + userId);
        sendText(message.toString());
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void ping() {
        socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
    }

    /** The next message; fails the test after {@link #WAIT}. */
    JsonNode next() {
        JsonNode message = poll(WAIT);
        if (message == null) {
            fail("No websocket message within " + WAIT);
        }
        return message;
    }

    JsonNode nextOfType(String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && message.path("type").asText().equals(type)) {
                return message;
            }
        }
        return fail("No websocket message of type " + type + " within " + WAIT);
    }

    /** The next event message whose data has this eventId, skipping others. */
    JsonNode awaitEvent(long eventId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && message.path("data").path("eventId").asLong() == eventId) {
                return message;
            }
        }
        return fail("No event " + eventId + " on the websocket within " + WAIT);
    }

    /** Waits this long for a message; {@code null} if none came, which is what a quiet test wants. */
    JsonNode poll(Duration wait) {
        try {
            return messages.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ByteBuffer pollPong(Duration wait) {
        try {
            return pongs.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How the connection ended: {@code close:<code>} or {@code error:<exception>}. */
    String awaitEnd() {
        return ended.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(SimpliSafeHttp.json(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.add(message);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete("close:" + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete("error:" + error.getClass().getSimpleName());
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed() && !ended.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
