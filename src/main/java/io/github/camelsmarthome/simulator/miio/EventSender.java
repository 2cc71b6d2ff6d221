package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway acting as a miIO client towards a scene's target (brief sections 6.7 and 8.4):
 * hello, wait for the reply, then the event request sealed with the target token, re-sent until
 * it is acknowledged or the retries are spent.
 *
 * <p>Deliveries run one after another on their own thread, which may block waiting for answers;
 * the receive loop only completes the futures they wait on.
 */
final class EventSender implements AutoCloseable {

    /** Sends one datagram; {@code plaintext} is kept for the traffic record only. */
    interface Transport {
        void send(byte[] datagram, InetSocketAddress to, String plaintext);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final FakeGatewayOptions options;
    private final TokenCipher ownCipher;
    private final ObjectMapper json;
    private final GatewayStats stats;
    private final Transport transport;
    private final ExecutorService worker;
    private final Map<InetSocketAddress, CompletableFuture<PacketHeader>> helloWaiters = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Boolean>> ackWaiters = new ConcurrentHashMap<>();
    // Random start: a restarted simulator must not reuse ids the push server may still de-duplicate.
    private final AtomicLong nextEventId = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));

    EventSender(FakeGatewayOptions options, TokenCipher ownCipher, ObjectMapper json, GatewayStats stats, Transport transport) {
        this.options = options;
        this.ownCipher = ownCipher;
        this.json = json;
        this.stats = stats;
        this.transport = transport;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fake-gateway-" + options.did() + "-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Delivers the event of each action of each scene, in order; completes when all ended. */
    CompletableFuture<List<DeliveryOutcome>> deliver(List<StoredScene> scenes, JsonNode params) {
        return CompletableFuture.supplyAsync(() -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (StoredScene scene : scenes) {
                for (SceneAction action : scene.actions()) {
                    outcomes.add(deliverOne(scene.id(), action, params));
                }
            }
            return outcomes;
        }, worker);
    }

    /** A 32-byte packet that is not a hello request arrived: a hello reply, perhaps awaited. */
    void onHelloReply(InetSocketAddress from, PacketHeader header) {
        CompletableFuture<PacketHeader> waiter = helloWaiters.get(from);
        if (waiter != null) {
            waiter.complete(header);
        }
    }

    /** A decrypted message without a method arrived: a response, perhaps the ack of an event. */
    void onResponse(JsonNode response) {
        JsonNode id = response.get("id");
        if (id == null || !id.canConvertToLong()) {
            return;
        }
        CompletableFuture<Boolean> waiter = ackWaiters.get(id.asLong());
        if (waiter != null && response.path("result").isNumber() && response.path("result").asInt() == 0) {
            waiter.complete(Boolean.TRUE);
        }
    }

    private DeliveryOutcome deliverOne(String sceneId, SceneAction action, JsonNode params) {
        String method = action.method();
        long eventId = nextEventId.getAndIncrement();
        Optional<InetSocketAddress> target = target(action.ip());
        Optional<byte[]> targetToken = ownCipher.decryptTargetToken(action.encryptedToken());
        if (target.isEmpty() || targetToken.isEmpty()) {
            LOG.warn("Fake gateway {}: scene {} has an unusable target ({}): event {} not sent", options.did(), sceneId,
                    target.isEmpty() ? "ip is not an IPv4 address" : "token is not 32 hex characters", method);
            stats.eventsUnacknowledged.increment();
            return new DeliveryOutcome(sceneId, action.ip(), method, eventId, false, 0);
        }
        if (!MessageDigest.isEqual(targetToken.get(), ownCipher.token())) {
            LOG.debug("Fake gateway {}: scene {} targets a device with a token of its own; its acks cannot be read", options.did(), sceneId);
        }
        Optional<PacketHeader> hello = handshake(target.get());
        if (hello.isEmpty()) {
            LOG.info("Fake gateway {}: {} did not answer the hello; event {} of scene {} not sent", options.did(), target.get(), method,
                    sceneId);
            stats.eventsUnacknowledged.increment();
            return new DeliveryOutcome(sceneId, action.ip(), method, eventId, false, 0);
        }
        String payload = eventPayload(eventId, method, params);
        byte[] packet = PacketCodec.seal(TokenCipher.of(targetToken.get()), hello.get().did(), (hello.get().stamp() + 1) & 0xFFFFFFFFL,
                payload.getBytes(StandardCharsets.UTF_8));
        int attempts = 0;
        boolean acked = false;
        while (!acked && attempts <= options.retryCount()) {
            if (attempts > 0) {
                stats.retransmissions.increment();
                LOG.debug("Fake gateway {}: no ack for event {} within {}, re-sending", options.did(), eventId, options.ackTimeout());
            } else {
                stats.eventsSent.increment();
                LOG.debug("Fake gateway {}: event {} id {} to {}", options.did(), method, eventId, target.get());
            }
            attempts++;
            acked = sendAndAwaitAck(packet, eventId, target.get(), payload);
        }
        if (acked) {
            stats.eventsAcked.increment();
            if (options.sendEventsTwice()) {
                stats.duplicatesSent.increment();
                sendAndAwaitAck(packet, eventId, target.get(), payload);
            }
        } else {
            stats.eventsUnacknowledged.increment();
            LOG.info("Fake gateway {}: event {} id {} to {} was never acknowledged after {} sends", options.did(), method, eventId,
                    target.get(), attempts);
        }
        return new DeliveryOutcome(sceneId, action.ip(), method, eventId, acked, attempts);
    }

    private Optional<PacketHeader> handshake(InetSocketAddress target) {
        for (int attempt = 0; attempt <= options.retryCount(); attempt++) {
            CompletableFuture<PacketHeader> reply = new CompletableFuture<>();
            helloWaiters.put(target, reply);
            try {
                transport.send(PacketCodec.helloRequest(), target, null);
                Optional<PacketHeader> header = await(reply);
                if (header.isPresent()) {
                    return header;
                }
            } finally {
                helloWaiters.remove(target, reply);
            }
        }
        return Optional.empty();
    }

    private boolean sendAndAwaitAck(byte[] packet, long eventId, InetSocketAddress target, String payload) {
        CompletableFuture<Boolean> ack = new CompletableFuture<>();
        ackWaiters.put(eventId, ack);
        try {
            transport.send(packet, target, payload);
            return await(ack).isPresent();
        } finally {
            ackWaiters.remove(eventId, ack);
        }
    }

    private <T> Optional<T> await(CompletableFuture<T> future) {
        try {
            return Optional.of(future.get(options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private String eventPayload(long eventId, String method, JsonNode params) {
        ObjectNode event = json.createObjectNode();
        event.put("id", eventId);
        event.put("method", method);
        event.set("params", params == null ? json.createArrayNode() : params);
        // The one real capture carries "from":"nbl.<number>"; its meaning is unknown (brief 6.7).
        event.put("from", "nbl." + options.did());
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an event payload", e);
        }
    }

    private Optional<InetSocketAddress> target(String ip) {
        return ipv4(ip).map(address -> new InetSocketAddress(address, options.targetPort()));
    }

    /** A dotted IPv4 literal as an address, parsed by hand so that a hostile "ip" never causes a DNS lookup. */
    static Optional<InetAddress> ipv4(String ip) {
        if (ip == null || !IPV4.matcher(ip).matches()) {
            return Optional.empty();
        }
        String[] parts = ip.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            address[i] = (byte) octet;
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        helloWaiters.values().forEach(waiter -> waiter.cancel(false));
        ackWaiters.values().forEach(waiter -> waiter.cancel(false));
    }
}
